import { DomainError } from "../errors.js";
import { RULES_VERSION } from "../rules-version.js";
import { SIDES, type Side, sideLabel } from "../side.js";
import { analyseSide } from "./side-strength.js";
import type {
  SideStrength,
  StrengthContext,
  StrengthPosition,
  StrengthReport,
  StrengthTestInput,
  StrengthTestName,
  StrengthTestResult,
} from "./strength.types.js";
import { strengthTestLabel } from "./strength.types.js";
import {
  ASYMMETRY_FORMULA_TEXT,
  asymmetryPercent,
  chooseInvolvedSide,
  limbSymmetryIndex,
  weakerSideOf,
} from "./symmetry.js";

interface TestGroup {
  test: StrengthTestName;
  position: StrengthPosition;
  /** The first entry of the group, for what both sides share. */
  first: StrengthTestInput;
  entries: Partial<Record<Side, StrengthTestInput>>;
}

/**
 * Analyses dynamometer tests: per side best force (N), torque (Nm), N/kg, Nm/kg and reference
 * values; per test and position, LSI = involved ÷ uninvolved × 100 and asymmetry by the clinic's
 * formula (lsi-convention), with warnings on method (thorborg-2010, cerda-vega-2018, krause-2014).
 */
export function analyseStrength(
  tests: readonly StrengthTestInput[],
  context: StrengthContext,
): StrengthReport {
  const mass = context.bodyMassKg;
  if (mass !== undefined && (!(mass > 0) || !Number.isFinite(mass))) {
    throw new DomainError(`Body mass must be above 0 kg to normalise strength, got ${mass}.`);
  }
  const groups = groupTests(tests);
  const formula = context.settings.asymmetryFormula;
  const warnings: string[] = [];
  if (context.painSide === "both") {
    warnings.push(
      "Both knees hurt: the LSI then compares two painful sides and can hide weakness on both; judge each side against reference values and the patient's earlier tests (lsi-convention).",
    );
  }
  const results = groups.map((group) => analyseGroup(group, groups, context));
  return {
    tests: results,
    asymmetryFormula: formula,
    formulaText: ASYMMETRY_FORMULA_TEXT[formula],
    warnings,
    notComputed: notComputed(results, context),
    rulesVersion: RULES_VERSION,
  };
}

/** What the data given could not yield, each reason once: per-kg values, torque, reference values. */
function notComputed(results: readonly StrengthTestResult[], context: StrengthContext): string[] {
  const out = new Set<string>();
  if (context.bodyMassKg === undefined)
    out.add(
      "N/kg and Nm/kg: body mass is unknown, so strength is not normalised and not compared with reference values (they are in Nm/kg).",
    );
  for (const result of results) {
    for (const side of SIDES) {
      const s = result.sides[side];
      if (!s) continue;
      if (s.torqueNm === undefined)
        out.add(
          `${strengthTestLabel(result.test)} torque: no lever arm given (joint centre to the pad), so the ${side} side has force only.`,
        );
      if (s.referenceMissing && context.bodyMassKg !== undefined)
        out.add(`${strengthTestLabel(result.test)} reference values: ${s.referenceMissing}`);
    }
    if (result.position === "unknown")
      out.add(
        `${strengthTestLabel(result.test)}: the test position was not recorded, so it is compared only with sides also of unknown position, and reference values carry a caveat.`,
      );
  }
  return [...out];
}

/** Groups entries by test and position, in the order they first appear; one entry per side. */
function groupTests(tests: readonly StrengthTestInput[]): TestGroup[] {
  const groups = new Map<string, TestGroup>();
  for (const entry of tests) {
    const key = `${entry.test}|${entry.position}`;
    const group = groups.get(key) ?? {
      test: entry.test,
      position: entry.position,
      first: entry,
      entries: {},
    };
    if (group.entries[entry.side]) {
      throw new DomainError(
        `${sideLabel(entry.side)} ${strengthTestLabel(entry.test).toLowerCase()} (${entry.position}) is entered twice: put all trials of one side in one entry.`,
      );
    }
    group.entries[entry.side] = entry;
    groups.set(key, group);
  }
  return [...groups.values()];
}

