import type { MovementEvidence } from "../movement/evidence.js";
import type { LoadCheck } from "../running/load.types.js";
import type { Settings } from "../settings.js";
import type { Laterality } from "../side.js";
import type { StrengthReport } from "../strength/strength.types.js";

export type KneeArea = "lateral" | "anterior" | "medial" | "posterior";

/** Everything the finding rules look at, already validated and computed. */
export interface FindingsInput {
  /** Where the knee hurts; undefined when it does not hurt now. */
  painSide?: Laterality;
  painAreas: readonly KneeArea[];
  sittingHoursPerDay?: number;
  aggravators?: { hills?: boolean; stairs?: boolean; squats?: boolean; prolongedSitting?: boolean };
  strength?: StrengthReport;
  movement: readonly MovementEvidence[];
  load: readonly LoadCheck[];
  settings: Settings;
}
