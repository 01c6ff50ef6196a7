import { formatNumber, joinWords } from "../format.js";
import type { Side } from "../side.js";
import { strengthTestLabel } from "../strength/strength.types.js";
import { confidenceOf, countSigns, type SignGroup } from "./confidence.js";
import type { Finding, FindingEvidence, FindingStatus } from "./finding.types.js";
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

  const groups: SignGroup[] = [
    { name: "hip symmetry", supports: hip.tested ? hip.asymmetric.length > 0 : undefined },
    {
      name: "hip reference values",
      supports:
        hip.belowReference.length > 0 ? true : hip.withinReference.length > 0 ? false : undefined,
    },
    { name: "knee strength normal", supports: knee.tested ? kneeIsNormal(knee) : undefined },
    pelvis,
    kneeAlignment,
    { name: "pain location", supports: painTypical.supports },
  ];
  const { agreeing, considered } = countSigns(groups);
  const hipDeficit = hip.asymmetric.length > 0 || hip.belowReference.length > 0;
  const movementSigns = [pelvis, kneeAlignment].filter((g) => g.supports === true).length;
  const otherSupport = agreeing - (groups[0]?.supports ? 1 : 0) - (groups[1]?.supports ? 1 : 0);

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
    ...knee.evidence,
    ...movementFindingEvidence(input.movement, [...PELVIC_CONTROL, ...KNEE_ALIGNMENT]),
    ...painTypical.evidence,
  ];

  return {
    id: "hip-driven-knee-pain",
    title: "Hip-driven knee pain",
    status,
    ...(side ? { side } : {}),
    confidence: confidenceOf(agreeing, considered),
    plain: plainWording(status, side, hip.tested, knee.tested && kneeIsNormal(knee)),
    clinical: clinicalWording({
      status,
      side,
      hip,
      kneeNormal: knee.tested && kneeIsNormal(knee),
      movementSigns,
    }),
    evidence,
    next: nextSteps(status, hip.tested, knee.tested, side),
  };
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

function plainWording(
  status: FindingStatus,
  side: Side | undefined,
  hipTested: boolean,
  kneeNormal: boolean,
): string {
  const where = side ? `your ${side} hip` : "your hips";
  switch (status) {
    case "likely":
      return `The muscles of ${where} are weaker than they should be${kneeNormal ? ", while your knee muscles test normal" : ""}. When the hip cannot keep the pelvis level, the knee takes extra load with every step: a likely reason your knee hurts when you run. Strengthening ${where} is the main part of the plan.`;
    case "possible":
      return `There are signs that ${where} may not be controlling your leg well enough, but not enough to be sure. A strength test of the hip muscles on both sides would tell.`;
    case "unlikely":
      return hipTested
        ? "Your hip muscles tested strong and even, and the movement tests looked controlled, so the hip is probably not what makes your knee hurt."
        : "Your hips kept the pelvis level and the knees in line in the movement tests, so the hip is probably not what makes your knee hurt. A strength test would confirm it.";
    default:
      return "There is not yet enough information to tell whether your hip is behind your knee pain.";
  }
}

function clinicalWording(options: {
  status: FindingStatus;
  side: Side | undefined;
  hip: RegionStrength;
  kneeNormal: boolean;
  movementSigns: number;
}): string {
  const { status, side, hip, kneeNormal, movementSigns } = options;
  const deficits = deficitSummary(hip);
  const sideText = side ? `${side} ` : "";
  switch (status) {
    case "likely":
      return `Proximal (hip) weakness pattern: ${sideText}${deficits}${kneeNormal ? "; knee strength symmetric and within reference" : ""}${movementSigns ? `; ${movementSigns} movement sign group(s) of poor hip control` : ""}. Consistent with hip-driven knee pain; prioritise ${sideText}hip abductor and external rotator strengthening.`;
    case "possible":
      return deficits
        ? `Hip deficit (${sideText}${deficits}) without a second agreeing sign; confirm with single-leg stance and single-leg squat, and knee dynamometry.`
        : "Movement signs of poor hip control (pelvic control and knee alignment) without a measured hip deficit; confirm with hip abduction and external rotation dynamometry.";
    case "unlikely":
      return hip.tested
        ? "Hip strength symmetric and within reference where available; no movement signs of poor hip control."
        : "No pelvic-control or knee-alignment signs on movement testing; hip strength not measured.";
    default:
      return "Insufficient data to judge a hip contribution.";
  }
}

function nextSteps(
  status: FindingStatus,
  hipTested: boolean,
  kneeTested: boolean,
  side: Side | undefined,
): string[] {
  const next: string[] = [];
  if (!hipTested)
    next.push(
      "Test hip abduction, extension and external rotation strength on both sides with a dynamometer.",
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