function analyseGroup(
  group: TestGroup,
  allGroups: readonly TestGroup[],
  context: StrengthContext,
): StrengthTestResult {
  const subject = `${strengthTestLabel(group.test)} (${group.position})`;
  const warnings: string[] = [];
  const sides: Partial<Record<Side, SideStrength>> = {};
  for (const side of SIDES) {
    const entry = group.entries[side];
    if (!entry) continue;
    const analysed = analyseSide(entry, context);
    sides[side] = analysed.strength;
    warnings.push(...analysed.warnings);
  }

  const { left, right } = sides;
  const leftEntry = group.entries.left;
  const rightEntry = group.entries.right;
  if (!left || !right || !leftEntry || !rightEntry) {
    warnings.push(missingSideWarning(group, allGroups));
    return {
      test: group.test,
      position: group.position,
      method: group.first.method,
      sides,
      lsiBasis: "force",
      deficit: false,
      warnings,
    };
  }

  const method = leftEntry.method === rightEntry.method ? leftEntry.method : "mixed";
  if (method === "mixed") {
    warnings.push(
      `${subject}: the left side was tested with a ${leftEntry.method} test and the right with a ${rightEntry.method} test; the two methods give different readings (stratford-1994), so the side-to-side comparison is uncertain.`,
    );
  }

  // Torque when both sides have a lever arm: it allows for different pad positions.
  const byTorque = left.torqueNm !== undefined && right.torqueNm !== undefined;
  const pair: { left: number; right: number } =
    left.torqueNm !== undefined && right.torqueNm !== undefined
      ? { left: left.torqueNm, right: right.torqueNm }
      : { left: left.bestN, right: right.bestN };
  if (!byTorque && (left.torqueNm !== undefined || right.torqueNm !== undefined)) {
    const withArm = left.torqueNm !== undefined ? "left" : "right";
    warnings.push(
      `${subject}: a lever arm was given for the ${withArm} side only, so the sides are compared on force, not torque.`,
    );
  }

  const involved = chooseInvolvedSide(pair, context.painSide);
  const lsiPercent =
    involved.side === undefined
      ? 100
      : limbSymmetryIndex(pair[involved.side], pair[involved.side === "left" ? "right" : "left"]);
  const formula = context.settings.asymmetryFormula;
  const weakerSide = weakerSideOf(pair);

  return {
    test: group.test,
    position: group.position,
    method,
    sides,
    ...(involved.side === undefined ? {} : { involvedSide: involved.side }),
    involvedSideReason: involved.reason,
    lsiPercent,
    lsiBasis: byTorque ? "torque" : "force",
    asymmetry: {
      formula,
      formulaText: ASYMMETRY_FORMULA_TEXT[formula],
      percent: asymmetryPercent(formula, {
        ...pair,
        ...(involved.side === undefined ? {} : { involved: involved.side }),
      }),
    },
    deficit: lsiPercent < context.settings.lsiDeficitPercent,
    ...(weakerSide === undefined ? {} : { weakerSide }),
    warnings,
  };
}

/** Why one side has no partner: tested in another position, or not tested at all. */
function missingSideWarning(group: TestGroup, allGroups: readonly TestGroup[]): string {
  const tested: Side = group.entries.left ? "left" : "right";
  const missing: Side = tested === "left" ? "right" : "left";
  const label = strengthTestLabel(group.test);
  const elsewhere = allGroups.find(
    (other) =>
      other.test === group.test && other.position !== group.position && other.entries[missing],
  );
  if (elsewhere) {
    const sizeNote =
      group.test === "hip-abduction"
        ? " (side-lying abduction reads about 30 % above standing and 27 % above supine)"
        : "";
    return `${label}: the ${tested} side was tested ${group.position} and the ${missing} side ${elsewhere.position}. Position changes the reading${sizeNote}, so the two sides are not compared (cerda-vega-2018).`;
  }
  return `${label} (${group.position}): only the ${tested} side was tested, so there is no side-to-side comparison.`;
}
