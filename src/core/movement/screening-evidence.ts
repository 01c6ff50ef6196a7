import { otherSide, SIDES } from "../side.js";
import type { Confidence, MovementEvidence } from "./evidence.js";
import { DEFAULT_MOVEMENT_THRESHOLDS, type MovementThresholds } from "./movement-thresholds.js";
import { MIN_REPS_PER_SIDE, type SingleLegSquatAnalysis } from "./single-leg-squat.js";
import type { SingleLegStanceAnalysis } from "./single-leg-stance.js";

const FPPA_REFERENCE =
  "healthy women 8.4 ± 5.1°, PFP 16.8 ± 5.4° (Herrington 2014); men 7.0° vs 15.0° (Ghulam 2021)";
const deg = (v: number) => `${v.toFixed(1)}°`;

/** 2D angles of a single-leg squat: ICC 0.72–0.91, SEM 2–4° (herrington-2014): moderate at best. */
function squatConfidence(analysis: SingleLegSquatAnalysis, reps: number): Confidence {
  if (reps < MIN_REPS_PER_SIDE || analysis.quality.meanScore < 0.5) return "low";
  if (analysis.warnings.some((w) => w.code === "view-uncertain")) return "low";
  return "moderate";
}

/**
 * Single-leg squat from video → evidence per standing leg: knee valgus (FPPA at the deepest
 * point against Herrington 2014 / Ghulam 2021), pelvic drop and trunk lean (Crossley 2011).
 */
export function singleLegSquatEvidence(
  analysis: SingleLegSquatAnalysis,
  thresholds: MovementThresholds = DEFAULT_MOVEMENT_THRESHOLDS,
): MovementEvidence[] {
  const out: MovementEvidence[] = [];
  for (const side of SIDES) {
    const m = analysis.metrics[side];
    const reps = analysis.reps.filter((r) => r.side === side).length;
    if (reps === 0) continue;
    const confidence = squatConfidence(analysis, reps);
    const base = { task: "single-leg-squat" as const, side, confidence, method: "video" as const };
    if (m.kneeFppa) {
      const present = m.kneeFppa.mean > thresholds.squatFppaDeg;
      out.push({
        ...base,
        sign: "knee-valgus",
        present,
        measured: {
          value: m.kneeFppa.mean,
          unit: "°",
          reference: `threshold ${deg(thresholds.squatFppaDeg)} (clinic default); ${FPPA_REFERENCE}`,
        },
        observation: `Single-leg squat on the ${side} leg, ${reps} rep${reps === 1 ? "" : "s"}: knee frontal plane projection angle ${deg(m.kneeFppa.mean)} at the deepest point (SD ${m.kneeFppa.sd.toFixed(1)}°)${present ? ", the knee caves inwards" : ""}.`,
        source: "herrington-2014",
      });
    }
    if (m.pelvicDrop) {
      const present = m.pelvicDrop.mean > thresholds.pelvicDropDeg;
      out.push({
        ...base,
        sign: "pelvic-drop",
        present,
        measured: {
          value: m.pelvicDrop.mean,
          unit: "°",
          reference: `threshold ${deg(thresholds.pelvicDropDeg)} (clinic default)`,
        },
        observation: `Single-leg squat on the ${side} leg: the ${otherSide(side)} side of the pelvis dropped ${deg(m.pelvicDrop.mean)} at the deepest point.`,
        source: "crossley-2011",
      });
    }
    if (m.trunkLean) {
      const present = m.trunkLean.mean > thresholds.trunkLeanDeg;
      out.push({
        ...base,
        sign: "trunk-lean",
        present,
        measured: {
          value: m.trunkLean.mean,
          unit: "°",
          reference: `threshold ${deg(thresholds.trunkLeanDeg)} (clinic default)`,
        },
        observation: `Single-leg squat on the ${side} leg: the trunk leaned ${deg(m.trunkLean.mean)} towards the ${side} side at the deepest point.`,
        source: "crossley-2011",
      });
    }
  }
  return out;
}

/**
 * Single-leg stance from video → pelvic drop evidence per standing leg: positive when the
 * lifted side drops more than the threshold (about 2 cm; seed-004 self-test, Trendelenburg).
 */
export function singleLegStanceEvidence(
  analysis: SingleLegStanceAnalysis,
  thresholds: MovementThresholds = DEFAULT_MOVEMENT_THRESHOLDS,
): MovementEvidence[] {
  return analysis.holds.map((hold) => {
    const present = hold.pelvicDrop.mean > thresholds.stanceDropDeg;
    const confidence: Confidence =
      analysis.quality.meanScore < 0.5 || hold.durationS < 10 ? "low" : "moderate";
    return {
      task: "single-leg-stance",
      sign: "pelvic-drop",
      present,
      side: hold.side,
      measured: {
        value: hold.pelvicDrop.mean,
        unit: "°",
        reference: `threshold ${deg(thresholds.stanceDropDeg)}, about 2 cm over the hip width (clinic default)`,
      },
      confidence,
      method: "video",
      observation: `Standing on the ${hold.side} leg for ${hold.durationS.toFixed(0)} s: the ${otherSide(hold.side)} side of the pelvis ${present ? "dropped" : "stayed nearly level, dropping"} ${deg(hold.pelvicDrop.mean)} on average (up to ${deg(hold.peakDropDeg)}), a height difference of about ${hold.dropHeightPct.toFixed(0)} % of hip width.`,
      source: "seed-004",
    };
  });
}
