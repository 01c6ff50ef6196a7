/**
 * The judgement of movement measurements: which measured values are signs, with the clinic's
 * thresholds (settings.movement) and the current rules. Runs when an assessment is made, so a
 * stored analysis is judged again when a threshold or a rule changes, without re-filming.
 */
import { otherSide, type Side } from "../side.js";
import type { MovementEvidence, MovementSign } from "./evidence.js";
import type { MeasurementMetric, MovementMeasurement } from "./measurements.js";
import { DEFAULT_MOVEMENT_THRESHOLDS, type MovementThresholds } from "./movement-thresholds.js";

const FPPA_REFERENCE =
  "healthy women 8.4 ± 5.1°, PFP 16.8 ± 5.4° (Herrington 2014); men 7.0° vs 15.0° (Ghulam 2021)";
const deg = (v: number) => `${v.toFixed(1)}°`;
const spread = (m: MovementMeasurement, unit: string) =>
  `SD ${(m.sd ?? 0).toFixed(1)}${unit}, ${m.n ?? 0} step${m.n === 1 ? "" : "s"}`;

/** A measurement the judgement left out, and why. */
export interface SkippedMeasurement {
  metric: MeasurementMetric;
  side?: Side;
  reason: string;
}

/** Judged evidence, and the measurements not judged (withheld by the analysis as implausible). */
export interface MovementJudgement {
  evidence: MovementEvidence[];
  skipped: SkippedMeasurement[];
}

/**
 * Judges measurements against thresholds: running pelvic drop, knee FPPA, trunk lean, crossover,
 * overstride, cadence; single-leg squat FPPA, pelvic drop, trunk lean; single-leg stance drop
 * (bramah-2018, herrington-2014, dingenen-2018, souza-2016, heiderscheit-2011, crossley-2011,
 * seed-004). A measurement marked `withheld` is never judged: it is listed with its reason.
 */
export function judgeMeasurements(
  measurements: readonly MovementMeasurement[],
  thresholds: MovementThresholds = DEFAULT_MOVEMENT_THRESHOLDS,
): MovementJudgement {
  const usable = measurements.filter((m) => m.withheld === undefined);
  const skipped = measurements.flatMap((m) =>
    m.withheld === undefined
      ? []
      : [{ metric: m.metric, ...(m.side ? { side: m.side } : {}), reason: m.withheld }],
  );
  const find = (m: MovementMeasurement, metric: MeasurementMetric, side = m.side) =>
    usable.find((o) => o.task === m.task && o.metric === metric && o.side === side);
  const evidence = usable.flatMap((m) => {
    const judged =
      m.task === "running"
        ? judgeRunning(m, thresholds, find)
        : m.task === "single-leg-squat"
          ? judgeSquat(m, thresholds)
          : m.task === "single-leg-stance"
            ? judgeStance(m, thresholds)
            : undefined;
    return judged ? [judged] : [];
  });
  return { evidence, skipped };
}

type Find = (
  m: MovementMeasurement,
  metric: MeasurementMetric,
  side?: Side,
) => MovementMeasurement | undefined;

function item(
  m: MovementMeasurement,
  sign: MovementSign,
  fields: Pick<MovementEvidence, "present" | "observation" | "source"> & { reference: string },
): MovementEvidence {
  return {
    task: m.task,
    sign,
    present: fields.present,
    ...(m.side ? { side: m.side } : {}),
    measured: { value: Math.round(m.value * 10) / 10, unit: m.unit, reference: fields.reference },
    confidence: m.quality,
    method: "video",
    observation: fields.observation,
    source: fields.source,
  };
}

