import { formatNumber, joinWords } from "../format.js";
import type { Side } from "../side.js";
import { strengthTestLabel } from "../strength/strength.types.js";
import type { SignGroup } from "./confidence.js";
import type { Finding, FindingEvidence, FindingStatus } from "./finding.types.js";
import { rateFinding } from "./finding-label.js";
import type { FindingsInput } from "./findings-input.js";
import { movementFindingEvidence, movementSignGroup } from "./movement-evidence.js";
import { type RegionStrength, regionStrength } from "./strength-evidence.js";

const PELVIC_CONTROL = [
  "pelvic-drop",
  "trunk-lean",
  "lateral-movement",
  "poor-single-leg-squat",
  "crossover",
] as const;
const KNEE_ALIGNMENT = ["knee-valgus"] as const;

/**
 * Hip-driven knee pain (seed-000; fredericson-2000, ireland-2003): a hip strength deficit,
 * by symmetry or reference values, with normal knee strength and signs of poor hip control
 * in movement. Likely needs the hip deficit plus one more agreeing sign.
 */
export function hipDrivenFinding(input: FindingsInput): Finding {
  const line = input.settings.strength.lsiDeficitPercent;
  const hip = regionStrength(input.strength, "hip", line);
  const knee = regionStrength(input.strength, "knee", line);
  const pelvis = movementSignGroup("pelvic control", input.movement, PELVIC_CONTROL);
  const kneeAlignment = movementSignGroup("knee alignment", input.movement, KNEE_ALIGNMENT);
  const painTypical = painTypicalOfHipWeakness(input);

  const symmetry: SignGroup = {
    name: "hip symmetry",
    supports: hip.paired ? hip.asymmetric.length > 0 : undefined,
    quality: "measured",
  };
  const reference: SignGroup = {
    name: "hip reference values",
    supports:
      hip.belowReference.length > 0 ? true : hip.withinReference.length > 0 ? false : undefined,
    quality: "measured",
  };
  const groups: SignGroup[] = [
    symmetry,
    reference,
    {
      name: "knee strength normal",
      supports: knee.tested ? kneeIsNormal(knee) : undefined,
      quality: "measured",
    },
    pelvis,
    kneeAlignment,
    { name: "pain location", supports: painTypical.supports, quality: "self-report" },
  ];
  const agreeing = groups.filter((g) => g.supports === true).length;
  const hipDeficit = hip.asymmetric.length > 0 || hip.belowReference.length > 0;
  const movementSigns = [pelvis, kneeAlignment].filter((g) => g.supports === true).length;
  const otherSupport = agreeing - (symmetry.supports ? 1 : 0) - (reference.supports ? 1 : 0);
  const movementTested = pelvis.supports !== undefined || kneeAlignment.supports !== undefined;

  let status: FindingStatus = "undetermined";
  if (hipDeficit && otherSupport >= 1) status = "likely";
  else if (hipDeficit || movementSigns >= 2) status = "possible";
  else if (hip.tested && pelvis.supports !== true && kneeAlignment.supports !== true)
    status = "unlikely";
  // Without dynamometry, only a clean result on both movement families argues against the hip.
  else if (!hip.tested && pelvis.supports === false && kneeAlignment.supports === false)
    status = "unlikely";

  const side = hip.weakSide ?? pelvis.sides[0] ?? kneeAlignment.sides[0];
  const evidence: FindingEvidence[] = [
    ...hip.evidence,
    // Normal knee strength counts for a hip cause, knee weakness against: the marks follow the count.
    ...knee.evidence.map((e) => ({ ...e, supports: !e.supports })),
    ...movementFindingEvidence(input.movement, [...PELVIC_CONTROL, ...KNEE_ALIGNMENT]),
    ...painTypical.evidence,
  ];

  const wording = {
    status,
    side,
    hip,
    knee,
    kneeNormal: knee.tested && kneeIsNormal(knee),
    movementSigns,
    movementTested,
  };
  return {
    id: "hip-driven-knee-pain",
    title: "Hip-driven knee pain",
    status,
    ...(side ? { side } : {}),
    ...rateFinding(status, groups),
    plain: plainWording(wording),
    clinical: clinicalWording(wording),
    evidence,
    next: nextSteps(status, hip, knee.tested, side),
  };
}

