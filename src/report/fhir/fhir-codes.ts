/**
 * Code systems and codes hipcheck writes into FHIR R4 resources. Standard terminologies where a
 * code exists (SNOMED CT body sites and laterality, LOINC vital signs and pain score, UCUM
 * units); hipcheck's own code system for the tests, signs and methods no terminology names.
 */
import type { CodeableConcept, Coding, Quantity } from "@medplum/fhirtypes";
import type { Side } from "../../core/side.js";

export const SNOMED = "http://snomed.info/sct";
export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
/** hipcheck's own codes: `${HIPCHECK}/strength-test`, `/movement-sign`, … */
export const HIPCHECK = "https://hipcheck.app/fhir/CodeSystem";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
export const BODY_POSITION_EXTENSION =
  "http://hl7.org/fhir/StructureDefinition/observation-bodyPosition";
export const QUESTIONNAIRE_BASE = "https://hipcheck.app/fhir/Questionnaire";

/** SNOMED CT body structures and qualifiers. */
export const BODY = {
  hip: { system: SNOMED, code: "24136001", display: "Hip joint structure" },
  knee: { system: SNOMED, code: "49076000", display: "Knee joint structure" },
} as const satisfies Record<string, Coding>;

/** SNOMED CT 272741003 |Laterality| (attribute), the code of a laterality component. */
export const LATERALITY: CodeableConcept = {
  coding: [{ system: SNOMED, code: "272741003", display: "Laterality" }],
  text: "Laterality",
};
export const SIDE_CODES: Readonly<Record<Side, Coding>> = {
  left: { system: SNOMED, code: "7771000", display: "Left" },
  right: { system: SNOMED, code: "24028007", display: "Right" },
};

/** LOINC codes for the person's measurements and the 0–10 pain rating. */
export const LOINC_CODES = {
  age: { system: LOINC, code: "30525-0", display: "Age" },
  bodyWeight: { system: LOINC, code: "29463-7", display: "Body weight" },
  bodyHeight: { system: LOINC, code: "8302-2", display: "Body height" },
  pain: {
    system: LOINC,
    code: "72514-3",
    display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
  },
} as const satisfies Record<string, Coding>;

/** hipcheck's code in one of its code systems. */
export function hipcheckCode(system: string, code: string, display?: string): Coding {
  return { system: `${HIPCHECK}/${system}`, code, ...(display ? { display } : {}) };
}

/** The code of `system` in a CodeableConcept, if any. */
export function codeIn(concept: CodeableConcept | undefined, system: string): string | undefined {
  return concept?.coding?.find((c) => c.system === system)?.code;
}

/** The hipcheck code of `system` in a CodeableConcept, if any. */
export function hipcheckCodeIn(
  concept: CodeableConcept | undefined,
  system: string,
): string | undefined {
  return codeIn(concept, `${HIPCHECK}/${system}`);
}

/** hipcheck's units → UCUM: "°" is "deg", steps/min is "/min", "N·m" is "N.m". */
const UCUM_UNITS: Readonly<Record<string, { unit: string; code: string }>> = {
  N: { unit: "N", code: "N" },
  N·m: { unit: "N·m", code: "N.m" },
  "N·m/kg": { unit: "N·m/kg", code: "N.m/kg" },
  "N/kg": { unit: "N/kg", code: "N/kg" },
  "%": { unit: "%", code: "%" },
  "°": { unit: "°", code: "deg" },
  deg: { unit: "°", code: "deg" },
  "steps/min": { unit: "steps/min", code: "/min" },
  cm: { unit: "cm", code: "cm" },
  kg: { unit: "kg", code: "kg" },
  a: { unit: "years", code: "a" },
  s: { unit: "s", code: "s" },
  min: { unit: "min", code: "min" },
  wk: { unit: "weeks", code: "wk" },
  km: { unit: "km", code: "km" },
  ms: { unit: "ms", code: "ms" },
  "N/s": { unit: "N/s", code: "N/s" },
  score: { unit: "score", code: "{score}" },
};

/** A UCUM quantity; a unit UCUM does not know is written as text only (no system, no code). */
export function quantity(value: number, unit: string): Quantity {
  const known = UCUM_UNITS[unit];
  const rounded = Math.round(value * 1000) / 1000;
  return known
    ? { value: rounded, unit: known.unit, system: UCUM, code: known.code }
    : { value: rounded, unit };
}
