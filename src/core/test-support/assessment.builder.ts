/**
 * Builds raw assessment files (as a person would type them) for tests: a healthy,
 * fully screened runner by default, changed one section at a time.
 */

type Json = Record<string, unknown>;

export const ALL_CLEAR_RED_FLAGS = {
  kneeLooksDeformed: false,
  cannotStraightenKnee: false,
  hotSwollenWithFever: false,
  numbOrColdFoot: false,
  cannotBearWeight: false,
  kneeLocked: false,
  calfPainAndSwelling: false,
  hipPainOnRotation: false,
  unexplainedWeightLoss: false,
  nightOrConstantPain: false,
  hardLump: false,
  morningStiffness: false,
  severalSwollenJoints: false,
};

/** One side of one dynamometer test, in newtons. */
export function strengthTest(
  test: string,
  side: "left" | "right",
  trials: number[],
  extra: Json = {},
): Json {
  const position = test.startsWith("knee")
    ? "seated"
    : test === "hip-abduction"
      ? "side-lying"
      : "seated";
  return { test, side, position, method: "make", leverArmCm: 40, unit: "N", trials, ...extra };
}

/** Both sides of a test with the given best forces (three trials each, the best first). */
export function pairedTest(test: string, leftN: number, rightN: number, extra: Json = {}): Json[] {
  return [
    strengthTest(test, "left", [leftN, leftN * 0.98, leftN * 0.97], extra),
    strengthTest(test, "right", [rightN, rightN * 0.98, rightN * 0.97], extra),
  ];
}

export function assessmentFile(overrides: Json = {}): Json {
  return {
    assessedOn: "2026-11-20",
    person: { age: 35, sex: "female", heightCm: 168, bodyMass: 60 },
    symptoms: {
      pain: {
        locations: [{ area: "medial", side: "right" }],
        atRest: 0,
        duringRun: 4,
        afterRun: 2,
      },
      aggravators: {},
      trauma: { recent: false },
    },
    redFlags: ALL_CLEAR_RED_FLAGS,
    ...overrides,
  };
}
