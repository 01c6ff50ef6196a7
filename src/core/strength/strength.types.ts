import type { AsymmetryFormula, StrengthSettings } from "../settings.js";
import type { Laterality, Side } from "../side.js";
import type { SourceId } from "../sources.js";
import type { ForceUnit, Metres, Milliseconds, NewtonMetres, Newtons } from "../units.js";

/** The dynamometer tests hipcheck knows (docs/clinical-sources.md, "Strength"), with their labels and joint. */
export const STRENGTH_TESTS = [
  { id: "hip-abduction", label: "Hip abduction", joint: "hip" },
  { id: "hip-extension", label: "Hip extension", joint: "hip" },
  { id: "hip-external-rotation", label: "Hip external rotation", joint: "hip" },
  { id: "hip-internal-rotation", label: "Hip internal rotation", joint: "hip" },
  { id: "hip-adduction", label: "Hip adduction", joint: "hip" },
  { id: "hip-flexion", label: "Hip flexion", joint: "hip" },
  { id: "knee-extension", label: "Knee extension", joint: "knee" },
  { id: "knee-flexion", label: "Knee flexion", joint: "knee" },
] as const;

export type StrengthTestName = (typeof STRENGTH_TESTS)[number]["id"];
export const STRENGTH_TEST_NAMES: readonly StrengthTestName[] = STRENGTH_TESTS.map((t) => t.id);

/**
 * Body position during the test; readings are only compared within one position (cerda-vega-2018).
 * "unknown" when it was not recorded: such sides pair only with each other, and reference values carry a caveat.
 */
export const STRENGTH_POSITIONS = [
  "supine",
  "side-lying",
  "prone",
  "seated",
  "standing",
  "unknown",
] as const;
export type StrengthPosition = (typeof STRENGTH_POSITIONS)[number];

/** Make: the patient pushes against a held dynamometer. Break: the tester overcomes the patient (stratford-1994). "unknown" when not recorded. */
export const STRENGTH_METHODS = ["make", "break", "unknown"] as const;
export type StrengthMethod = (typeof STRENGTH_METHODS)[number];

/** `"hip-abduction"` → "Hip abduction". */
export function strengthTestLabel(test: StrengthTestName): string {
  return STRENGTH_TESTS.find((t) => t.id === test)?.label ?? test;
}

/** True for the six hip tests, false for knee extension and flexion. */
export function isHipTest(test: StrengthTestName): boolean {
  return STRENGTH_TESTS.some((t) => t.id === test && t.joint === "hip");
}

/** A raw force–time trace, converted to newtons. */
export interface ForceTrace {
  /** Sampling rate, Hz (VALD DynaMo 225 Hz, DynaMo Max 1,200 Hz). */
  rateHz: number;
  samplesN: Newtons[];
}

/** One side of one test, as entered, after unit conversion (strength.schema.ts). */
export interface StrengthTestInput {
  test: StrengthTestName;
  side: Side;
  position: StrengthPosition;
  method: StrengthMethod;
  /** Joint centre to dynamometer pad. */
  leverArmM?: Metres;
  trialsN: Newtons[];
  /** The most the tester can hold, when known (krause-2014). */
  testerLimitN?: Newtons;
  trace?: ForceTrace;
  /** Per trial, what the device reported beside the peak (VALD-style exports). */
  trialMetrics?: TrialMetrics[];
  /** The unit the readings were entered in; everything above is in newtons. */
  enteredUnit: ForceUnit;
}

/** A device's own figures for one trial: rate of force development (N/s) and time to peak (ms). */
export interface TrialMetrics {
  rfdNPerS?: number;
  timeToPeakMs?: number;
}

/** What a force trace gives (trace.ts). */
export interface ForceTraceResult {
  rateHz: number;
  /** Mean force over the first 50 ms, taken as rest. */
  baselineN: Newtons;
  peakN: Newtons;
  /** Start of the contraction, from the start of the trace. */
  onsetMs: Milliseconds;
  /** From onset to the first sample at peak force. */
  timeToPeakMs: Milliseconds;
  /** Rate of force development over 0–50, 0–100 and 0–200 ms from onset, N/s. */
  rateOfForceDevelopment: { windowMs: number; newtonsPerSecond: number }[];
  /** How onset was found, for the report. */
  onsetMethod: string;
}

