import { otherSide, type Side } from "../side.js";
import type { GaitStep } from "./gait-events.js";
import {
  bendDeg,
  dropDeg,
  horizontalOffsetFromLine,
  type Point2,
  tiltFromVerticalDeg,
} from "./geometry.js";
import type { CameraView, KeypointName } from "./keypoints.types.js";
import { type PreparedSeries, sampleAt } from "./prepare.js";

/** The running measures hipcheck reports per side (docs/clinical-sources.md, "Movement from video"). */
export type RunningMetricId =
  | "cadence"
  | "pelvicDrop"
  | "kneeFppa"
  | "trunkLean"
  | "footFromMidline"
  | "kneeFlexionContact"
  | "kneeFlexionMidstance"
  | "shankAngleContact"
  | "heelAheadOfHip"
  | "verticalOscillation"
  | "contactTime";

export interface MetricInfo {
  label: string;
  unit: string;
  /** Views in which the measure can be taken. */
  views: readonly CameraView[];
  meaning: string;
}

const FRONTAL: readonly CameraView[] = ["rear", "front"];
const ALL: readonly CameraView[] = ["rear", "front", "side"];

/** What each measure is, its unit and the views that show it. */
export const RUNNING_METRICS: Readonly<Record<RunningMetricId, MetricInfo>> = {
  cadence: {
    label: "Cadence",
    unit: "steps/min",
    views: ALL,
    meaning: "steps per minute, from the time between this foot's contacts",
  },
  pelvicDrop: {
    label: "Contralateral pelvic drop",
    unit: "°",
    views: FRONTAL,
    meaning: "tilt of the hip line at midstance, positive when the swing-side hip is lower",
  },
  kneeFppa: {
    label: "Knee frontal plane projection angle",
    unit: "°",
    views: FRONTAL,
    meaning:
      "angle between thigh and shank at midstance, positive when the knee is inside (valgus)",
  },
  trunkLean: {
    label: "Lateral trunk lean",
    unit: "°",
    views: FRONTAL,
    meaning:
      "mid-hip to mid-shoulder line from vertical at midstance, positive towards the stance side",
  },
  footFromMidline: {
    label: "Foot from midline",
    unit: "% hip width",
    views: FRONTAL,
    meaning:
      "ankle distance from the body's midline at midstance; negative means the foot crossed over",
  },
  kneeFlexionContact: {
    label: "Knee flexion at contact",
    unit: "°",
    views: ["side"],
    meaning: "knee bend at initial contact",
  },
  kneeFlexionMidstance: {
    label: "Knee flexion at midstance",
    unit: "°",
    views: ["side"],
    meaning: "knee bend at the lowest point of the pelvis",
  },
  shankAngleContact: {
    label: "Shank angle at contact",
    unit: "°",
    views: ["side"],
    meaning: "shin from vertical at initial contact, positive when the ankle is ahead of the knee",
  },
  heelAheadOfHip: {
    label: "Foot ahead of hip at contact",
    unit: "% leg length",
    views: ["side"],
    meaning: "horizontal distance from hip to heel (or ankle) at initial contact",
  },
  verticalOscillation: {
    label: "Vertical oscillation",
    unit: "% leg length",
    views: ALL,
    meaning: "rise and fall of the pelvis over the step",
  },
  contactTime: {
    label: "Ground contact time",
    unit: "ms",
    views: ALL,
    meaning: "initial contact to toe-off; needs at least 60 frames per second",
  },
};

export type StepValues = Partial<Record<RunningMetricId, number>>;

export interface MetricContext {
  prepared: PreparedSeries;
  view: CameraView;
  /** Side view: +1 when the runner faces image right. */
  facing: 1 | -1;
  legLengthPx: number;
  /** Contact time is only measured at or above this frame rate. */
  contactTimeMinFps: number;
}

function pointAt(prepared: PreparedSeries, name: KeypointName, index: number): Point2 | undefined {
  const track = prepared.points[name];
  if (!track) return undefined;
  const x = sampleAt(track.x, index);
  const y = sampleAt(track.y, index);
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
}

function midpoint(a: Point2 | undefined, b: Point2 | undefined): Point2 | undefined {
  return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : undefined;
}

