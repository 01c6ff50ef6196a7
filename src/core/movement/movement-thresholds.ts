/**
 * Where a measured movement counts as a sign. None of these has a validated cut-off in the
 * literature (docs/clinical-sources.md, "Movement"): each default is a clinic starting point, named with the
 * evidence it leans on, and a clinic may change it. Reports print the threshold used.
 */
export interface MovementThresholds {
  /** Mean contralateral pelvic drop above this (degrees) is a sign; Bramah 2018: each degree ≈ +80 % odds of injury. */
  pelvicDropDeg: number;
  /** Left–right difference in pelvic drop above this (degrees) is a sign on the larger side; 2D smallest detectable difference 2.7–2.8° (Dingenen 2018). */
  pelvicDropAsymmetryDeg: number;
  /** Knee FPPA above this (degrees, valgus +): healthy mean + 1 SD in single-leg squat, 8.4 + 5.1 (Herrington 2014). */
  kneeFppaDeg: number;
  /** Lateral trunk lean towards the stance side above this (degrees). */
  trunkLeanDeg: number;
  /** Shank angle at contact above this (degrees, ankle ahead of knee) marks overstriding (Souza 2016: sliding scale). */
  shankAngleDeg: number;
  /** Cadence below this (steps/min): recreational men 171 ± 8, i.e. one SD below the mean. */
  lowCadence: number;
  /** Share of steps (0–1) landing across the midline that makes crossover a sign. */
  crossoverShare: number;
  /** Single-leg squat: FPPA at the deepest point above this is knee valgus (Herrington 2014; Ghulam 2021). */
  squatFppaDeg: number;
  /** Single-leg stance: pelvic drop above this (degrees) is a positive Trendelenburg; about 2 cm over a hip-joint width of about 19 cm. */
  stanceDropDeg: number;
}

export const DEFAULT_MOVEMENT_THRESHOLDS: MovementThresholds = {
  pelvicDropDeg: 5,
  pelvicDropAsymmetryDeg: 2.8,
  kneeFppaDeg: 13.5,
  trunkLeanDeg: 5,
  shankAngleDeg: 10,
  lowCadence: 163,
  crossoverShare: 0.5,
  squatFppaDeg: 13.5,
  stanceDropDeg: 6,
};

/** Defaults with a clinic's overrides. */
export function resolveMovementThresholds(
  overrides: Partial<MovementThresholds> = {},
): MovementThresholds {
  return { ...DEFAULT_MOVEMENT_THRESHOLDS, ...overrides };
}
