/**
 * What real pose detectors do to a phone clip, applied to the synthetic runner's keypoints:
 * jitter that grows with limb speed (motion blur), legs dropped and swapped, a background person
 * the tracker jumps to, a runner who shrinks as they run away, slow motion stored at 30 fps, a
 * silhouette whose legs the model cannot tell apart. Deterministic for a given seed.
 */
import type { KeypointName, KeypointSeries, KeypointTrack } from "../keypoints.types.js";
import { type RunnerSpec, seededRandom, syntheticRun } from "./synthetic-runner.js";

const LEG_PARTS = ["Knee", "Ankle", "Heel", "BigToe"] as const;

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function copySeries(series: KeypointSeries): KeypointSeries {
  const tracks: KeypointSeries["tracks"] = {};
  for (const [name, track] of Object.entries(series.tracks) as [KeypointName, KeypointTrack][]) {
    tracks[name] = { x: track.x.slice(), y: track.y.slice(), score: track.score.slice() };
  }
  return { ...series, t: series.t.slice(), tracks };
}

/**
 * Jitter proportional to how far a point moved since the last frame (blur smears fast limbs):
 * SD = basePx + share × displacement, and the score falls as the point speeds up.
 */
export function withSpeedJitter(
  series: KeypointSeries,
  options: { basePx: number; share: number; seed: number },
): KeypointSeries {
  const out = copySeries(series);
  const random = seededRandom(options.seed);
  for (const [name, track] of Object.entries(out.tracks) as [KeypointName, KeypointTrack][]) {
    const source = series.tracks[name] as KeypointTrack;
    for (let i = 0; i < track.x.length; i++) {
      const j = Math.max(0, i - 1);
      const moved = Math.hypot(
        (source.x[i] ?? 0) - (source.x[j] ?? 0),
        (source.y[i] ?? 0) - (source.y[j] ?? 0),
      );
      const sd = options.basePx + options.share * moved;
      track.x[i] = (track.x[i] ?? 0) + sd * gaussian(random);
      track.y[i] = (track.y[i] ?? 0) + sd * gaussian(random);
      track.score[i] = Math.max(0.31, (track.score[i] ?? 0) - Math.min(0.35, moved / 100));
    }
  }
  return out;
}

/** Swaps the left and right leg labels over `frames` consecutive frames, every `everyFrames`. */
export function withLegSwaps(
  series: KeypointSeries,
  options: { everyFrames: number; frames: number; seed: number },
): { series: KeypointSeries; swappedFrames: number } {
  const out = copySeries(series);
  const random = seededRandom(options.seed);
  let swappedFrames = 0;
  for (let start = Math.floor(random() * options.everyFrames); start < out.t.length; ) {
    for (let i = start; i < Math.min(out.t.length, start + options.frames); i++) {
      swappedFrames++;
      for (const part of LEG_PARTS) {
        const l = out.tracks[`left${part}`];
        const r = out.tracks[`right${part}`];
        if (!l || !r) continue;
        for (const key of ["x", "y", "score"] as const) {
          const v = l[key][i] ?? 0;
          l[key][i] = r[key][i] ?? 0;
          r[key][i] = v;
        }
      }
    }
    start += options.everyFrames + Math.floor(random() * options.everyFrames);
  }
  return { series: out, swappedFrames };
}

/** Drops the far leg (the left, in the synthetic side view) in random stretches: score 0.1, position junk. */
export function withDroppedLeg(
  series: KeypointSeries,
  options: { share: number; seed: number },
): KeypointSeries {
  const out = copySeries(series);
  const random = seededRandom(options.seed);
  let dropping = false;
  for (let i = 0; i < out.t.length; i++) {
    // Stretches of about 6 frames, covering `share` of the clip.
    if (random() < 1 / 6) dropping = random() < options.share;
    if (!dropping) continue;
    for (const part of LEG_PARTS) {
      const track = out.tracks[`left${part}`];
      if (!track) continue;
      track.score[i] = 0.1;
      track.x[i] = (track.x[i] ?? 0) + 80 * gaussian(random);
      track.y[i] = (track.y[i] ?? 0) + 80 * gaussian(random);
    }
  }
  return out;
}

/**
 * A person in the background whom the tracker follows for a while: frames from..to of the
 * clip carry another runner's keypoints (elsewhere in the picture, out of step); the people
 * count says two were seen throughout.
 */
