import type { KeypointName, KeypointSeries, KeypointTrack } from "./keypoints.types.js";

/** Leg points that pose models confuse between left and right, especially from the side. */
const LEG_PAIRS: readonly [KeypointName, KeypointName][] = [
  ["leftHip", "rightHip"],
  ["leftKnee", "rightKnee"],
  ["leftAnkle", "rightAnkle"],
  ["leftHeel", "rightHeel"],
  ["leftBigToe", "rightBigToe"],
  ["leftSmallToe", "rightSmallToe"],
];

/** Swapping must make the legs this much more continuous (ratio of costs) to be applied. */
const SWAP_MARGIN = 0.5;

/**
 * Undoes left/right label swaps of the legs: in each frame, if exchanging the left and right
 * knees, ankles and feet makes them follow on from the previous frame much better (sum of
 * distances under half), they are exchanged. Returns a corrected copy, the frames fixed and the
 * number of separate swaps (runs of swapped frames).
 */
export function fixLegSwaps(
  series: KeypointSeries,
  minScore = 0.3,
): { series: KeypointSeries; swapped: number; episodes: number } {
  const pairs = LEG_PAIRS.filter(([l, r]) => series.tracks[l] && series.tracks[r]);
  const tracks: KeypointSeries["tracks"] = { ...series.tracks };
  for (const [l, r] of pairs) {
    tracks[l] = copyTrack(series.tracks[l] as KeypointTrack);
    tracks[r] = copyTrack(series.tracks[r] as KeypointTrack);
  }
  const n = series.t.length;
  // Last trusted position of each point, carried over frames where it was not seen.
  const last = new Map<KeypointName, { x: number; y: number }>();
  let swapped = 0;
  let episodes = 0;
  let inSwap = false;
  for (let i = 0; i < n; i++) {
    let keep = 0;
    let swap = 0;
    let compared = 0;
    for (const [l, r] of pairs) {
      if (l === "leftHip") continue; // hips are rarely swapped alone and anchor nothing here
      const tl = tracks[l] as KeypointTrack;
      const tr = tracks[r] as KeypointTrack;
      const pl = last.get(l);
      const pr = last.get(r);
      if (!pl || !pr || (tl.score[i] ?? 0) < minScore || (tr.score[i] ?? 0) < minScore) continue;
      const xl = tl.x[i] ?? 0;
      const yl = tl.y[i] ?? 0;
      const xr = tr.x[i] ?? 0;
      const yr = tr.y[i] ?? 0;
      keep += Math.hypot(xl - pl.x, yl - pl.y) + Math.hypot(xr - pr.x, yr - pr.y);
      swap += Math.hypot(xr - pl.x, yr - pl.y) + Math.hypot(xl - pr.x, yl - pr.y);
      compared++;
    }
    const swapHere = compared >= 2 && swap < SWAP_MARGIN * keep;
    if (swapHere) {
      for (const [l, r] of pairs) {
        if (l === "leftHip") continue;
        exchange(tracks[l] as KeypointTrack, tracks[r] as KeypointTrack, i);
      }
      swapped++;
      if (!inSwap) episodes++;
    }
    inSwap = swapHere;
    for (const [l, r] of pairs) {
      for (const name of [l, r]) {
        const track = tracks[name] as KeypointTrack;
        if ((track.score[i] ?? 0) >= minScore)
          last.set(name, { x: track.x[i] ?? 0, y: track.y[i] ?? 0 });
      }
    }
  }
  return { series: { ...series, tracks }, swapped, episodes };
}

function copyTrack(track: KeypointTrack): KeypointTrack {
  return { x: track.x.slice(), y: track.y.slice(), score: track.score.slice() };
}

function exchange(a: KeypointTrack, b: KeypointTrack, i: number): void {
  for (const key of ["x", "y", "score"] as const) {
    const v = a[key][i] ?? 0;
    a[key][i] = b[key][i] ?? 0;
    b[key][i] = v;
  }
}
