/**
 * The gates a running measure passes before it is a result: enough clip, a clear rhythm, a
 * running cadence that the contacts agree with, values a human body produces, and a runner who
 * stays the same size. A measure that fails is withheld: listed with what was seen and the
 * warning that says why, never shown as a result and never used as evidence.
 */
import { SIDES, type Side } from "../side.js";
import { cadenceCause, PLAUSIBLE_RANGES, RUNNING_CADENCE, type TimeScale } from "./plausibility.js";
import type { RunningAnalysis, WithheldMeasure } from "./running-analysis.js";
import { RUNNING_METRICS, type RunningMetricId } from "./running-metrics.js";
import { ALL_MEASURES, type AnalysisWarning, type WarningCode } from "./running-warnings.js";

/** Shortest clip that can be measured, s: a few strides at any running pace. */
export const MIN_CLIP_S = 3;
/** Fewest steps (contacts) that give a cadence and per-side averages at all; 7 per side for reliable ones. */
export const MIN_STEPS_TO_MEASURE = 6;
/** Cadence from the contacts and from the rhythm must agree within this, % (else steps were missed or doubled). */
export const RHYTHM_AGREEMENT_PCT = 3;

/** Cadence and contact time: what a wrong time base or misplaced contacts spoil. */
const TIMING: RunningMetricId[] = ["cadence", "contactTime"];
/** Measures in leg lengths, wrong when the runner's size changes. */
const SCALED: RunningMetricId[] = ["verticalOscillation", "heelAheadOfHip"];

export interface GateClues {
  scale: TimeScale | undefined;
  sizeChanges: boolean;
  severalPeople: boolean;
}

export interface GateResult {
  withheld: WithheldMeasure[];
  warnings: AnalysisWarning[];
}

const withUnit = (value: number, unit: string) =>
  `${value.toFixed(1)}${unit === "°" ? "°" : ` ${unit}`}`;
const sideWords = (sides: readonly Side[]) => (sides.length === 2 ? "both sides" : `${sides[0]}`);

/** Decides which measures of an analysis are withheld, and why. */
export function gateMeasures(analysis: RunningAnalysis, clues: GateClues): GateResult {
  const withheld: WithheldMeasure[] = [];
  const warnings: AnalysisWarning[] = [];
  const refuse = (ids: readonly RunningMetricId[], warning: WarningCode) => {
    const taken = (id: RunningMetricId, side?: Side) =>
      withheld.some((w) => w.metric === id && w.side === side);
    for (const id of ids) {
      const unit = RUNNING_METRICS[id].unit;
      // The whole clip's cadence is always named, seen or not: it is the figure people look for.
      if (id === "cadence" && !taken(id)) {
        const seen = analysis.cadence?.mean;
        withheld.push({
          status: "withheld",
          metric: id,
          unit,
          warning,
          ...(seen === undefined ? {} : { seen }),
        });
      }
      for (const side of SIDES) {
        const m = analysis.metrics[side][id];
        if (m && !taken(id, side))
          withheld.push({ status: "withheld", metric: id, side, seen: m.mean, unit, warning });
      }
    }
  };
  const warn = (code: WarningCode, message: string) => warnings.push({ code, message });
  const steps = analysis.steps.length;
  const rhythm = analysis.rhythm;
  if (analysis.durationS < MIN_CLIP_S) {
    warn(
      "clip-too-short",
      `The clip lasts ${analysis.durationS.toFixed(1)} s and shows ${steps} step${steps === 1 ? "" : "s"}: at least ${MIN_CLIP_S} s of running (${MIN_STEPS_TO_MEASURE} steps) are needed to measure anything, and 7 steps per side for a reliable average (Dingenen 2018). Nothing is reported; film 10–20 s of steady running.`,
    );
    refuse(ALL_MEASURES, "clip-too-short");
    return { withheld, warnings };
  }
  if (steps === 0) return { withheld, warnings };
  const placeless = (why: string) => {
    warn(
      "no-clear-rhythm",
      `The clip has no clear running rhythm${why}, so the steps cannot be placed and nothing is reported. The pose model may not have followed the body (a silhouette, a dark or blurred clip, someone else in the picture); film one person running steadily, whole body in view, for 10–20 s.`,
    );
    refuse(ALL_MEASURES, "no-clear-rhythm");
    return { withheld, warnings };
  };
  if (!rhythm) return placeless(": neither the pelvis nor the feet repeat regularly");
  const cadence = rhythm.cadenceFromRhythm;
  if (cadence < RUNNING_CADENCE.min || cadence > RUNNING_CADENCE.max) {
    const { cause, words } = cadenceCause({
      cadence,
      fps: analysis.fps,
      scale: clues.scale,
      flightPhase: analysis.quality.flightPhase,
      severalPeople: clues.severalPeople,
    });
    warn(
      "implausible-cadence",
      `The clip's rhythm gives ${cadence.toFixed(0)} steps/min, outside running's ${RUNNING_CADENCE.min}–${RUNNING_CADENCE.max}: it is not reported, nor anything built on it. ${words}`,
    );
    // Slowed or sped-up time leaves the geometry right; anything else leaves nothing to trust.
    refuse(
      cause === "slow-motion" || cause === "sped-up" ? TIMING : ALL_MEASURES,
      "implausible-cadence",
    );
  } else if (steps < MIN_STEPS_TO_MEASURE) {
    return placeless(` (only ${steps} steps keep to it in ${analysis.durationS.toFixed(0)} s)`);
  } else if (rhythm.agreementPct === undefined || rhythm.agreementPct > RHYTHM_AGREEMENT_PCT) {
    warn(
      "rhythm-disagrees",
      `The contacts found give ${rhythm.cadenceFromContacts?.toFixed(0) ?? "no"} steps/min but the clip's rhythm ${cadence.toFixed(0)}: steps were missed or doubled, so cadence and contact time are not reported.`,
    );
    refuse(TIMING, "rhythm-disagrees");
  }
  if (clues.sizeChanges) refuse(SCALED, "runner-changes-size");
  const outside = new Map<RunningMetricId, { sides: Side[]; values: number[] }>();
  for (const side of SIDES) {
    for (const [id, range] of Object.entries(PLAUSIBLE_RANGES) as [
      RunningMetricId,
      NonNullable<(typeof PLAUSIBLE_RANGES)[RunningMetricId]>,
    ][]) {
      const m = analysis.metrics[side][id];
      if (!m || (m.mean >= range.min && m.mean <= range.max)) continue;
      if (withheld.some((w) => w.metric === id && w.side === side)) continue;
      const entry = outside.get(id) ?? { sides: [], values: [] };
      entry.sides.push(side);
      entry.values.push(m.mean);
      outside.set(id, entry);
    }
  }
  for (const [id, entry] of outside) {
    const range = PLAUSIBLE_RANGES[id];
    const info = RUNNING_METRICS[id];
    if (!range) continue;
    warn(
      "implausible-value",
      `${info.label} of ${entry.values.map((v) => withUnit(v, info.unit)).join(" and ")} (${sideWords(entry.sides)}) is outside what runners show (${range.min} to ${withUnit(range.max, info.unit).replace(".0", "")}; ${range.basis}): the keypoints are probably not on the runner's joints (the wrong person, a body cut off or mislabelled, or the wrong view). It is not reported.`,
    );
    for (const side of entry.sides) {
      const m = analysis.metrics[side][id];
      if (m)
        withheld.push({
          status: "withheld",
          metric: id,
          side,
          seen: m.mean,
          unit: info.unit,
          warning: "implausible-value",
        });
    }
  }
  return { withheld, warnings };
}