function judgeRunning(
  m: MovementMeasurement,
  t: MovementThresholds,
  find: Find,
): MovementEvidence | undefined {
  const side = m.side;
  switch (m.metric) {
    case "pelvic-drop": {
      if (!side) return undefined;
      const other = find(m, "pelvic-drop", otherSide(side));
      const difference = other ? m.value - other.value : 0;
      const high = m.value > t.pelvicDropDeg;
      const asymmetric = difference > t.pelvicDropAsymmetryDeg;
      const why = high
        ? `above the ${deg(t.pelvicDropDeg)} threshold`
        : asymmetric
          ? `${deg(difference)} more than on the ${otherSide(side)} leg`
          : `within the ${deg(t.pelvicDropDeg)} threshold`;
      return item(m, "pelvic-drop", {
        present: high || asymmetric,
        reference: `threshold ${deg(t.pelvicDropDeg)} or ${deg(t.pelvicDropAsymmetryDeg)} more than the other side (clinic default); each extra degree ≈ +80 % odds of injury (Bramah 2018)`,
        observation: `Running, ${side} foot on the ground: the ${otherSide(side)} side of the pelvis dropped ${deg(m.value)} on average (${spread(m, "°")}), ${why}.`,
        source: "bramah-2018",
      });
    }
    case "knee-fppa": {
      const present = m.value > t.kneeFppaDeg;
      return item(m, "knee-valgus", {
        present,
        reference: `threshold ${deg(t.kneeFppaDeg)} (clinic default); single-leg squat: ${FPPA_REFERENCE}`,
        observation: `Running, ${side} stance: the ${side} knee's frontal plane projection angle was ${deg(m.value)} at midstance (${spread(m, "°")}); ${present ? "the knee moves inwards" : "no marked inward movement of the knee"}.`,
        source: "herrington-2014",
      });
    }
    case "trunk-lean":
      return item(m, "trunk-lean", {
        present: m.value > t.trunkLeanDeg,
        reference: `threshold ${deg(t.trunkLeanDeg)} (clinic default)`,
        observation: `Running, ${side} stance: the trunk leaned ${deg(m.value)} towards the ${side} side (${spread(m, "°")}).`,
        source: "dingenen-2018",
      });
    case "crossover-share": {
      const midline = find(m, "foot-from-midline");
      if (!midline) return undefined;
      const crossed = m.details?.crossed ?? Math.round(m.value * (m.n ?? 0));
      return item(midline, "crossover", {
        present: m.value > t.crossoverShare,
        reference: `crossover when more than ${Math.round(t.crossoverShare * 100)} % of steps land across the midline (clinic default)`,
        observation: `Running: the ${side} foot landed ${midline.value >= 0 ? `${midline.value.toFixed(0)} % of hip width outside` : `${(-midline.value).toFixed(0)} % of hip width across`} the midline on average; ${crossed} of ${m.n ?? 0} steps crossed it.`,
        source: "souza-2016",
      });
    }
    case "shank-angle-contact": {
      const ahead = find(m, "heel-ahead-of-hip");
      return item(m, "overstride", {
        present: m.value > t.shankAngleDeg,
        reference: `shank angle at contact above ${deg(t.shankAngleDeg)} (clinic default; no published cut-off, Souza 2016)`,
        observation: `Running, ${side} foot strike: the shin was ${deg(Math.abs(m.value))} from vertical with the ankle ${m.value >= 0 ? "ahead of" : "behind"} the knee${ahead ? `, heel ${ahead.value.toFixed(0)} % of leg length ahead of the hip` : ""} (${spread(m, "°")}).`,
        source: "souza-2016",
      });
    }
    case "cadence": {
      const present = m.value < t.lowCadence;
      return item(m, "low-cadence", {
        present,
        reference: `below ${t.lowCadence} steps/min (clinic default; recreational runners about 171 ± 8); +5–10 % lowers knee load (Heiderscheit 2011)`,
        observation: `Cadence ${m.value.toFixed(0)} steps/min over ${m.n ?? 0} steps${present ? `: raising it by 5–10 % (to about ${Math.round(m.value * 1.05)}–${Math.round(m.value * 1.1)}) would lower the load on the knee` : ""}.`,
        source: "heiderscheit-2011",
      });
    }
    default:
      // Foot from midline and heel ahead of hip are read with crossover and overstride.
      return undefined;
  }
}

function judgeSquat(m: MovementMeasurement, t: MovementThresholds): MovementEvidence | undefined {
  const side = m.side;
  if (!side) return undefined;
  const reps = m.n ?? 0;
  switch (m.metric) {
    case "knee-fppa": {
      const present = m.value > t.squatFppaDeg;
      return item(m, "knee-valgus", {
        present,
        reference: `threshold ${deg(t.squatFppaDeg)} (clinic default); ${FPPA_REFERENCE}`,
        observation: `Single-leg squat on the ${side} leg, ${reps} rep${reps === 1 ? "" : "s"}: knee frontal plane projection angle ${deg(m.value)} at the deepest point (SD ${(m.sd ?? 0).toFixed(1)}°)${present ? ", the knee caves inwards" : ""}.`,
        source: "herrington-2014",
      });
    }
    case "pelvic-drop":
      return item(m, "pelvic-drop", {
        present: m.value > t.pelvicDropDeg,
        reference: `threshold ${deg(t.pelvicDropDeg)} (clinic default)`,
        observation: `Single-leg squat on the ${side} leg: the ${otherSide(side)} side of the pelvis dropped ${deg(m.value)} at the deepest point.`,
        source: "crossley-2011",
      });
    case "trunk-lean":
      return item(m, "trunk-lean", {
        present: m.value > t.trunkLeanDeg,
        reference: `threshold ${deg(t.trunkLeanDeg)} (clinic default)`,
        observation: `Single-leg squat on the ${side} leg: the trunk leaned ${deg(m.value)} towards the ${side} side at the deepest point.`,
        source: "crossley-2011",
      });
    default:
      return undefined;
  }
}

function judgeStance(m: MovementMeasurement, t: MovementThresholds): MovementEvidence | undefined {
  const side = m.side;
  if (!side || m.metric !== "pelvic-drop") return undefined;
  const present = m.value > t.stanceDropDeg;
  const d = m.details ?? {};
  return item(m, "pelvic-drop", {
    present,
    reference: `threshold ${deg(t.stanceDropDeg)}, about 2 cm over the hip width (clinic default)`,
    observation: `Standing on the ${side} leg for ${(d.durationS ?? 0).toFixed(0)} s: the ${otherSide(side)} side of the pelvis ${present ? "dropped" : "stayed nearly level, dropping"} ${deg(m.value)} on average (up to ${deg(d.peakDropDeg ?? m.value)}), a height difference of about ${(d.dropHeightPct ?? 0).toFixed(0)} % of hip width.`,
    source: "seed-004",
  });
}
