import { SIDES, type Side } from "../side.js";
import type { SourceId } from "../sources.js";
import type {
  Confidence,
  EvidenceMethod,
  MovementEvidence,
  MovementSign,
  MovementTask,
} from "./evidence.js";
import type { SelfTests, SingleLegSquatRating } from "./self-tests.schema.js";

interface Observation {
  task: MovementTask;
  sign: MovementSign;
  present: boolean | undefined;
  side?: Side;
  seen: string;
  notSeen: string;
  source: SourceId;
}

/**
 * Turns self-test answers into movement evidence. A runner's own observation is low
 * confidence; a clinician's is moderate (2D rating reliability, crossley-2011). Unanswered
 * questions give no evidence either way.
 */
export function selfTestEvidence(tests: SelfTests): MovementEvidence[] {
  const method: EvidenceMethod =
    tests.observedBy === "clinician" ? "clinician-observation" : "self-test";
  const confidence: Confidence = method === "clinician-observation" ? "moderate" : "low";
  return observations(tests)
    .filter((o): o is Observation & { present: boolean } => o.present !== undefined)
    .map((o) => ({
      task: o.task,
      sign: o.sign,
      present: o.present,
      ...(o.side ? { side: o.side } : {}),
      confidence,
      method,
      observation: o.present ? o.seen : o.notSeen,
      source: o.source,
    }));
}

function observations(tests: SelfTests): Observation[] {
  const out: Observation[] = [];
  for (const side of SIDES) {
    const stance = tests.singleLegStance?.[side];
    if (stance) {
      const held = stance.seconds === undefined ? "" : ` (held ${stance.seconds} s)`;
      out.push({
        task: "single-leg-stance",
        sign: "pelvic-drop",
        present: stance.pelvis === "drops",
        side,
        seen: `Standing on the ${side} leg, the pelvis drops on the other side${held}.`,
        notSeen: `Standing on the ${side} leg, the pelvis stays level${held}.`,
        source: "seed-004",
      });
    }
    const squat = tests.singleLegSquat?.[side];
    if (squat) out.push(...singleLegSquatObservations(side, squat));
  }
  const { sitToStand, squat, lunge } = tests;
  out.push(
    {
      task: "sit-to-stand",
      sign: "knee-valgus",
      present: sitToStand?.kneesCave,
      seen: "Rising from a chair, the knees cave in together.",
      notSeen: "Rising from a chair, the knees stay in line.",
      source: "seed-004",
    },
    {
      task: "sit-to-stand",
      sign: "knee-tension",
      present: sitToStand?.kneeTension,
      seen: "Rising from a chair, tension is felt in the knees.",
      notSeen: "Rising from a chair, no tension is felt in the knees.",
      source: "seed-004",
    },
    {
      task: "squat",
      sign: "knee-valgus",
      present: squat?.kneesCave,
      seen: "In a squat, the knees cave in.",
      notSeen: "In a squat, the knees stay in line.",
      source: "seed-004",
    },
    {
      task: "squat",
      sign: "thigh-dominant",
      present: squat?.thighDominant,
      seen: "In a squat, the effort is felt all in the front of the thighs.",
      notSeen: "In a squat, the effort is shared with the hips.",
      source: "seed-004",
    },
    {
      task: "squat",
      sign: "weight-on-toes",
      present: squat?.weightOnToes,
      seen: "In a squat, the weight shifts onto the toes and the knees travel far forward.",
      notSeen: "In a squat, the weight stays over the mid-foot.",
      source: "seed-004",
    },
    {
      task: "lunge",
      sign: "knee-valgus",
      present: lunge?.kneesCave,
      seen: "In a lunge, the front knee caves in.",
      notSeen: "In a lunge, the front knee stays in line.",
      source: "seed-004",
    },
    {
      task: "lunge",
      sign: "thigh-dominant",
      present: lunge?.thighDominant,
      seen: "In a lunge, the effort is felt all in the front of the thigh.",
      notSeen: "In a lunge, the effort is shared with the hip.",
      source: "seed-004",
    },
  );
  return out;
}

/** Crossley 2011: an overall fair or poor rating marks a poor squat; pelvis and knee criteria map to their own signs. */
function singleLegSquatObservations(side: Side, rating: SingleLegSquatRating): Observation[] {
  const on = `On a single-leg squat on the ${side} leg`;
  const out: Observation[] = [];
  const poorCriteria = (["trunk", "pelvis", "hip", "knee"] as const).filter(
    (c) => rating[c] === "poor",
  );
  const overallPoor =
    rating.overall === undefined
      ? poorCriteria.length > 0
        ? true
        : undefined
      : rating.overall !== "good";
  out.push({
    task: "single-leg-squat",
    sign: "poor-single-leg-squat",
    present: overallPoor,
    side,
    seen: `${on}, control is rated ${rating.overall ?? "poor"}${poorCriteria.length ? ` (poor: ${poorCriteria.join(", ")})` : ""}.`,
    notSeen: `${on}, control is rated good.`,
    source: "crossley-2011",
  });
  for (const criterion of CRITERIA) {
    const rated = rating[criterion.key];
    if (rated === undefined) continue;
    out.push({
      task: "single-leg-squat",
      sign: criterion.sign,
      present: rated !== "good",
      side,
      seen: `${on}, ${criterion.seen(rated)}.`,
      notSeen: `${on}, ${criterion.notSeen}.`,
      source: "crossley-2011",
    });
  }
  return out;
}

/** Crossley criteria that map to a sign of their own. */
const CRITERIA: readonly {
  key: "pelvis" | "knee" | "trunk";
  sign: MovementSign;
  seen: (rated: string) => string;
  notSeen: string;
}[] = [
  {
    key: "pelvis",
    sign: "pelvic-drop",
    seen: (r) => `pelvis control is rated ${r}`,
    notSeen: "the pelvis stays level",
  },
  {
    key: "knee",
    sign: "knee-valgus",
    seen: (r) => `knee alignment is rated ${r} (the knee moves inward)`,
    notSeen: "the knee stays over the foot",
  },
  {
    key: "trunk",
    sign: "trunk-lean",
    seen: (r) => `trunk control is rated ${r}`,
    notSeen: "the trunk stays upright",
  },
];
