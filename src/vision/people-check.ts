/**
 * Telling whether someone else is in the picture. MoveNet SinglePose finds one person per
 * crop and cannot count people, so now and then the whole frame is looked at again with the
 * followed person's crop blacked out: a confident body found there is a second person.
 */
import type { PeopleSeen, RawPoint } from "../core/movement/keypoints.types.js";

/** A rectangle of the frame, pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Seconds of video between two looks for someone else. Each look costs one more inference:
 * every 2 s it adds under 1 % to the work, and a person who stays in the picture is still seen.
 */
export const PEOPLE_CHECK_EVERY_S = 2;

/** Score above which a point counts as seen, and how many seen points make a person. */
const SEEN_SCORE = 0.35;
const PERSON_MIN_POINTS = 8;

/** Share of the body's size added on every side of its box when blacking it out. */
const BODY_MARGIN = 0.15;

/**
 * The box around the followed person's confident points, with a margin for the frames the
 * points are late by; undefined when too few points were seen to place the body.
 */
export function bodyBox(points: readonly RawPoint[]): Rect | undefined {
  const seen = points.filter((p) => p.score > SEEN_SCORE);
  if (seen.length < PERSON_MIN_POINTS) return undefined;
  const xs = seen.map((p) => p.x);
  const ys = seen.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = BODY_MARGIN * Math.max(x1 - x0, y1 - y0);
  return {
    x: x0 - margin,
    y: y0 - margin,
    width: x1 - x0 + 2 * margin,
    height: y1 - y0 + 2 * margin,
  };
}

/**
 * Whether `points` (found with `mask` blacked out) are a second person: enough confident
 * points, a torso among them (both shoulders or both hips), and their middle outside `mask`.
 */
export function isOtherPerson(points: readonly RawPoint[], mask: Rect): boolean {
  const seen = points.filter((p) => p.score > SEEN_SCORE);
  if (seen.length < PERSON_MIN_POINTS) return false;
  const ok = (i: number) => (points[i]?.score ?? 0) > SEEN_SCORE;
  if (!((ok(5) && ok(6)) || (ok(11) && ok(12)))) return false;
  const cx = seen.reduce((sum, p) => sum + p.x, 0) / seen.length;
  const cy = seen.reduce((sum, p) => sum + p.y, 0) / seen.length;
  const inside =
    cx >= mask.x && cx <= mask.x + mask.width && cy >= mask.y && cy <= mask.y + mask.height;
  return !inside;
}

/**
 * People seen over a clip of `frames` frames from `checks` looks, `withOthers` of which found
 * someone else: frames with several people are estimated as that share of all frames.
 */
export function peopleSeen(counts: {
  frames: number;
  checks: number;
  withOthers: number;
}): PeopleSeen {
  const { frames, checks, withOthers } = counts;
  return {
    maxInFrame: withOthers > 0 ? 2 : 1,
    framesWithSeveral: checks > 0 ? Math.round((withOthers / checks) * frames) : 0,
  };
}
