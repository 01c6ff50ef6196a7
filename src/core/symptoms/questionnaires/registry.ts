import { AKPS } from "./instruments/akps.js";
import { KOOS_PF } from "./instruments/koos-pf.js";
import { LEFS } from "./instruments/lefs.js";
import { NPRS } from "./instruments/nprs.js";
import type { Instrument, InstrumentId } from "./questionnaire.types.js";
import { INSTRUMENT_IDS } from "./questionnaire.types.js";

/** Every instrument hipcheck knows, by id. */
export const INSTRUMENTS: Readonly<Record<InstrumentId, Instrument>> = {
  akps: AKPS,
  lefs: LEFS,
  nprs: NPRS,
  "koos-pf": KOOS_PF,
};

/** Which instruments a clinic uses. Responses to a switched-off instrument are refused on input. */
export interface QuestionnaireSettings {
  enabled: readonly InstrumentId[];
}

/** All four instruments on. */
export const DEFAULT_QUESTIONNAIRE_SETTINGS: QuestionnaireSettings = { enabled: INSTRUMENT_IDS };

/** True when `value` names one of the instruments. */
export function isInstrumentId(value: unknown): value is InstrumentId {
  return typeof value === "string" && (INSTRUMENT_IDS as readonly string[]).includes(value);
}