export function withBackgroundPerson(
  series: KeypointSeries,
  other: KeypointSeries,
  options: { fromS: number; toS: number },
): KeypointSeries {
  const out = copySeries(series);
  for (const [name, track] of Object.entries(out.tracks) as [KeypointName, KeypointTrack][]) {
    const theirs = other.tracks[name];
    if (!theirs) continue;
    for (let i = 0; i < track.x.length; i++) {
      const t = out.t[i] ?? 0;
      if (t < options.fromS || t >= options.toS) continue;
      track.x[i] = theirs.x[i] ?? Number.NaN;
      track.y[i] = theirs.y[i] ?? Number.NaN;
      track.score[i] = theirs.score[i] ?? 0;
    }
  }
  out.people = { maxInFrame: 2, framesWithSeveral: out.t.length };
  return out;
}

/**
 * A runner moving away from the camera: the whole body shrinks towards a point on the horizon
 * (image centre, at the camera's height), to `endScale` of its size by the end of the clip.
 */
export function shrinking(series: KeypointSeries, endScale: number): KeypointSeries {
  const out = copySeries(series);
  const cx = series.width / 2;
  const cy = series.height / 2;
  const last = series.t[series.t.length - 1] ?? 1;
  for (const track of Object.values(out.tracks) as KeypointTrack[]) {
    for (let i = 0; i < track.x.length; i++) {
      const s = 1 + (endScale - 1) * ((out.t[i] ?? 0) / last);
      track.x[i] = cx + ((track.x[i] ?? 0) - cx) * s;
      track.y[i] = cy + ((track.y[i] ?? 0) - cy) * s;
    }
  }
  return out;
}

/** A slow-motion clip: filmed at the spec's rate, stored (and so read) at `storedFps`. */
export function slowMotion(spec: Partial<RunnerSpec>, storedFps: number): KeypointSeries {
  const { series } = syntheticRun(spec);
  return { ...series, fps: storedFps, t: series.t.map((_, i) => i / storedFps) };
}

/**
 * A side-view silhouette against the sky, filmed by a camera panning to follow: the model sees
 * an outline, so its leg labels flip at random and its scores are low; the background moves.
 */
export function silhouette(spec: Partial<RunnerSpec>, seed: number): KeypointSeries {
  const { series } = syntheticRun({ view: "side", fps: 24, durationS: 17, ...spec, seed });
  const random = seededRandom(seed + 1);
  const out = withSpeedJitter(series, { basePx: 3, share: 0.4, seed });
  for (let i = 0; i < out.t.length; i++) {
    // An outline: either leg may be called left, a coin toss every few frames.
    if (random() < 0.5) {
      for (const part of LEG_PARTS) {
        const l = out.tracks[`left${part}`];
        const r = out.tracks[`right${part}`];
        if (!l || !r) continue;
        for (const key of ["x", "y"] as const) {
          const v = l[key][i] ?? 0;
          l[key][i] = r[key][i] ?? 0;
          r[key][i] = v;
        }
      }
    }
    for (const track of Object.values(out.tracks) as KeypointTrack[]) {
      track.score[i] = 0.25 + 0.35 * random();
    }
  }
  out.cameraMotion = { checks: 8, movingShare: 1, speed: 0.3 };
  return out;
}

/**
 * The runner passing a fixed camera instead of running on a treadmill: the whole body slides
 * across the picture at `pxPerS`, starting `startPx` from where it was; then, optionally, the
 * picture is rolled by `rollDeg` about its centre (a camera not level).
 */
export function passingBy(
  series: KeypointSeries,
  options: { pxPerS: number; startPx: number; rollDeg?: number },
): KeypointSeries {
  const out = copySeries(series);
  const roll = ((options.rollDeg ?? 0) * Math.PI) / 180;
  const cx = series.width / 2;
  const cy = series.height / 2;
  for (const track of Object.values(out.tracks) as KeypointTrack[]) {
    for (let i = 0; i < track.x.length; i++) {
      const x = (track.x[i] ?? 0) + options.startPx + options.pxPerS * (out.t[i] ?? 0) - cx;
      const y = (track.y[i] ?? 0) - cy;
      track.x[i] = cx + x * Math.cos(roll) - y * Math.sin(roll);
      track.y[i] = cy + x * Math.sin(roll) + y * Math.cos(roll);
    }
  }
  return out;
}
