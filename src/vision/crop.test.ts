import { describe, expect, it } from "vitest";
import type { RawPoint } from "../core/movement/keypoints.types.js";
import { cropAround, cropResize, cropResizeYuv, fromCrop, fullFrameCrop } from "./crop.js";

const body = (centre: { cx: number; cy: number }, scale: number, score = 0.9): RawPoint[] =>
  Array.from({ length: 17 }, (_, i) => {
    // shoulders 5, 6; hips 11, 12; ankles 15, 16 at the extremes
    const y = i <= 4 ? -1.4 : i <= 10 ? -0.9 : i <= 12 ? 0 : i <= 14 ? 0.5 : 1;
    const x = i % 2 === 0 ? 0.15 : -0.15;
    return { x: centre.cx + x * scale, y: centre.cy + y * scale, score };
  });

describe("following the person with a crop", () => {
  it("starts from the whole frame, centred in a square", () => {
    expect(fullFrameCrop(1920, 1080)).toEqual({ x: 0, y: -420, size: 1920 });
  });

  it("centres on the hips and keeps the whole body with a margin", () => {
    const crop = cropAround(body({ cx: 1500, cy: 700 }, 100), 1920, 1080);
    // body reach 140 px (head) × 1.2 = 168; torso reach 90 × 1.9 = 171
    expect(crop.size).toBeCloseTo(342, 0);
    expect(crop.x + crop.size / 2).toBeCloseTo(1500, 6);
    expect(crop.y + crop.size / 2).toBeCloseTo(700, 6);
  });

  it("falls back to the whole frame when the hips were not seen", () => {
    expect(cropAround(body({ cx: 500, cy: 500 }, 100, 0.1), 1920, 1080)).toEqual(
      fullFrameCrop(1920, 1080),
    );
  });

  it("samples a crop bilinearly and pads outside the frame with black", () => {
    const rgb = new Uint8Array(4 * 2 * 3);
    for (let i = 0; i < 8; i++) rgb.set([i * 10, 0, 255], i * 3);
    const out = new Int32Array(2 * 2 * 3);
    cropResize({ rgb, width: 4, height: 2 }, { x: 0, y: 0, size: 2 }, { out, size: 2 });
    expect(Array.from(out.slice(0, 3))).toEqual([0, 0, 255]);
    expect(out[3]).toBe(10);
    expect(out[6]).toBe(40);
    cropResize({ rgb, width: 4, height: 2 }, { x: -2, y: 0, size: 2 }, { out, size: 2 });
    expect(Array.from(out)).toEqual(new Array(12).fill(0));
  });

  it("turns YUV 4:2:0 into RGB while sampling, and pads outside the frame with black", () => {
    // A 4 × 2 frame: Y plane 8 bytes, then U and V planes of 2 × 1.
    const frame = (y: number, u: number, v: number) => ({
      yuv: Uint8Array.from([...new Array(8).fill(y), u, u, v, v]),
      width: 4,
      height: 2,
    });
    const out = new Int32Array(2 * 2 * 3);
    cropResizeYuv(frame(235, 128, 128), { x: 0, y: 0, size: 2 }, { out, size: 2 });
    expect(Array.from(out.slice(0, 3))).toEqual([255, 255, 255]);
    // Limited-range BT.601 red, green and blue.
    cropResizeYuv(frame(81, 90, 240), { x: 0, y: 0, size: 2 }, { out, size: 2 });
    expect(Array.from(out.slice(0, 3))).toEqual([254, 0, 0]);
    cropResizeYuv(frame(145, 54, 34), { x: 0, y: 0, size: 2 }, { out, size: 2 });
    expect(Array.from(out.slice(0, 3))).toEqual([0, 255, 1]);
    cropResizeYuv(frame(41, 240, 110), { x: 0, y: 0, size: 2 }, { out, size: 2 });
    expect(Array.from(out.slice(0, 3))).toEqual([0, 0, 255]);
    cropResizeYuv(frame(235, 128, 128), { x: -2, y: 0, size: 2 }, { out, size: 2 });
    expect(Array.from(out)).toEqual(new Array(12).fill(0));
  });

  it("maps model output back to frame pixels", () => {
    const [p] = fromCrop([0.5, 0.25, 0.8], { x: 100, y: 50, size: 200 }, 1);
    expect(p).toEqual({ x: 150, y: 150, score: 0.8 });
  });
});
