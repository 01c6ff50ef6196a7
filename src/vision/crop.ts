/**
 * Following the person with a crop, as MoveNet's own smart cropping does: the next frame is
 * cut around where the body was, so a small runner in a wide frame still fills the model's
 * input. Pure functions over RGB buffers (3 bytes per pixel, row-major).
 */
import type { RawPoint } from "../core/movement/keypoints.types.js";

/** A square region of the frame in pixels; it may reach past the edges (padded with black). */
export interface CropBox {
  x: number;
  y: number;
  size: number;
}

/** Keypoint score above which a point guides the crop. */
const GUIDE_SCORE = 0.2;

/** The whole frame, centred in a square. */
export function fullFrameCrop(width: number, height: number): CropBox {
  const size = Math.max(width, height);
  return { x: (width - size) / 2, y: (height - size) / 2, size };
}

/**
 * Crop for the next frame from this frame's points (COCO order, pixels): centred on the hips,
 * half-size the larger of 1.9 × the torso's reach and 1.2 × the whole body's reach, as in
 * MoveNet's published cropping. Falls back to the full frame when the torso was not seen.
 */
export function cropAround(points: readonly RawPoint[], width: number, height: number): CropBox {
  const at = (i: number) => points[i];
  const torso = [5, 6, 11, 12].map(at).filter((p): p is RawPoint => !!p && p.score > GUIDE_SCORE);
  const lh = at(11);
  const rh = at(12);
  if (torso.length < 2 || !lh || !rh || lh.score <= GUIDE_SCORE || rh.score <= GUIDE_SCORE) {
    return fullFrameCrop(width, height);
  }
  const cx = (lh.x + rh.x) / 2;
  const cy = (lh.y + rh.y) / 2;
  let torsoReach = 0;
  for (const p of torso) torsoReach = Math.max(torsoReach, Math.abs(p.x - cx), Math.abs(p.y - cy));
  let bodyReach = 0;
  for (const p of points) {
    if (p.score > GUIDE_SCORE)
      bodyReach = Math.max(bodyReach, Math.abs(p.x - cx), Math.abs(p.y - cy));
  }
  const half = Math.max(torsoReach * 1.9, bodyReach * 1.2, 16);
  const full = fullFrameCrop(width, height);
  if (2 * half >= full.size) return full;
  return { x: cx - half, y: cy - half, size: 2 * half };
}

/** An RGB frame: 3 bytes per pixel, row by row. */
export interface RgbFrame {
  rgb: Uint8Array;
  width: number;
  height: number;
}

/**
 * Cuts `crop` out of an RGB frame and scales it to size × size with bilinear sampling,
 * writing integers 0–255 (MoveNet's input) into `target.out` (length size·size·3).
 */
export function cropResize(
  frame: RgbFrame,
  crop: CropBox,
  target: { out: Int32Array; size: number },
): void {
  const { rgb, width, height } = frame;
  const { out, size } = target;
  const step = crop.size / size;
  const stride = width * 3;
  for (let oy = 0; oy < size; oy++) {
    const sy = crop.y + (oy + 0.5) * step - 0.5;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    const rowInside = y0 >= 0 && y0 + 1 < height;
    for (let ox = 0; ox < size; ox++) {
      const sx = crop.x + (ox + 0.5) * step - 0.5;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const o = (oy * size + ox) * 3;
      if (rowInside && x0 >= 0 && x0 + 1 < width) {
        // Fast path: all four neighbours inside the frame.
        const i00 = y0 * stride + x0 * 3;
        const i01 = i00 + stride;
        for (let c = 0; c < 3; c++) {
          const p00 = rgb[i00 + c] ?? 0;
          const p10 = rgb[i00 + 3 + c] ?? 0;
          const p01 = rgb[i01 + c] ?? 0;
          const p11 = rgb[i01 + 3 + c] ?? 0;
          const top = p00 + (p10 - p00) * fx;
          const bottom = p01 + (p11 - p01) * fx;
          out[o + c] = (top + (bottom - top) * fy + 0.5) | 0;
        }
        continue;
      }
      for (let c = 0; c < 3; c++) {
        const p00 = channel(frame, offsetOf(frame, x0, y0), c);
        const p10 = channel(frame, offsetOf(frame, x0 + 1, y0), c);
        const p01 = channel(frame, offsetOf(frame, x0, y0 + 1), c);
        const p11 = channel(frame, offsetOf(frame, x0 + 1, y0 + 1), c);
        const top = p00 + (p10 - p00) * fx;
        const bottom = p01 + (p11 - p01) * fx;
        out[o + c] = (top + (bottom - top) * fy + 0.5) | 0;
      }
    }
  }
}

/** A YUV 4:2:0 frame as ffmpeg's yuv420p: the Y plane, then U and V at half width and height. */
export interface YuvFrame {
  yuv: Uint8Array;
  width: number;
  height: number;
}

/**
 * As cropResize, from a yuv420p frame (limited range, BT.601, as ffmpeg converts to RGB by
 * default): each output pixel samples Y, U and V bilinearly, then turns them into RGB. Decoding
 * to YUV and converting only the model's 192 × 192 pixels costs far less than converting whole
 * frames in ffmpeg. Outside the frame reads as black.
 */
