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
