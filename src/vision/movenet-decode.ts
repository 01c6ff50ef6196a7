/**
 * MoveNet's decoding, the last part of its TensorFlow graph, in TypeScript: from the network's
 * four heads (on a grid of input / 4 cells) to 17 keypoints. The person is the strongest cell of
 * the centre heatmap; each keypoint starts where that cell's regression points, and is the
 * heatmap's strongest cell weighted by closeness to that start, refined by its offset.
 * Arithmetic is in float32 as in the graph, so the result matches it to the last bit or so.
 */

/** Output names of the converted MoveNet files (NHWC, batch 1). */
export const MOVENET_OUTPUTS = {
  center: "center",
  heatmap: "heatmap",
  regress: "regress",
  offset: "offset",
} as const;

export const MOVENET_KEYPOINTS = 17;

/** The graph's constant `add_5/y`: 1.8 as float16, added to the distance before dividing by it. */
const DISTANCE_OFFSET = 1.7998046875;

/** The network's heads for one input, each grid × grid × channels, row-major. */
export interface MoveNetHeads {
  /** Person-centre score, already weighted towards the middle of the crop: 1 channel. */
  center: Float32Array;
  /** Keypoint heatmaps, 0–1: 17 channels. */
  heatmap: Float32Array;
  /** From the centre to each keypoint, cells: 34 channels (y, x per keypoint). */
  regress: Float32Array;
  /** Sub-cell refinement of each keypoint, cells: 34 channels (y, x per keypoint). */
  offset: Float32Array;
  grid: number;
}

/** `v` rounded to the nearest IEEE half-precision value (normal range), as the graph stores it. */
export function roundToHalf(v: number): number {
  const step = 2 ** (Math.floor(Math.log2(Math.abs(v))) - 10);
  return Math.round(v / step) * step;
}

/** Index of the first largest value of `values[start + k·stride]`, k < count (as TF's ArgMax). */
function argMax(values: Float32Array, count: number, start: number, stride: number): number {
  let best = 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let k = 0, i = start; k < count; k++, i += stride) {
    const v = values[i] as number;
    if (v > bestValue) {
      bestValue = v;
      best = k;
    }
  }
  return best;
}

/**
 * Heads → 17 × (y, x, score), y and x normalised to the input (0–1), as MoveNet's own output
 * [1, 1, 17, 3].
 */
export function decodeMoveNet(heads: MoveNetHeads): Float32Array {
  const { center, heatmap, regress, offset, grid } = heads;
  const f = Math.fround;
  const cells = grid * grid;
  const K = MOVENET_KEYPOINTS;
  const scale = roundToHalf(1 / grid);
  const centreCell = argMax(center, cells, 0, 1);
  const cy = Math.floor(centreCell / grid);
  const cx = centreCell - cy * grid;
  const out = new Float32Array(K * 3);
  for (let k = 0; k < K; k++) {
    const ry = f(cy + (regress[centreCell * 2 * K + 2 * k] as number));
    const rx = f(cx + (regress[centreCell * 2 * K + 2 * k + 1] as number));
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let i = 0, cell = 0; i < grid; i++) {
      const dy = f(f(i - ry) * f(i - ry));
      for (let j = 0; j < grid; j++, cell++) {
        const dx = f(f(j - rx) * f(j - rx));
        const distance = f(f(Math.sqrt(f(dy + dx))) + DISTANCE_OFFSET);
        const v = f((heatmap[cell * K + k] as number) / distance);
        if (v > bestValue) {
          bestValue = v;
          best = cell;
        }
      }
    }
    const hy = Math.floor(best / grid);
    const hx = best - hy * grid;
    const oy = offset[best * 2 * K + 2 * k] as number;
    const ox = offset[best * 2 * K + 2 * k + 1] as number;
    out[k * 3] = f(f(hy + oy) * scale);
    out[k * 3 + 1] = f(f(hx + ox) * scale);
    out[k * 3 + 2] = heatmap[best * K + k] as number;
  }
  return out;
}