export type ReferenceBand = "below" | "within" | "above";

/** One side's torque per body mass judged against published values. */
export interface ReferenceComparison {
  /** The patient's value, Nm/kg. */
  value: number;
  /** Expected value, Nm/kg, where the source gives an equation or a mean. */
  expected?: number;
  /** Expected range, Nm/kg, where the source gives a range instead. */
  range?: { low: number; high: number };
  /** Standard deviation of the reference, Nm/kg, where the source gives one. */
  sd?: number;
  /** (value − expected) ÷ SD. */
  z?: number;
  /** Share of the reference population below the value, 0–100, assuming a normal spread. */
  percentile?: number;
  band: ReferenceBand;
  /** The expectation in words, e.g. "expected 1.45 ± 0.35 Nm/kg" or "2.92–3.45 Nm/kg". */
  expectedText: string;
  population: string;
  source: SourceId;
  /** Why the comparison may mislead (position, method, age outside the sample …). */
  caveats: string[];
}

export interface SideStrength {
  side: Side;
  trialsN: Newtons[];
  bestN: Newtons;
  meanN: Newtons;
  /** Between-trial coefficient of variation, %; needs ≥ 2 trials. */
  trialCvPercent?: number;
  /** CV above settings.trialVariationPercent (thorborg-2010). */
  inconsistent: boolean;
  leverArmM?: Metres;
  /** Best force × lever arm. */
  torqueNm?: NewtonMetres;
  /** Absent when body mass is unknown. */
  forceNPerKg?: number;
  torqueNmPerKg?: number;
  testerLimitN?: Newtons;
  /** Best reading ≥ 95 % of the tester's limit (krause-2014). */
  overpowered: boolean;
  overpoweredWarning?: string;
  trace?: ForceTraceResult;
  /** The device's figures for the strongest trial, when the file gave them. */
  bestTrialMetrics?: TrialMetrics;
  reference?: ReferenceComparison;
  /** Why there is no reference comparison, for a test that has reference values. */
  referenceMissing?: string;
  enteredUnit: ForceUnit;
}

/** One test in one position, left and right paired. */
export interface StrengthTestResult {
  test: StrengthTestName;
  position: StrengthPosition;
  /** "mixed" when the two sides were tested with different methods (a warning says so). */
  method: StrengthMethod | "mixed";
  sides: Partial<Record<Side, SideStrength>>;
  involvedSide?: Side;
  involvedSideReason?: string;
  /** Involved ÷ uninvolved × 100 (lsi-convention). */
  lsiPercent?: number;
  /** Torque when both sides have a lever arm, otherwise force. */
  lsiBasis: "force" | "torque";
  asymmetry?: { formula: AsymmetryFormula; formulaText: string; percent: number };
  /** LSI below settings.lsiDeficitPercent. */
  deficit: boolean;
  weakerSide?: Side;
  warnings: string[];
}

export interface StrengthReport {
  tests: StrengthTestResult[];
  asymmetryFormula: AsymmetryFormula;
  formulaText: string;
  /** Warnings about the whole strength assessment; each test carries its own too. */
  warnings: string[];
  /** What could not be computed from the data given, and why (e.g. Nm/kg without body mass). */
  notComputed: string[];
  rulesVersion: string;
}

/** What analyseStrength needs to know about the person and the clinic. */
export interface StrengthContext {
  /** Body mass, kg (20–300); undefined when not known (then nothing per kg is computed). */
  bodyMassKg?: number | undefined;
  /** Years. */
  age?: number | undefined;
  sex?: "female" | "male" | "other" | undefined;
  /** Where the knee hurts; undefined when it does not hurt. */
  painSide?: Laterality;
  settings: StrengthSettings;
}
