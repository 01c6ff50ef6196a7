import { formatNumber } from "../format.js";
import { SIDES, type Side, sideLabel } from "../side.js";
import type { StrengthReport, StrengthTestResult } from "../strength/strength.types.js";
import { isHipTest, strengthTestLabel } from "../strength/strength.types.js";
import type { FindingEvidence } from "./finding.types.js";

/** What the dynamometer says about one region (hip or knee). */
export interface RegionStrength {
  tested: boolean;
  /** At least one test has both sides, so symmetry is known. */
  paired: boolean;
  /** The tests done in this region. */
  testedNames: StrengthTestResult["test"][];
  /** Tests whose involved side is under the LSI line. */
  asymmetric: StrengthTestResult[];
  /** Side-and-test pairs below reference values. */
  belowReference: { test: StrengthTestResult; side: Side }[];
  /** Tests with reference values where every tested side is within or above them. */
  withinReference: StrengthTestResult[];
  evidence: FindingEvidence[];
  /** The weaker side across the deficits, when they agree on one. */
  weakSide?: Side;
}

/** Sorts a strength report's tests into hip or knee and states each as evidence. */
export function regionStrength(
  report: StrengthReport | undefined,
  region: "hip" | "knee",
  lsiLine: number,
): RegionStrength {
  const tests = (report?.tests ?? []).filter((t) => isHipTest(t.test) === (region === "hip"));
  const asymmetric = tests.filter((t) => t.deficit);
  const belowReference: RegionStrength["belowReference"] = [];
  const withinReference: StrengthTestResult[] = [];
  const evidence: FindingEvidence[] = [];

  for (const test of tests) {
    const label = `${strengthTestLabel(test.test)} (${test.position}, ${test.method} test)`;
    if (test.lsiPercent !== undefined && test.involvedSide) {
      const lsi = formatNumber(test.lsiPercent, 0);
      // "Symmetric" only inside the line both ways; a painful side far stronger is said as such.
      const otherReaches = formatNumber(10000 / test.lsiPercent, 0);
      const statement = test.deficit
        ? `${label}: the ${test.involvedSide} side reaches ${lsi} % of the other side.`
        : test.lsiPercent > 10000 / lsiLine
          ? `${label}: the ${test.involvedSide} side is the stronger; the other side reaches ${otherReaches} % of it.`
          : `${label}: left and right are symmetric (LSI ${lsi} %, within the ${lsiLine} % line).`;
      evidence.push({
        statement,
        supports: test.deficit,
        value: `LSI ${lsi} % (${test.lsiBasis})`,
        threshold: `deficit below ${lsiLine} %`,
        source: "lsi-convention",
      });
    }
    let referenced = false;
    let allWithin = true;
    for (const side of SIDES) {
      const ref = test.sides[side]?.reference;
      if (!ref) continue;
      referenced = true;
      if (ref.band === "below") {
        allWithin = false;
        belowReference.push({ test, side });
      }
      evidence.push({
        statement: `${sideLabel(side)} ${strengthTestLabel(test.test).toLowerCase()}: ${formatNumber(ref.value, 2)} Nm/kg, ${ref.band} reference values (${ref.population}).`,
        supports: ref.band === "below",
        value: `${formatNumber(ref.value, 2)} Nm/kg${ref.z === undefined ? "" : `, z ${formatNumber(ref.z, 1)}`}`,
        threshold: ref.expectedText,
        source: ref.source,
      });
    }
    if (referenced && allWithin) withinReference.push(test);
  }

  // The side that falls short of the other decides; reference values only when symmetry does not.
  const weakSide =
    singleSide(asymmetric.flatMap((t) => (t.involvedSide ? [t.involvedSide] : []))) ??
    singleSide(belowReference.map((b) => b.side));
  return {
    tested: tests.length > 0,
    paired: tests.some((t) => t.lsiPercent !== undefined),
    testedNames: [...new Set(tests.map((t) => t.test))],
    asymmetric,
    belowReference,
    withinReference,
    evidence,
    ...(weakSide ? { weakSide } : {}),
  };
}

/** The one side named, or undefined when none or both are. */
function singleSide(sides: readonly Side[]): Side | undefined {
  const distinct = new Set(sides);
  return distinct.size === 1 ? sides[0] : undefined;
}
