import type { Side } from "../side.js";
import type { SourceId } from "../sources.js";
import type { Confidence, MovementEvidence, MovementSign } from "./evidence.js";
import { DEFAULT_MOVEMENT_THRESHOLDS, type MovementThresholds } from "./movement-thresholds.js";
import { LOW_SCORE, MIN_STEPS_PER_SIDE, type RunningAnalysis } from "./running-analysis.js";
import type { MetricSummary } from "./stats.js";

/**
 * How far a 2D measure can be trusted: frontal-plane joint angles agree only moderately with 3D
 * (neal-2016, schurr-2017); trunk lean and sagittal angles are reliable in 2D (dingenen-2018);
 * timing measures depend on the frame rate.
 */
type Reliability = "moderate-2d" | "good-2d" | "timing";

const FPPA_REFERENCE =
  "single-leg squat: healthy women 8.4 ± 5.1°, PFP 16.8 ± 5.4° (Herrington 2014); men 7.0° vs 15.0° (Ghulam 2021)";

const other = (side: Side): Side => (side === "left" ? "right" : "left");
const deg = (v: number) => `${v.toFixed(1)}°`;
const spread = (m: MetricSummary, unit: string) =>
  `SD ${m.sd.toFixed(1)}${unit}, ${m.n} step${m.n === 1 ? "" : "s"}`;

/**
 * Confidence of a video measure: low with fewer than 7 steps (dingenen-2018), poor keypoints
 * or an uncertain view; frontal-plane measures at most moderate (neal-2016, schurr-2017).
 */
export function videoConfidence(
  analysis: RunningAnalysis,
  options: { reliability: Reliability; steps: number },
): Confidence {
  const codes = new Set(analysis.warnings.map((w) => w.code));
  if (
    options.steps < MIN_STEPS_PER_SIDE ||
    analysis.quality.meanScore < LOW_SCORE ||
    codes.has("view-uncertain") ||
    codes.has("sides-confused") ||
    (options.reliability === "timing" && codes.has("low-fps"))
  ) {
    return "low";
  }
  if (
    options.reliability === "moderate-2d" ||
    analysis.quality.meanScore < 0.7 ||
    codes.has("camera-tilted")
  ) {
    return "moderate";
  }
  return "high";
}

interface SignInput {
  sign: MovementSign;
  side?: Side;
  present: boolean;
  value: number;
  unit: string;
  reference: string;
  reliability: Reliability;
  steps: number;
  observation: string;
  source: SourceId;
}

function evidence(analysis: RunningAnalysis, input: SignInput): MovementEvidence {
  const item: MovementEvidence = {
    task: "running",
    sign: input.sign,
    present: input.present,
    measured: {
      value: Math.round(input.value * 10) / 10,
      unit: input.unit,
      reference: input.reference,
    },
    confidence: videoConfidence(analysis, { reliability: input.reliability, steps: input.steps }),
    method: "video",
    observation: input.observation,
    source: input.source,
  };
  if (input.side) item.side = input.side;
  return item;
}

/**
 * Turns a running analysis into movement evidence (the assessment core's shape): pelvic drop,
 * knee valgus, trunk lean, crossover (rear view); overstride (side view); low cadence (any).
 * Each item states its value, the threshold used and how sure the measurement is.
 */