export function cropResizeYuv(
  frame: YuvFrame,
  crop: CropBox,
  target: { out: Int32Array; size: number },
): void {
  const { yuv, width, height } = frame;
  const { out, size } = target;
  const cw = width >> 1;
  const ch = height >> 1;
  const uBase = width * height;
  const vBase = uBase + cw * ch;
  const step = crop.size / size;
  // Where each output column and row samples, worked out once per crop. 4:2:0 chroma sits on
  // every other luma column (chroma x = luma x / 2) and between two luma rows (y = (luma y − ½) / 2).
  const lx = axisTaps({ start: crop.x, step, count: size, extent: width, stride: 1, pad: true });
  const ly = axisTaps({
    start: crop.y,
    step,
    count: size,
    extent: height,
    stride: width,
    pad: true,
  });
  const cx = axisTaps({
    start: crop.x / 2 + 0.25,
    step: step / 2,
    count: size,
    extent: cw,
    stride: 1,
    pad: false,
  });
  const cy = axisTaps({
    start: crop.y / 2,
    step: step / 2,
    count: size,
    extent: ch,
    stride: cw,
    pad: false,
  });
  const { i0: xa, i1: xb, w0: wxa, w1: wxb } = lx;
  const { i0: cxa, i1: cxb, w0: wcxa, w1: wcxb } = cx;
  for (let oy = 0; oy < size; oy++) {
    const r0 = ly.i0[oy] as number;
    const r1 = ly.i1[oy] as number;
    const wr0 = ly.w0[oy] as number;
    const wr1 = ly.w1[oy] as number;
    const c0 = cy.i0[oy] as number;
    const c1 = cy.i1[oy] as number;
    const wc0 = cy.w0[oy] as number;
    const wc1 = cy.w1[oy] as number;
    let o = oy * size * 3;
    for (let ox = 0; ox < size; ox++, o += 3) {
      const a = xa[ox] as number;
      const b = xb[ox] as number;
      const wa = wxa[ox] as number;
      const wb = wxb[ox] as number;
      // Luma neighbours outside the frame weigh 0: they read as black (Y 16). Chroma repeats
      // the edge, then fades to grey (U and V 128) as much as the luma fell outside.
      const inside = (wr0 + wr1) * (wa + wb);
      const y =
        16 +
        wr0 * (wa * ((yuv[r0 + a] as number) - 16) + wb * ((yuv[r0 + b] as number) - 16)) +
        wr1 * (wa * ((yuv[r1 + a] as number) - 16) + wb * ((yuv[r1 + b] as number) - 16));
      const ca = cxa[ox] as number;
      const cb = cxb[ox] as number;
      const wca = wcxa[ox] as number;
      const wcb = wcxb[ox] as number;
      const u0 = uBase + c0;
      const u1 = uBase + c1;
      const u =
        inside *
        (wc0 * (wca * ((yuv[u0 + ca] as number) - 128) + wcb * ((yuv[u0 + cb] as number) - 128)) +
          wc1 * (wca * ((yuv[u1 + ca] as number) - 128) + wcb * ((yuv[u1 + cb] as number) - 128)));
      const v0 = vBase + c0;
      const v1 = vBase + c1;
      const v =
        inside *
        (wc0 * (wca * ((yuv[v0 + ca] as number) - 128) + wcb * ((yuv[v0 + cb] as number) - 128)) +
          wc1 * (wca * ((yuv[v1 + ca] as number) - 128) + wcb * ((yuv[v1 + cb] as number) - 128)));
      // Limited-range BT.601 YUV → RGB.
      const luminance = 1.164 * (y - 16);
      out[o] = toByte(luminance + 1.596 * v);
      out[o + 1] = toByte(luminance - 0.391 * u - 0.813 * v);
      out[o + 2] = toByte(luminance + 2.018 * u);
    }
  }
}

/**
 * Bilinear taps along one axis: both neighbours' offsets (clamped into the plane) and weights;
 * with `pad`, a neighbour outside the plane weighs 0, else the edge pixel stands in for it.
 */
interface AxisTaps {
  i0: Int32Array;
  i1: Int32Array;
  w0: Float64Array;
  w1: Float64Array;
}

function axisTaps(axis: {
  start: number;
  step: number;
  count: number;
  extent: number;
  stride: number;
  pad: boolean;
}): AxisTaps {
  const { start, step, count, extent, stride, pad } = axis;
  const taps: AxisTaps = {
    i0: new Int32Array(count),
    i1: new Int32Array(count),
    w0: new Float64Array(count),
    w1: new Float64Array(count),
  };
  const clamp = (p: number) => Math.min(extent - 1, Math.max(0, p)) * stride;
  const inside = (p: number) => (!pad || (p >= 0 && p < extent) ? 1 : 0);
  for (let k = 0; k < count; k++) {
    const at = start + (k + 0.5) * step - 0.5;
    const p0 = Math.floor(at);
    const f = at - p0;
    taps.i0[k] = clamp(p0);
    taps.i1[k] = clamp(p0 + 1);
    taps.w0[k] = (1 - f) * inside(p0);
    taps.w1[k] = f * inside(p0 + 1);
  }
  return taps;
}

function toByte(value: number): number {
  return value <= 0 ? 0 : value >= 255 ? 255 : (value + 0.5) | 0;
}

/** Byte offset of pixel (x, y), or −1 outside the frame (read as black). */
function offsetOf(frame: RgbFrame, x: number, y: number): number {
  return x < 0 || y < 0 || x >= frame.width || y >= frame.height ? -1 : (y * frame.width + x) * 3;
}

function channel(frame: RgbFrame, offset: number, c: number): number {
  return offset < 0 ? 0 : (frame.rgb[offset + c] ?? 0);
}

/** Model output (y, x, score normalised to the crop) → frame pixels. */
export function fromCrop(output: ArrayLike<number>, crop: CropBox, count: number): RawPoint[] {
  const points: RawPoint[] = [];
  for (let i = 0; i < count; i++) {
    const y = output[i * 3] ?? 0;
    const x = output[i * 3 + 1] ?? 0;
    const score = output[i * 3 + 2] ?? 0;
    points.push({ x: crop.x + x * crop.size, y: crop.y + y * crop.size, score });
  }
  return points;
}