/**
 * Frontal-plane measures with `side` bearing weight, at a (fractional) frame, from behind or in
 * front: pelvic drop (swing side lower +), knee FPPA (valgus +), trunk lean (towards the stance
 * side +), all in degrees, and the ankle's distance from the midline in % of hip width.
 */
export function frontalMeasures(prepared: PreparedSeries, side: Side, index: number): StepValues {
  const other = otherSide(side);
  const p = (name: KeypointName) => pointAt(prepared, name, index);
  const hip = p(`${side}Hip`);
  const hipOther = p(`${other}Hip`);
  const values: StepValues = {};
  if (!hip || !hipOther) return values;
  // +1 when the stance side lies towards image right; the swing side and "medial" are the other way.
  const towardStance = hip.x >= hipOther.x ? 1 : -1;
  values.pelvicDrop = dropDeg(hip, hipOther);
  const knee = p(`${side}Knee`);
  const ankle = p(`${side}Ankle`);
  if (knee && ankle) {
    const medialOffset = -towardStance * horizontalOffsetFromLine(hip, ankle, knee);
    values.kneeFppa = Math.sign(medialOffset) * bendDeg(hip, knee, ankle);
  }
  const hipMid = midpoint(hip, hipOther);
  const shoulderMid = midpoint(p("leftShoulder"), p("rightShoulder"));
  if (hipMid && shoulderMid) {
    values.trunkLean = towardStance * tiltFromVerticalDeg(hipMid, shoulderMid);
  }
  const hipWidth = Math.abs(hip.x - hipOther.x);
  if (ankle && hipMid && hipWidth > 0) {
    values.footFromMidline = ((towardStance * (ankle.x - hipMid.x)) / hipWidth) * 100;
  }
  return values;
}

/** Sagittal measures at contact and midstance (side view). */
function sagittalValues(ctx: MetricContext, side: Side, step: GaitStep): StepValues {
  const values: StepValues = {};
  const at = (name: KeypointName, index: number) => pointAt(ctx.prepared, name, index);
  const flexion = (index: number) => {
    const hip = at(`${side}Hip`, index);
    const knee = at(`${side}Knee`, index);
    const ankle = at(`${side}Ankle`, index);
    return hip && knee && ankle ? bendDeg(hip, knee, ankle) : undefined;
  };
  const ic = step.contactIndex;
  const atContact = flexion(ic);
  if (atContact !== undefined) values.kneeFlexionContact = atContact;
  const atMidstance = flexion(step.midstanceIndex);
  if (atMidstance !== undefined) values.kneeFlexionMidstance = atMidstance;
  const knee = at(`${side}Knee`, ic);
  const ankle = at(`${side}Ankle`, ic);
  if (knee && ankle) {
    values.shankAngleContact =
      Math.atan2(ctx.facing * (ankle.x - knee.x), ankle.y - knee.y) * (180 / Math.PI);
  }
  const foot = at(`${side}Heel`, ic) ?? ankle;
  const hipMid = at("midHip", ic);
  if (foot && hipMid && ctx.legLengthPx > 0) {
    values.heelAheadOfHip = ((ctx.facing * (foot.x - hipMid.x)) / ctx.legLengthPx) * 100;
  }
  return values;
}

/** Pelvis rise and fall over the step window, % of leg length. */
function oscillation(ctx: MetricContext, step: GaitStep): number | undefined {
  const mid = ctx.prepared.points.midHip;
  if (!mid || !(ctx.legLengthPx > 0)) return undefined;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = step.fromIndex; i <= step.toIndex; i++) {
    const y = mid.y[i] ?? Number.NaN;
    if (!Number.isFinite(y)) return undefined;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return ((hi - lo) / ctx.legLengthPx) * 100;
}

/** Every measure the view allows for one step. */
export function stepValues(ctx: MetricContext, step: GaitStep): StepValues {
  const values: StepValues =
    ctx.view === "side"
      ? sagittalValues(ctx, step.side, step)
      : frontalMeasures(ctx.prepared, step.side, step.midstanceIndex);
  const osc = oscillation(ctx, step);
  if (osc !== undefined) values.verticalOscillation = osc;
  if (ctx.prepared.fps >= ctx.contactTimeMinFps) {
    values.contactTime = (step.toeOff - step.contact) * 1000;
  }
  return values;
}
