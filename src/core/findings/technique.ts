import type { Side } from "../side.js";
import type { SignGroup } from "./confidence.js";
import type { Finding, FindingEvidence, FindingStatus } from "./finding.types.js";
import { rateFinding } from "./finding-label.js";
import type { FindingsInput } from "./findings-input.js";
import { movementFindingEvidence, movementSignGroup } from "./movement-evidence.js";

/** Hours of sitting a day from which sitting counts as a sign (seeds 001, 002 name a sitting job; no figure given — a clinic default). */
export const LONG_SITTING_HOURS = 6;

/**
 * Hip flexor tightness (seed-001, seed-002, seed-004): a sitting job, short steps or striding
 * behind the body, trouble on hills, pain with prolonged sitting, effort all in the front of
 * the thighs. Likely with two agreeing signs.
 */
export function hipFlexorFinding(input: FindingsInput): Finding {
  const sitting = input.sittingHoursPerDay;
  const evidence: FindingEvidence[] = [];
  if (sitting !== undefined)
    evidence.push({
      statement: `Sits about ${sitting} hours a day.`,
      supports: sitting >= LONG_SITTING_HOURS,
      value: `${sitting} h/day`,
      threshold: `≥ ${LONG_SITTING_HOURS} h/day`,
      source: "seed-001",
    });
  const agg = input.aggravators ?? {};
  if (agg.hills !== undefined)
    evidence.push({
      statement: agg.hills
        ? "Knee hurts on hills or uneven ground."
        : "Hills do not make the knee worse.",
      supports: agg.hills,
      source: "seed-001",
    });
  if (agg.prolongedSitting !== undefined)
    evidence.push({
      statement: agg.prolongedSitting
        ? "Knee hurts after sitting for long."
        : "Long sitting does not make the knee worse.",
      supports: agg.prolongedSitting,
      source: "seed-004",
    });
  const stride = movementSignGroup("stride", input.movement, ["short-stride"]);
  const thighs = movementSignGroup("thigh-dominant", input.movement, ["thigh-dominant"]);
  evidence.push(...movementFindingEvidence(input.movement, ["short-stride", "thigh-dominant"]));

  const groups: SignGroup[] = [
    {
      name: "sitting",
      supports: sitting === undefined ? undefined : sitting >= LONG_SITTING_HOURS,
      quality: "self-report",
    },
    { name: "hills", supports: agg.hills, quality: "self-report" },
    { name: "prolonged sitting", supports: agg.prolongedSitting, quality: "self-report" },
    stride,
    thighs,
  ];
  const agreeing = groups.filter((g) => g.supports === true).length;
  const considered = groups.filter((g) => g.supports !== undefined).length;
  const status = statusFromCounts(agreeing, considered);
  return {
    id: "hip-flexor-tightness",
    title: "Hip flexor tightness",
    status,
    ...rateFinding(status, groups),
    plain:
      status === "likely" || status === "possible"
        ? "The muscles at the front of your hips may be tight, often from long hours of sitting. Tight hip flexors tip the pelvis forward, shorten your stride and make it harder for the glutes to work, which strains the knee. Daily hip stretching helps, 5–10 minutes a day."
        : status === "unlikely"
          ? "Nothing points to tight hip flexors."
          : "Not enough information to judge hip flexor tightness.",
    clinical:
      status === "likely" || status === "possible"
        ? `Signs consistent with hip flexor shortening / anterior pelvic tilt (${agreeing} of ${considered} sign groups). Confirm with a modified Thomas test; prescribe hip flexor, 90/90, figure-4 and piriformis stretching 5–10 min daily (seed-001).`
        : status === "unlikely"
          ? "No history or movement signs of hip flexor shortening."
          : "History incomplete for hip flexor tightness.",
    evidence,
    next:
      status === "likely" || status === "possible"
        ? [
            "Stretch the hip flexors daily, 5–10 minutes (seed-001).",
            "A clinician can confirm with a modified Thomas test.",
          ]
        : status === "undetermined"
          ? ["Record sitting hours a day and whether hills or long sitting make the knee worse."]
          : [],
  };
}

/**
 * Overstriding (seed-001; souza-2016): the foot lands far ahead of the body, often with a low
 * cadence. No published cut-off exists, so a measured overstride is reported against its
 * sliding scale; a cadence cue of +5–10 % lowers knee load (heiderscheit-2011, lenhart-2014).
 */
export function overstridingFinding(input: FindingsInput): Finding {
  const over = movementSignGroup("overstride", input.movement, ["overstride"]);
  const cadence = movementSignGroup("cadence", input.movement, ["low-cadence"]);
  const considered = [over, cadence].filter((g) => g.supports !== undefined).length;
  let status: FindingStatus = "undetermined";
  if (over.supports) status = "likely";
  else if (cadence.supports) status = "possible";
  else if (considered > 0) status = "unlikely";
  const side: Side | undefined = over.sides[0];
  return {
    id: "overstriding",
    title: "Overstriding",
    status,
    ...(side && over.sides.length === 1 ? { side } : {}),
    ...rateFinding(status, [over, cadence]),
    plain:
      status === "likely" || status === "possible"
        ? "Your foot lands well ahead of your body, which brakes each step and loads the knee. Taking slightly quicker, shorter steps (5–10 % more steps a minute) lowers the load on the knee."
        : status === "unlikely"
          ? over.supports === false
            ? "Your foot lands close under your body."
            : "Your cadence is in the normal range; where your foot lands was not filmed from the side."
          : "Film yourself running from the side to check how far ahead of the body your foot lands.",
    clinical:
      status === "likely" || status === "possible"
        ? "Overstride and/or low cadence. Cue a 5–10 % cadence increase: +5 % reduces knee energy absorption, +10 % also hip adduction (heiderscheit-2011); +10 % lowers peak patellofemoral force by about 14 % (lenhart-2014)."
        : status === "unlikely"
          ? over.supports === false
            ? `No overstride${cadence.supports === false ? " or low cadence" : ""} observed${cadence.supports === undefined ? "; cadence not measured" : ""}.`
            : "Cadence normal; overstride not tested (no side view)."
          : "No running observation from the side.",
    evidence: movementFindingEvidence(input.movement, ["overstride", "low-cadence"]),
    next:
      status === "likely" || status === "possible"
        ? ["Raise cadence by 5–10 % (heiderscheit-2011, lenhart-2014)."]
        : status === "undetermined"
          ? [
              "Record the runner from the side on a treadmill or flat ground (shank angle and cadence at initial contact).",
            ]
          : [],
  };
}

/** Two agreeing signs make a pattern likely, one possible; signs looked at and all absent make it unlikely. */
function statusFromCounts(agreeing: number, considered: number): FindingStatus {
  if (agreeing >= 2) return "likely";
  if (agreeing === 1) return "possible";
  return considered >= 2 ? "unlikely" : "undetermined";
}
