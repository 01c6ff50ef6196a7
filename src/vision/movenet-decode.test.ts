import { describe, expect, it } from "vitest";
import { decodeMoveNet, MOVENET_KEYPOINTS, roundToHalf } from "./movenet-decode.js";

const K = MOVENET_KEYPOINTS;

/** Empty heads on a grid × grid map. */
function heads(grid: number) {
  const cells = grid * grid;
  return {
    grid,
    center: new Float32Array(cells),
    heatmap: new Float32Array(cells * K),
    regress: new Float32Array(cells * 2 * K),
    offset: new Float32Array(cells * 2 * K),
  };
}

describe("MoveNet decoding", () => {
  it.each([
    [1 / 48, 0.0208282470703125],
    [1.8, 1.7998046875],
    [1 / 64, 0.015625],
  ])("rounds %f to half precision as the graph stores it: %f", (v, half) => {
    expect(roundToHalf(v)).toBe(half);
  });

  it("takes each keypoint from the heatmap cell nearest where the centre's regression points", () => {
    const h = heads(8);
    // The person's centre is cell (2, 3); from there keypoint 5 is regressed 2 cells down.
    const centre = 2 * 8 + 3;
    h.center[centre] = 0.9;
    h.regress.set([2, 0], centre * 2 * K + 2 * 5);
    // Two equal heatmap peaks for keypoint 5: (4, 3), where the regression points, and (0, 7).
    h.heatmap[(4 * 8 + 3) * K + 5] = 0.6;
    h.heatmap[(0 * 8 + 7) * K + 5] = 0.6;
    // The offset refines (4, 3) by a quarter cell down and half a cell left.
    h.offset.set([0.25, -0.5], (4 * 8 + 3) * 2 * K + 2 * 5);
    const out = decodeMoveNet(h);
    expect(out).toHaveLength(K * 3);
    // y, x as fractions of the input: cells × 1/8.
    expect(out[5 * 3]).toBeCloseTo(4.25 / 8, 6);
    expect(out[5 * 3 + 1]).toBeCloseTo(2.5 / 8, 6);
    expect(out[5 * 3 + 2]).toBeCloseTo(0.6, 6);
  });

  it("scores a keypoint that the heatmap does not show as 0", () => {
    const out = decodeMoveNet(heads(8));
    expect(out[2]).toBe(0);
  });
});
