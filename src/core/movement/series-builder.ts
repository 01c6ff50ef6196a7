import {
  type CameraView,
  emptyTrack,
  type KeypointName,
  type KeypointSeries,
  type KeypointTrack,
  type RawPoint,
} from "./keypoints.types.js";

/** One person's points in one frame, by name; missing points are simply absent. */
export type PersonPoints = Partial<Record<KeypointName, RawPoint>>;

/** Everyone detected in one frame, and optionally the frame's time in seconds. */
export interface FramePeople {
  t?: number;
  people: readonly PersonPoints[];
}

export interface SeriesMeta {
  fps: number;
  width: number;
  height: number;
  model: string;
  view?: CameraView;
}

/** Points below this score do not count when locating a person. */
const LOCATE_MIN_SCORE = 0.2;

interface Box {
  cx: number;
  cy: number;
  size: number;
}

/** Fewer points than this make a fragment, not a person, when counting people. */
const PERSON_MIN_POINTS = 5;

function boxOf(person: PersonPoints, minPoints = 1): Box | undefined {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let seen = 0;
  for (const point of Object.values(person)) {
    if (!point || point.score < LOCATE_MIN_SCORE) continue;
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) continue;
    minX = Math.min(minX, point.x);
    maxX = Math.max(maxX, point.x);
    minY = Math.min(minY, point.y);
    maxY = Math.max(maxY, point.y);
    seen++;
  }
  if (seen < minPoints) return undefined;
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, size: Math.max(maxX - minX, maxY - minY) };
}

/**
 * Picks the person to follow in each frame: the largest at the start, then whoever is
 * nearest to where the followed person last was (a runner does not jump across the frame).
 * Returns the index into `people` per frame, or -1 when nobody usable is there.
 */
export function followPerson(frames: readonly FramePeople[]): number[] {
  const chosen: number[] = [];
  let last: Box | undefined;
  for (const frame of frames) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    frame.people.forEach((person, index) => {
      const box = boxOf(person);
      if (!box) return;
      // Without history: prefer the biggest person. With history: the nearest, relative to size.
      const cost = last
        ? Math.hypot(box.cx - last.cx, box.cy - last.cy) / Math.max(last.size, 1) +
          Math.abs(Math.log(Math.max(box.size, 1) / Math.max(last.size, 1)))
        : -box.size;
      if (cost < bestCost) {
        bestCost = cost;
        best = index;
      }
    });
    chosen.push(best);
    const picked = best >= 0 ? frame.people[best] : undefined;
    if (picked) last = boxOf(picked) ?? last;
  }
  return chosen;
}

/**
 * Assembles per-frame detections into a column-wise series of one person.
 * Times default to frame index ÷ fps. Points with a non-finite position get score 0.
 */
export function buildSeries(frames: readonly FramePeople[], meta: SeriesMeta): KeypointSeries {
  const n = frames.length;
  const t = new Float64Array(n);
  const tracks: Partial<Record<KeypointName, KeypointTrack>> = {};
  const chosen = followPerson(frames);
  let maxInFrame = 0;
  let framesWithSeveral = 0;
  for (let i = 0; i < n; i++) {
    const frame = frames[i];
    if (!frame) continue;
    t[i] = frame.t ?? i / meta.fps;
    const count = frame.people.filter((p) => boxOf(p, PERSON_MIN_POINTS) !== undefined).length;
    maxInFrame = Math.max(maxInFrame, count);
    if (count > 1) framesWithSeveral++;
    const person = frame.people[chosen[i] ?? -1];
    if (!person) continue;
    for (const [name, point] of Object.entries(person) as [KeypointName, RawPoint | undefined][]) {
      if (!point || !Number.isFinite(point.x) || !Number.isFinite(point.y) || point.score <= 0) {
        continue;
      }
      let track = tracks[name];
      if (!track) {
        track = emptyTrack(n);
        tracks[name] = track;
      }
      track.x[i] = point.x;
      track.y[i] = point.y;
      track.score[i] = Math.min(1, point.score);
    }
  }
  const series: KeypointSeries = {
    fps: meta.fps,
    width: meta.width,
    height: meta.height,
    model: meta.model,
    t,
    tracks,
    people: { maxInFrame, framesWithSeveral },
  };
  if (meta.view) series.view = meta.view;
  return series;
}