interface Wording {
  status: FindingStatus;
  side: Side | undefined;
  hip: RegionStrength;
  knee: RegionStrength;
  kneeNormal: boolean;
  movementSigns: number;
  movementTested: boolean;
}

/** The hip tests whose involved side falls short, named for advice: only what was measured. */
function weakHipTests(hip: RegionStrength): string[] {
  return [
    ...new Set([
      ...hip.asymmetric.map((t) => strengthTestLabel(t.test).toLowerCase()),
      ...hip.belowReference.map((b) => strengthTestLabel(b.test.test).toLowerCase()),
    ]),
  ];
}

function kneeIsNormal(knee: RegionStrength): boolean {
  return knee.asymmetric.length === 0 && knee.belowReference.length === 0;
}

/** Lateral (ITBS) and anterior (PFP) knee pain are the patterns tied to hip weakness. */
function painTypicalOfHipWeakness(input: FindingsInput): {
  supports: boolean | undefined;
  evidence: FindingEvidence[];
} {
  const areas = input.painAreas;
  if (areas.length === 0) return { supports: undefined, evidence: [] };
  const evidence: FindingEvidence[] = [];
  if (areas.includes("lateral"))
    evidence.push({
      statement:
        "Pain on the outside of the knee: runners with ITB syndrome show about 20 % weaker hip abduction on the painful side.",
      supports: true,
      source: "fredericson-2000",
    });
  if (areas.includes("anterior"))
    evidence.push({
      statement:
        "Pain at the front of the knee: patellofemoral pain goes with weaker hip abduction and external rotation.",
      supports: true,
      source: "ireland-2003",
    });
  if (evidence.length > 0) return { supports: true, evidence };
  if (areas.every((a) => a === "posterior"))
    return {
      supports: false,
      evidence: [
        {
          statement:
            "Pain at the back of the knee is not one of the patterns tied to hip weakness.",
          supports: false,
          source: "seed-003",
        },
      ],
    };
  return { supports: undefined, evidence: [] };
}

function deficitSummary(hip: RegionStrength): string {
  const parts = hip.asymmetric.map(
    (t) => `${strengthTestLabel(t.test).toLowerCase()} LSI ${formatNumber(t.lsiPercent ?? 0, 0)} %`,
  );
  const refs = hip.belowReference.map(
    (b) => `${b.side} ${strengthTestLabel(b.test.test).toLowerCase()} below reference values`,
  );
  return joinWords([...parts, ...refs]);
}

function plainWording(w: Wording): string {
  const { status, side, hip } = w;
  const where = side ? `your ${side} hip` : "your hips";
  switch (status) {
    case "likely": {
      // "Weaker than it should be" only when below reference values; otherwise weaker than the other side.
      const how =
        hip.belowReference.length > 0
          ? `The muscles of ${where} are weaker than they should be for your age and sex`
          : `The muscles of ${where} are weaker than those of the other side`;
      const knee = w.kneeNormal
        ? `, while your knee muscles test ${w.knee.withinReference.length > 0 ? "normal" : "even on both sides"}`
        : "";
      return `${how}${knee}. When the hip cannot keep the pelvis level, the knee takes extra load with every step: a likely reason your knee hurts when you run. Strengthening ${where} is the main part of the plan.`;
    }
    case "possible":
      return hip.tested
        ? `There are signs that ${where} may not be controlling your leg well enough, but not enough to be sure.${w.movementTested ? "" : " Filming a single-leg squat or your running would tell more."}`
        : `There are signs that ${where} may not be controlling your leg well enough, but not enough to be sure. A strength test of the hip muscles on both sides would tell.`;
    case "unlikely": {
      const strength = hip.tested
        ? hip.withinReference.length > 0
          ? "Your hip muscles tested even and within normal values"
          : "Your hip muscles tested even on both sides"
        : "Your hip strength was not tested";
      const movement = w.movementTested
        ? "the movement tests looked controlled"
        : "your movement was not tested";
      return `${strength}, and ${movement}, so the hip is probably not what makes your knee hurt.${hip.tested && w.movementTested ? "" : hip.tested ? " A single-leg squat or running video would confirm it." : " A strength test would confirm it."}`;
    }
    default:
      return "There is not yet enough information to tell whether your hip is behind your knee pain.";
  }
}