export function runningEvidence(
  analysis: RunningAnalysis,
  thresholds: MovementThresholds = DEFAULT_MOVEMENT_THRESHOLDS,
): MovementEvidence[] {
  const out: MovementEvidence[] = [];
  const t = thresholds;
  for (const side of ["left", "right"] as const) {
    const m = analysis.metrics[side];
    const steps = analysis.quality.stepsUsed[side];
    const drop = m.pelvicDrop;
    if (drop) {
      const otherDrop = analysis.metrics[other(side)].pelvicDrop;
      const difference = otherDrop ? drop.mean - otherDrop.mean : 0;
      const high = drop.mean > t.pelvicDropDeg;
      const asymmetric = difference > t.pelvicDropAsymmetryDeg;
      const why = high
        ? `above the ${deg(t.pelvicDropDeg)} threshold`
        : asymmetric
          ? `${deg(difference)} more than on the ${other(side)} leg`
          : `within the ${deg(t.pelvicDropDeg)} threshold`;
      out.push(
        evidence(analysis, {
          sign: "pelvic-drop",
          side,
          present: high || asymmetric,
          value: drop.mean,
          unit: "°",
          reference: `threshold ${deg(t.pelvicDropDeg)} or ${deg(t.pelvicDropAsymmetryDeg)} more than the other side (clinic default); each extra degree ≈ +80 % odds of injury (Bramah 2018)`,
          reliability: "moderate-2d",
          steps,
          observation: `Running, ${side} foot on the ground: the ${other(side)} side of the pelvis dropped ${deg(drop.mean)} on average (${spread(drop, "°")}), ${why}.`,
          source: "bramah-2018",
        }),
      );
    }
    const fppa = m.kneeFppa;
    if (fppa) {
      const present = fppa.mean > t.kneeFppaDeg;
      out.push(
        evidence(analysis, {
          sign: "knee-valgus",
          side,
          present,
          value: fppa.mean,
          unit: "°",
          reference: `threshold ${deg(t.kneeFppaDeg)} (clinic default); ${FPPA_REFERENCE}`,
          reliability: "moderate-2d",
          steps,
          observation: `Running, ${side} stance: the ${side} knee's frontal plane projection angle was ${deg(fppa.mean)} at midstance (${spread(fppa, "°")}); ${present ? "the knee moves inwards" : "no marked inward movement of the knee"}.`,
          source: "herrington-2014",
        }),
      );
    }
    const lean = m.trunkLean;
    if (lean) {
      const present = lean.mean > t.trunkLeanDeg;
      out.push(
        evidence(analysis, {
          sign: "trunk-lean",
          side,
          present,
          value: lean.mean,
          unit: "°",
          reference: `threshold ${deg(t.trunkLeanDeg)} (clinic default)`,
          reliability: "good-2d", // 2D trunk lean: ICC 0.90–0.99 (dingenen-2018)
          steps,
          observation: `Running, ${side} stance: the trunk leaned ${deg(lean.mean)} towards the ${side} side (${spread(lean, "°")}).`,
          source: "dingenen-2018",
        }),
      );
    }
    const midline = m.footFromMidline;
    if (midline) {
      const own = analysis.steps.filter((s) => s.side === side);
      const crossed = own.filter((s) => (s.values.footFromMidline ?? 0) < 0).length;
      const share = own.length > 0 ? crossed / own.length : 0;
      out.push(
        evidence(analysis, {
          sign: "crossover",
          side,
          present: share > t.crossoverShare,
          value: midline.mean,
          unit: "% hip width",
          reference: `crossover when more than ${Math.round(t.crossoverShare * 100)} % of steps land across the midline (clinic default)`,
          reliability: "moderate-2d",
          steps,
          observation: `Running: the ${side} foot landed ${midline.mean >= 0 ? `${midline.mean.toFixed(0)} % of hip width outside` : `${(-midline.mean).toFixed(0)} % of hip width across`} the midline on average; ${crossed} of ${own.length} steps crossed it.`,
          source: "souza-2016",
        }),
      );
    }
    const shank = m.shankAngleContact;
    if (shank) {
      const present = shank.mean > t.shankAngleDeg;
      const ahead = m.heelAheadOfHip;
      out.push(
        evidence(analysis, {
          sign: "overstride",
          side,
          present,
          value: shank.mean,
          unit: "°",
          reference: `shank angle at contact above ${deg(t.shankAngleDeg)} (clinic default; no published cut-off, Souza 2016)`,
          reliability: "good-2d",
          steps,
          observation: `Running, ${side} foot strike: the shin was ${deg(Math.abs(shank.mean))} from vertical with the ankle ${shank.mean >= 0 ? "ahead of" : "behind"} the knee${ahead ? `, heel ${ahead.mean.toFixed(0)} % of leg length ahead of the hip` : ""} (${spread(shank, "°")}).`,
          source: "souza-2016",
        }),
      );
    }
  }
  const cadence = analysis.cadence;
  if (cadence) {
    const present = cadence.mean < t.lowCadence;
    const steps = Math.min(analysis.quality.stepsUsed.left, analysis.quality.stepsUsed.right);
    out.push(
      evidence(analysis, {
        sign: "low-cadence",
        present,
        value: cadence.mean,
        unit: "steps/min",
        reference: `low below ${t.lowCadence} steps/min (clinic default; recreational runners about 171 ± 8); +5–10 % lowers knee load (Heiderscheit 2011)`,
        reliability: "timing",
        steps,
        observation: `Cadence ${cadence.mean.toFixed(0)} steps/min over ${cadence.n + 1} steps${present ? `: raising it by 5–10 % (to about ${Math.round(cadence.mean * 1.05)}–${Math.round(cadence.mean * 1.1)}) would lower the load on the knee` : ""}.`,
        source: "heiderscheit-2011",
      }),
    );
  }
  return out;
}
