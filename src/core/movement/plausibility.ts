/**
 * Plausibility of running measures: a value outside what human runners do is not a result. It
 * is withheld, and the warning says what was seen and what most likely caused it (slow motion,
 * walking, a clip too short, steps missed, the wrong person). Ranges are clinic defaults built on
 * the sources named; docs/clinical-sources.md lists them.
 */
import type { RunningMetricId } from "./running-metrics.js";

export interface PlausibleRange {
  min: number;
  max: number;
  /** Why the range is what it is, in a few words. */
  basis: string;
}

/**
 * Running cadence, steps/min: recreational runners run at about 171 ± 8 (heiderscheit-2011);
 * walking stays below about 130 even when brisk (tudor-locke-2018); above 230 is sprinting,
 * not the easy running hipcheck analyses. (check: clinic default)
 */
export const RUNNING_CADENCE: PlausibleRange = {
  min: 130,
  max: 230,
  basis: "running cadence; walking stays below about 130 steps/min",
};

/**
 * Ranges of the other measures (novacheck-1998 for timing and sagittal knee angles; frontal
 * angles far beyond the 2–15° reported in runners, bramah-2018, herrington-2014). A mean outside
 * its range means the keypoints are not on a running body. (check: clinic defaults)
 */
export const PLAUSIBLE_RANGES: Partial<Record<RunningMetricId, PlausibleRange>> = {
  contactTime: { min: 120, max: 450, basis: "ground contact of running, about 0.15–0.35 s" },
  kneeFlexionContact: {
    min: -10,
    max: 60,
    basis: "knee bend at foot strike in running, about 10–30°",
  },
  kneeFlexionMidstance: {
    min: 10,
    max: 90,
    basis: "knee bend at midstance in running, about 35–50°",
  },
  shankAngleContact: { min: -25, max: 35, basis: "shin from vertical at foot strike" },
  pelvicDrop: { min: -15, max: 20, basis: "pelvic drop in runners, a few degrees" },
  kneeFppa: { min: -30, max: 35, basis: "knee frontal plane angle in runners, under about 20°" },
  trunkLean: { min: -25, max: 25, basis: "sideways trunk lean in runners, a few degrees" },
  verticalOscillation: {
    min: 2,
    max: 30,
    basis: "pelvis rise and fall, about 5–12 % of leg length",
  },
};

/** Standard gravity, m/s². */
const G = 9.81;
/** Hip-to-ankle length of an adult leg, m (about 0.245 × height twice; 0.8–0.95 m). */
const TYPICAL_LEG_M = 0.88;
/** A typical recreational running cadence, steps/min (heiderscheit-2011: 171 ± 8). */
const TYPICAL_CADENCE = 170;
/** Capture rates phones offer for slow motion, frames per second. */
const CAPTURE_RATES = [60, 120, 240, 480, 960] as const;
/** Time running this many times slower than real is taken as slow motion (or walking, below CLEARLY_SLOW). */
const SLOW_MOTION_FACTOR = 1.6;
/** Slower than this, a walker cannot explain the gentle fall: it is slow motion. */
const CLEARLY_SLOW = 3;

export interface TimeScale {
  /** How many times slower than real time the clip's motion runs (1 = real time). */
  stretch: number;
  /** The body's fall in flight, m/s², taking the leg as 0.88 m. */
  apparentG: number;
}

/**
 * The clip's time scale from gravity: in flight a runner falls freely, so the pelvis's
 * acceleration in leg lengths per s² reads g in a real-time clip and g / k² in a clip slowed k
 * times. Undefined without a flight phase or a leg to measure by.
 */
export function timeScale(flightAccelPx: number, legLengthPx: number): TimeScale | undefined {
  if (!(flightAccelPx > 0 && legLengthPx > 0)) return undefined;
  const apparentG = (flightAccelPx / legLengthPx) * TYPICAL_LEG_M;
  return { apparentG, stretch: Math.sqrt(G / apparentG) };
}

/**
 * The phone capture rate that puts the clip's cadence back into running's range (nearest to a
 * typical 170 steps/min), or undefined when none does. Pose noise blurs the fall in flight, so
 * the rate is read from the cadence, which noise does not bias.
 */
export function likelyCaptureRate(fps: number, cadence: number): number | undefined {
  let best: number | undefined;
  const miss = (rate: number) => Math.abs(Math.log((cadence * rate) / fps / TYPICAL_CADENCE));
  for (const rate of CAPTURE_RATES) {
    const real = (cadence * rate) / fps;
    if (rate <= fps || real < RUNNING_CADENCE.min || real > RUNNING_CADENCE.max) continue;
    if (best === undefined || miss(rate) < miss(best)) best = rate;
  }
  return best;
}

export interface CadenceClues {
  cadence: number;
  fps: number;
  /** Flight phase seen, and the time scale gravity gives. */
  scale: TimeScale | undefined;
  flightPhase: boolean;
  /** More than one person seen in a sizeable share of frames. */
  severalPeople: boolean;
}

export type CadenceCause = "slow-motion" | "walking" | "steps-missed" | "sped-up" | "extra-steps";

/** The most likely reason a cadence lies outside running's range, and the words for it. */
export function cadenceCause(clues: CadenceClues): { cause: CadenceCause; words: string } {
  const { cadence, fps, scale } = clues;
  const who = clues.severalPeople
    ? " Someone else is in the picture too: the measures may have followed the wrong person."
    : "";
  if (cadence < RUNNING_CADENCE.min) {
    if (scale && scale.stretch >= SLOW_MOTION_FACTOR) {
      const rate = likelyCaptureRate(fps, cadence);
      const fall = `between steps the body falls at ${scale.apparentG.toFixed(1)} m/s² instead of 9.8, as if time ran ${scale.stretch.toFixed(1)}× slower`;
      const give = `give the rate it was filmed at with --fps${rate ? ` (probably --fps ${rate})` : ""}`;
      // A walker's hip also drops more gently than free fall (by about 2× in time): below 3× it could be either.
      return scale.stretch >= CLEARLY_SLOW
        ? {
            cause: "slow-motion",
            words: `This looks like a slow-motion clip: ${fall}. ${give[0]?.toUpperCase()}${give.slice(1)}.${who}`,
          }
        : {
            cause: "slow-motion",
            words: `This looks like slow motion or walking: ${fall}. If it was filmed in slow motion, ${give}; if the person was walking, film at a running pace.${who}`,
          };
    }
    if (!clues.flightPhase) {
      return {
        cause: "walking",
        words: `No flight phase was seen: the person seems to be walking, and hipcheck measures running. Film at a running pace.${who}`,
      };
    }
    return {
      cause: "steps-missed",
      words: `The body moves at real-time speed, so steps were probably missed (about ${Math.round(2 * cadence)} steps/min if every other one was lost): the pose model may not have told the legs apart (a silhouette, a dark or blurred clip).${who}`,
    };
  }
  if (scale && scale.stretch <= 1 / SLOW_MOTION_FACTOR) {
    return {
      cause: "sped-up",
      words: `The clip seems sped up (in flight the body falls at ${scale.apparentG.toFixed(1)} m/s² instead of 9.8): give the real frame rate with --fps.${who}`,
    };
  }
  return {
    cause: "extra-steps",
    words: `Extra steps were probably counted (jittery keypoints, or a second person).${who}`,
  };
}
