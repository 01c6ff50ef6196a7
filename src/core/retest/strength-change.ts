import { formatNumber } from "../format.js";
import { otherSide, SIDES, type Side } from "../side.js";
import type { SourceId } from "../sources.js";
import type {
  StrengthReport,
  StrengthTestName,
  StrengthTestResult,
} from "../strength/strength.types.js";
import { strengthTestLabel } from "../strength/strength.types.js";

/**
 * Smallest real change of one side's hand-held reading, percent of the first value, when the
 * same tester retests within a week (thorborg-2010: below 5 % for abduction, external and
 * internal rotation and flexion, 6 % adduction, 8 % extension). Knee tests have no figure
 * there: the upper end of its whole range, 12 %, is used (clinic default).
 */
export const SIDE_MDC_PERCENT: Readonly<Record<StrengthTestName, number>> = {
  "hip-abduction": 5,
  "hip-external-rotation": 5,
  "hip-internal-rotation": 5,
  "hip-flexion": 5,
  "hip-adduction": 6,
  "hip-extension": 8,
  "knee-extension": 12,
  "knee-flexion": 12,
};

/**
 * The LSI divides two readings, each with its own error: its smallest real change, in LSI points,
 * is √2 × the per-side figure (errors of independent readings add in quadrature).
 */
export function lsiMdcPoints(test: StrengthTestName): number {
  return Math.round(Math.SQRT2 * SIDE_MDC_PERCENT[test] * 10) / 10;
}

/** One measure compared between two assessments. */
export interface MeasureChange {
  /** e.g. "right hip abduction LSI", "left hip abduction Nm/kg", "AKPS". */
  measure: string;
  kind: "lsi" | "torque-per-kg" | "questionnaire";
  unit: string;
  from: number;
  to: number;
  /** to − from, as the numbers read. */
  change: number;
  /** Nm/kg only: the change in percent of the first value, whole, the basis of `exceeds`. */
  changePercent?: number;
  /** Smallest change that is more than measurement error (MDC) or that matters to patients (MCID). */
  threshold: { kind: "mdc" | "mcid"; value: number; unit: string; source: SourceId };
  /** |change| at least the threshold. */
  exceeds: boolean;
  judgement: "improved" | "worse" | "no real change";
  /** The change as progress, in plain words with its numbers. */
  statement: string;
}

const key = (t: StrengthTestResult) => `${t.test}|${t.position}`;

/** The side-to-side basis both assessments share: torque when both have it, else force. */
function sideValue(t: StrengthTestResult, side: Side, torque: boolean): number | undefined {
  const s = t.sides[side];
  return torque ? s?.torqueNm : s?.bestN;
}

/**
 * Strength changes between two assessments, test by test in the same position: the LSI of the
 * side that was involved before (against its MDC, and whether it now reaches the line), and each
 * side's Nm/kg (against the per-side MDC). thorborg-2010, lsi-convention.
 */
export function strengthChanges(
  before: StrengthReport | undefined,
  after: StrengthReport | undefined,
  line: number,
): MeasureChange[] {
  if (!before || !after) return [];
  const later = new Map(after.tests.map((t) => [key(t), t]));
  const out: MeasureChange[] = [];
  for (const a of before.tests) {
    const b = later.get(key(a));
    if (!b) continue;
    const label = strengthTestLabel(a.test).toLowerCase();
    const side = a.involvedSide;
    if (side && a.lsiPercent !== undefined && b.lsiPercent !== undefined) {
      const torque = [a, b].every((t) => SIDES.every((s) => t.sides[s]?.torqueNm !== undefined));
      const ratio = (t: StrengthTestResult) => {
        const own = sideValue(t, side, torque);
        const other = sideValue(t, otherSide(side), torque);
        return own !== undefined && other ? (own / other) * 100 : undefined;
      };
      const from = ratio(a);
      const to = ratio(b);
      if (from !== undefined && to !== undefined)
        out.push(lsiChange({ test: a.test, label, side, from, to, line }));
    }
    for (const s of SIDES) {
      const from = a.sides[s]?.torqueNmPerKg;
      const to = b.sides[s]?.torqueNmPerKg;
      if (from === undefined || to === undefined) continue;
      out.push(perKgChange({ test: a.test, label: `${s} ${label}`, from, to }));
    }
  }
  return out;
}

function lsiChange(o: {
  test: StrengthTestName;
  label: string;
  side: Side;
  from: number;
  to: number;
  line: number;
}): MeasureChange {
  const from = Math.round(o.from);
  const to = Math.round(o.to);
  const change = to - from;
  const mdc = lsiMdcPoints(o.test);
  const exceeds = Math.abs(o.to - o.from) >= mdc;
  const judgement = !exceeds ? "no real change" : change > 0 ? "improved" : "worse";
  const lineWords =
    o.to >= o.line
      ? o.from < o.line
        ? `; now within the ${o.line} % line`
        : `; within the ${o.line} % line`
      : `; still under the ${o.line} % line`;
  const size = exceeds
    ? `more than the ${formatNumber(mdc, 1)}-point change a retest can show by chance`
    : `less than the ${formatNumber(mdc, 1)}-point change a retest can show by chance`;
  return {
    measure: `${o.side} ${o.label} LSI`,
    kind: "lsi",
    unit: "%",
    from,
    to,
    change,
    threshold: { kind: "mdc", value: mdc, unit: "LSI points", source: "thorborg-2010" },
    exceeds,
    judgement,
    statement:
      judgement === "no real change"
        ? `${capital(o.side)} ${o.label} stayed about the same: ${from} % → ${to} % of the ${otherSide(o.side)} (${signed(change)} points, ${size})${lineWords}.`
        : `${capital(o.side)} ${o.label} ${judgement === "improved" ? "improved" : "fell"} from ${from} % to ${to} % of the ${otherSide(o.side)} (${signed(change)} points, ${size})${lineWords}.`,
  };
}

function perKgChange(o: {
  test: StrengthTestName;
  label: string;
  from: number;
  to: number;
}): MeasureChange {
  const from = Math.round(o.from * 100) / 100;
  const to = Math.round(o.to * 100) / 100;
  const mdc = SIDE_MDC_PERCENT[o.test];
  const percent = ((o.to - o.from) / o.from) * 100;
  const exceeds = Math.abs(percent) >= mdc;
  const judgement = !exceeds ? "no real change" : percent > 0 ? "improved" : "worse";
  return {
    measure: `${o.label} Nm/kg`,
    kind: "torque-per-kg",
    unit: "Nm/kg",
    from,
    to,
    change: Math.round((to - from) * 100) / 100,
    changePercent: Math.round(percent),
    threshold: { kind: "mdc", value: mdc, unit: "% of the first value", source: "thorborg-2010" },
    exceeds,
    judgement,
    statement: `${capital(o.label)}: ${formatNumber(from, 2)} → ${formatNumber(to, 2)} Nm/kg (${signed(Math.round(percent))} %; ${exceeds ? "more" : "less"} than the ${mdc} % a retest can vary).`,
  };
}

const capital = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0");