function clinicalWording(w: Wording): string {
  const { status, side, hip, kneeNormal, movementSigns } = w;
  const deficits = deficitSummary(hip);
  const sideText = side ? `${side} ` : "";
  const movementText = w.movementTested
    ? movementSigns
      ? `; ${movementSigns} movement sign group(s) of poor hip control`
      : "; no movement signs of poor hip control"
    : "; movement not tested";
  const kneeText = kneeNormal
    ? `; knee strength symmetric${w.knee.withinReference.length > 0 ? " and within reference" : " (no knee reference comparison)"}`
    : w.knee.tested
      ? "; knee strength deficit as well"
      : "; knee strength not tested";
  switch (status) {
    case "likely": {
      const untested = HIP_PRIORITY.filter((t) => !hip.testedNames.includes(t));
      return `Proximal (hip) weakness pattern: ${sideText}${deficits}${kneeText}${movementText}. Consistent with hip-driven knee pain; prioritise ${sideText}${joinWords(weakHipTests(hip))} strengthening${untested.length ? `; ${joinWords(untested.map((t) => strengthTestLabel(t).toLowerCase()))} not tested` : ""}.`;
    }
    case "possible":
      return deficits
        ? `Hip deficit (${sideText}${deficits}) without a second agreeing sign${kneeText}${movementText}; confirm with single-leg stance and single-leg squat${w.knee.tested ? "" : ", and knee dynamometry"}.`
        : "Movement signs of poor hip control (pelvic control and knee alignment) without a measured hip deficit; confirm with hip abduction and external rotation dynamometry.";
    case "unlikely":
      return hip.tested
        ? `Hip strength symmetric${hip.withinReference.length > 0 ? " and within reference" : ""}${movementText}.`
        : "No pelvic-control or knee-alignment signs on movement testing; hip strength not measured.";
    default:
      return `Insufficient data to judge a hip contribution${hip.tested ? "" : ": hip strength not measured"}${w.movementTested ? "" : "; movement not tested"}.`;
  }
}

/** The hip tests that decide treatment emphasis (seed-000; ireland-2003): abduction and external rotation. */
const HIP_PRIORITY = ["hip-abduction", "hip-external-rotation"] as const;

function nextSteps(
  status: FindingStatus,
  hip: RegionStrength,
  kneeTested: boolean,
  side: Side | undefined,
): string[] {
  const next: string[] = [];
  const untested = HIP_PRIORITY.filter((t) => !hip.testedNames.includes(t));
  if (!hip.tested)
    next.push(
      "Test hip abduction, extension and external rotation strength on both sides with a dynamometer.",
    );
  else if (untested.length > 0)
    next.push(
      `Test ${joinWords(untested.map((t) => strengthTestLabel(t).toLowerCase()))} strength on both sides with a dynamometer.`,
    );
  if (!kneeTested)
    next.push(
      "Test knee extension and flexion strength on both sides, to tell a knee problem from a hip one.",
    );
  if (status === "likely" || status === "possible")
    next.push(
      `Hip strengthening${side ? ` with extra volume on the ${side} side` : ""}: clamshells, single-leg glute bridges, lateral band walks (seed-000), then activation in walking and running (seed-001).`,
      "Retest hip strength after 6–8 weeks of training (khayambashi-2012, ferber-2015).",
    );
  return next;
}
