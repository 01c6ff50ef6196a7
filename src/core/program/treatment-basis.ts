import type { AssessmentResult } from "../assessment/assess.js";
import type { Finding, FindingId } from "../findings/finding.types.js";
import { formatNumber, joinWords } from "../format.js";
import { SIDES, type Side } from "../side.js";
import { isHipTest, strengthTestLabel } from "../strength/strength.types.js";

/** Which hip evidence tailors the programme. */
export type TreatmentBasisKind =
  | "asymmetric-deficit" // one side under the LSI line
  | "bilateral-below-reference" // both sides below reference values: symmetric but weak
  | "below-reference-one-side"
  | "hip-not-implicated" // hip tested strong and even
  | "movement-signs-only" // no dynamometry; self-tests or observation point at the hip
  | "nothing-measured"; // a general programme

/** Why the hip work is dosed as it is, and which finding chose it (lsi-convention, ramskov-2015, seed-003). */
export interface TreatmentBasis {
  kind: TreatmentBasisKind;
  /** Sides that get one more set of each single-leg hip exercise; both when both are weak. */
  emphasis: Side[];
  /** Hip strength work at the low end of its set range: the hip tested strong, the work is preventive. */
  maintenance: boolean;
  /** The finding that chose the hip work, recorded on each exercise it chose. */
  finding: string;
  /** Said at the top of the plan. */
  note: string;
}

/** The test that would tailor a general programme. */
export const TAILORING_TEST =
  "a hand-held dynamometer test of hip abduction and external rotation on both sides (with the lever arm and body mass, for reference values)";

/**
 * Chooses the hip emphasis from the measured findings: the weaker side under the LSI line;
 * both sides when both fall below reference values (the LSI cannot show symmetric weakness,
 * lsi-convention; low hip abduction goes with patellofemoral pain, ramskov-2015); maintenance
 * when the hip tested strong; a general programme, said as such, when nothing was measured.
 */
export function treatmentBasis(assessment: AssessmentResult): TreatmentBasis {
  const line = assessment.settings.strength.lsiDeficitPercent;
  const hipTests = (assessment.strength?.tests ?? []).filter((t) => isHipTest(t.test));
  const hipFinding = assessment.findings.find((f) => f.id === "hip-driven-knee-pain");
  const worst = hipTests
    .filter((t) => t.deficit && t.involvedSide && t.lsiPercent !== undefined)
    .sort((a, b) => (a.lsiPercent ?? 100) - (b.lsiPercent ?? 100))[0];
  if (worst?.involvedSide && worst.lsiPercent !== undefined) {
    const what = `${worst.involvedSide} ${strengthTestLabel(worst.test).toLowerCase()} LSI ${formatNumber(worst.lsiPercent, 0)} % (under ${line} %, measured)`;
    return {
      kind: "asymmetric-deficit",
      emphasis: [worst.involvedSide],
      maintenance: false,
      finding: what,
      note: `${what}: one more set on the ${worst.involvedSide} side of each single-leg hip exercise`,
    };
  }
  const below = SIDES.map((side) => ({
    side,
    tests: hipTests.filter((t) => t.sides[side]?.reference?.band === "below"),
  })).filter((b) => b.tests.length > 0);
  if (below.length > 0) {
    const names = joinWords([
      ...new Set(below.flatMap((b) => b.tests.map((t) => strengthTestLabel(t.test).toLowerCase()))),
    ]);
    const sides = below.map((b) => b.side);
    const both = sides.length === 2;
    const what = `${both ? "both sides'" : `${sides[0]}`} ${names} below reference values (measured)`;
    return {
      kind: both ? "bilateral-below-reference" : "below-reference-one-side",
      emphasis: sides,
      maintenance: false,
      finding: what,
      note: both
        ? `${what}, even though the sides are symmetric: one more set on both sides of each single-leg hip exercise`
        : `${what}: one more set on the ${sides[0]} side of each single-leg hip exercise`,
    };
  }
  if (hipTests.length > 0 && hipFinding?.status === "unlikely") {
    return {
      kind: "hip-not-implicated",
      emphasis: [],
      maintenance: true,
      finding: "hip strength tested even and not below reference values (measured)",
      note: "Your hips tested strong and even: hip exercises at the lower end of their set range, to keep them so while the plan works on what was found",
    };
  }
  if (hipTests.length === 0 && hipFinding?.status === "possible") {
    const side = hipFinding.side;
    return {
      kind: "movement-signs-only",
      emphasis: side ? [side] : [],
      maintenance: false,
      finding: `movement signs of poor hip control${side ? ` on the ${side}` : ""} (${signQualities(hipFinding)}), hip strength not measured`,
      note: `Based on movement signs only${side ? `, more work on the ${side} side` : ""}; ${TAILORING_TEST} would confirm and tailor it`,
    };
  }
  return {
    kind: "nothing-measured",
    emphasis: [],
    maintenance: false,
    finding:
      "general hip programme: hip strength not measured (hip work is always part of treatment, seed-003)",
    note: `General programme: no hip strength was measured and no test points at one side. ${TAILORING_TEST[0]?.toUpperCase()}${TAILORING_TEST.slice(1)} would tailor it`,
  };
}

function signQualities(finding: Finding): string {
  const qualities = finding.confidence.signs
    .filter((s) => s.state === "present" && s.quality)
    .map((s) =>
      s.quality === "self-report"
        ? "self-tests"
        : s.quality === "measured"
          ? "video"
          : "a clinician's observation",
    );
  return joinWords([...new Set(qualities)]) || "movement tests";
}

/** For each finding, the words recorded on the exercises it chose: its status and the evidence. */
export function findingReasons(
  findings: readonly Finding[],
  basis: TreatmentBasis,
): Partial<Record<FindingId, string>> {
  const out: Partial<Record<FindingId, string>> = { "hip-driven-knee-pain": basis.finding };
  for (const f of findings) {
    if (f.id === "hip-driven-knee-pain" || f.id === "not-enough-data") continue;
    const first = f.evidence.find((e) => e.supports);
    out[f.id] =
      `${f.title.toLowerCase()} (${f.status})${first ? `: ${first.statement.replace(/\.$/, "")}` : ""}`;
  }
  return out;
}
