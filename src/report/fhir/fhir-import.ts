/**
 * A FHIR R4 Bundle back into an assessment file: the Patient and the person's measurements,
 * pain ratings and locations, strength results, movement observations and questionnaire
 * responses. The Bundle is checked against the R4 structure definitions first; then the
 * assessment built from it is checked like any assessment file. Any problem stops the import
 * whole, and every problem names its place (`entry[3] (Observation)…`).
 */
import type {
  Bundle,
  Observation,
  ObservationComponent,
  Patient,
  QuestionnaireResponse,
  Resource,
  ServiceRequest,
} from "@medplum/fhirtypes";
import { assessmentSchema } from "../../core/assessment/assessment.schema.js";
import { InputError, type InputIssue, parseWith } from "../../core/errors.js";
import { SIDES, type Side } from "../../core/side.js";
import { RED_FLAG_QUESTION_IDS } from "../../core/symptoms/red-flags.data.js";
import {
  BODY_POSITION_EXTENSION,
  codeIn,
  hipcheckCodeIn,
  LATERALITY,
  LOINC,
  LOINC_CODES,
  QUESTIONNAIRE_BASE,
  SIDE_CODES,
  SNOMED,
} from "./fhir-codes.js";
import { fhirIssues } from "./fhir-validate.js";

type Json = Record<string, unknown>;

export interface ImportedAssessment {
  /** The assessment file, as a person would write it (JSON), already validated. */
  assessment: Json;
  /** What the Bundle does not carry and the file therefore leaves open, in plain words. */
  notes: string[];
}

/** Imports a Bundle; throws InputError naming every problem, and imports nothing then. */
export function assessmentFromBundle(bundle: unknown, file?: string): ImportedAssessment {
  const where = file ? `FHIR Bundle ${file}` : "FHIR Bundle";
  if (typeof bundle !== "object" || bundle === null || (bundle as Json).resourceType !== "Bundle")
    throw new InputError(
      [
        {
          path: "resourceType",
          message: `expected "Bundle", got ${JSON.stringify((bundle as Json | null)?.resourceType ?? null)}`,
        },
      ],
      where,
    );
  const structural = fhirIssues(bundle);
  if (structural.length > 0) throw new InputError(structural, where);
  const issues: InputIssue[] = [];
  const entries = ((bundle as Bundle).entry ?? []).map((e, i) => ({
    at: `entry[${i}] (${e.resource?.resourceType})`,
    resource: e.resource as Resource,
  }));
  const patients = entries.filter((e) => e.resource?.resourceType === "Patient");
  if (patients.length !== 1)
    issues.push({
      path: "entry",
      message: `expected exactly one Patient, found ${patients.length}`,
    });
  const observations = entries.filter(
    (e): e is { at: string; resource: Observation } => e.resource?.resourceType === "Observation",
  );
  const person: Json = {};
  const patient = patients[0]?.resource as Patient | undefined;
  if (patient) {
    const name =
      patient.name?.[0]?.text ??
      [...(patient.name?.[0]?.given ?? []), patient.name?.[0]?.family].filter(Boolean).join(" ");
    if (name) person.name = name;
    // FHIR's "unknown" gender, or none, is hipcheck's "unknown" sex.
    if (patient.gender === "female" || patient.gender === "male" || patient.gender === "other")
      person.sex = patient.gender;
    else person.sex = "unknown";
  }
  const unmeasured: string[] = [];
  const measured = (code: string, field: string, what: string) => {
    const found = observations.find((o) => codeIn(o.resource.code, LOINC) === code);
    const value = found?.resource.valueQuantity?.value;
    if (value === undefined) {
      person[field] = "unknown";
      unmeasured.push(what);
    } else person[field] = value;
  };
  measured(LOINC_CODES.age.code, "age", "age");
  measured(LOINC_CODES.bodyHeight.code, "heightCm", "body height");
  measured(LOINC_CODES.bodyWeight.code, "bodyMass", "body weight");

  const pain: Json = { locations: [] };
  for (const { at, resource: o } of observations) {
    const rating = hipcheckCodeIn(o.code, "pain-rating");
    if (rating) {
      const field = { "at-rest": "atRest", "during-run": "duringRun", "after-run": "afterRun" }[
        rating
      ];
      if (field) pain[field] = o.valueQuantity?.value;
      else issues.push({ path: `${at}.code`, message: `unknown pain rating "${rating}"` });
    }
    if (hipcheckCodeIn(o.code, "symptom") === "knee-pain-course")
      Object.assign(pain, painCourse(o));
    if (hipcheckCodeIn(o.code, "symptom") === "knee-pain-location") {
      const area = hipcheckCodeIn(o.valueCodeableConcept, "pain-area");
      const sides = lateralities(o.component);
      if (!area || sides.length === 0)
        issues.push({ path: at, message: "a pain location needs its area and its side" });
      else (pain.locations as Json[]).push({ area, side: sides.length === 2 ? "both" : sides[0] });
    }
  }
  const tests = observations.flatMap(({ at, resource }) => strengthEntry(at, resource, issues));
  const movement = observations.flatMap(({ at, resource }) => movementEntry(at, resource, issues));
  const questionnaires = entries
    .filter(
      (e): e is { at: string; resource: QuestionnaireResponse } =>
        e.resource?.resourceType === "QuestionnaireResponse",
    )
    .flatMap(({ at, resource }) => questionnaireEntry(at, resource, issues));
  if (issues.length > 0) throw new InputError(issues, where);
  const referral = referralFlags(entries.map((e) => e.resource));

  const dates = observations.map((o) => o.resource.effectiveDateTime?.slice(0, 10)).filter(Boolean);
  const assessment: Json = {
    assessedOn: dates[0] ?? (bundle as Bundle).timestamp?.slice(0, 10),
    person,
    symptoms: { pain },
    redFlags: referral.answers,
    ...(tests.length ? { strength: { tests } } : {}),
    ...(movement.length ? { movement } : {}),
    ...(questionnaires.length ? { questionnaires } : {}),
  };
  // The built file must pass the same checks as a typed one.
  parseWith(assessmentSchema, assessment, "assessment built from the FHIR Bundle");
  return {
    assessment,
    notes: [
      ...referral.notes,
      ...(unmeasured.length
        ? [`The Bundle has no ${unmeasured.join(", ")} Observation: recorded as "unknown".`]
        : []),
      "The other red-flag questions are not in the Bundle: they are left unanswered, and the report lists them to ask.",
      "Training history and readiness are not in the Bundle: add them to the file when known.",
    ],
  };
}

/** Onset, trend and duration from the pain-course Observation, in the assessment file's words. */
function painCourse(o: Observation): Json {
  const value = (code: string) => component(o, "pain-course", code);
  const minutes = value("onset-minutes")?.valueQuantity?.value;
  const km = value("onset-distance")?.valueQuantity?.value;
  const trend = hipcheckCodeIn(value("trend")?.valueCodeableConcept, "pain-trend");
  const weeks = value("duration")?.valueQuantity?.value;
  return {
    ...(minutes !== undefined ? { onset: { afterMinutes: minutes } } : {}),
    ...(km !== undefined ? { onset: { afterDistance: km, unit: "km" } } : {}),
    ...(trend ? { trend } : {}),
    ...(weeks !== undefined ? { durationWeeks: weeks } : {}),
  };
}

function lateralities(components: readonly ObservationComponent[] | undefined): Side[] {
  return SIDES.filter((side) =>
    (components ?? []).some(
      (c) =>
        codeIn(c.code, SNOMED) === codeIn(LATERALITY, SNOMED) &&
        codeIn(c.valueCodeableConcept, SNOMED) === SIDE_CODES[side].code,
    ),
  );
}

function component(o: Observation, system: string, code: string): ObservationComponent | undefined {
  return o.component?.find((c) => hipcheckCodeIn(c.code, system) === code);
}

function strengthEntry(at: string, o: Observation, issues: InputIssue[]): Json[] {
  const test = hipcheckCodeIn(o.code, "strength-test");
  if (!test) return [];
  const side = lateralities(o.component);
  const position = hipcheckCodeIn(
    o.extension?.find((e) => e.url === BODY_POSITION_EXTENSION)?.valueCodeableConcept,
    "body-position",
  );
  const method = hipcheckCodeIn(o.method, "strength-method");
  const trials = (o.component ?? [])
    .filter((c) => hipcheckCodeIn(c.code, "strength-measure")?.startsWith("trial-"))
    .map((c) => newtons(c.valueQuantity));
  const missing = [
    side.length !== 1 ? "one side (laterality)" : "",
    position ? "" : "the body position",
    method ? "" : "the method",
    trials.length ? "" : "its trials",
  ].filter(Boolean);
  if (missing.length) {
    issues.push({ path: at, message: `strength result ${test} lacks ${missing.join(", ")}` });
    return [];
  }
  if (trials.some((t) => t === undefined)) {
    issues.push({ path: `${at}.component`, message: "every trial needs a force in N (UCUM N)" });
    return [];
  }
  const lever = component(o, "strength-measure", "lever-arm")?.valueQuantity?.value;
  const limit = newtons(component(o, "strength-measure", "tester-limit")?.valueQuantity);
  return [
    {
      test,
      side: side[0],
      position,
      method,
      ...(lever === undefined ? {} : { leverArmCm: lever }),
      unit: "N",
      trials,
      ...(limit === undefined ? {} : { testerLimit: limit }),
    },
  ];
}

function newtons(q: { value?: number; code?: string } | undefined): number | undefined {
  return q?.value !== undefined && (q.code === "N" || q.code === undefined) ? q.value : undefined;
}

function movementEntry(at: string, o: Observation, issues: InputIssue[]): Json[] {
  const sign = hipcheckCodeIn(o.code, "movement-sign");
  if (!sign) return [];
  const task = hipcheckCodeIn(o.code, "movement-task");
  const present = component(o, "movement-measure", "present")?.valueBoolean ?? o.valueBoolean;
  const confidence = hipcheckCodeIn(
    component(o, "movement-measure", "confidence")?.valueCodeableConcept,
    "confidence",
  );
  const method = hipcheckCodeIn(o.method, "evidence-method");
  const source = component(o, "movement-measure", "source")?.valueString;
  const observation = o.note?.[0]?.text;
  if (!task || present === undefined || !confidence || !method || !source || !observation) {
    issues.push({
      path: at,
      message: `movement observation ${sign} needs its task, whether it was seen, confidence, method, source and a note`,
    });
    return [];
  }
  const side = lateralities(o.component)[0];
  const reference = component(o, "movement-measure", "reference")?.valueString;
  const q = o.valueQuantity;
  return [
    {
      task,
      sign,
      present,
      ...(side ? { side } : {}),
      ...(q?.value !== undefined
        ? {
            measured: {
              value: q.value,
              unit: q.unit ?? q.code ?? "",
              ...(reference ? { reference } : {}),
            },
          }
        : {}),
      confidence,
      method,
      observation,
      source,
    },
  ];
}

function questionnaireEntry(at: string, r: QuestionnaireResponse, issues: InputIssue[]): Json[] {
  const url = r.questionnaire ?? "";
  if (!url.startsWith(`${QUESTIONNAIRE_BASE}/`)) {
    issues.push({
      path: `${at}.questionnaire`,
      message: `not a questionnaire hipcheck scores: ${JSON.stringify(url)}`,
    });
    return [];
  }
  if (!r.authored) {
    issues.push({
      path: `${at}.authored`,
      message: "the date the questionnaire was answered is required",
    });
    return [];
  }
  const answers: Record<string, number | null> = {};
  for (const item of r.item ?? []) {
    const answer = item.answer?.[0];
    answers[item.linkId] = answer?.valueDecimal ?? answer?.valueInteger ?? null;
  }
  return [
    {
      instrument: url.slice(QUESTIONNAIRE_BASE.length + 1),
      date: r.authored.slice(0, 10),
      answers,
    },
  ];
}

/**
 * The red flags a hipcheck referral (ServiceRequest) names, as answers, so that a referral is
 * never lost on the way through FHIR. Flags that follow from other answers (an injury, the
 * Ottawa rule) cannot be set back; a note says the referral stands.
 */
function referralFlags(resources: readonly (Resource | undefined)[]): {
  answers: Record<string, true>;
  notes: string[];
} {
  const answers: Record<string, true> = {};
  const notes: string[] = [];
  for (const r of resources) {
    if (r?.resourceType !== "ServiceRequest") continue;
    for (const reason of (r as ServiceRequest).reasonCode ?? []) {
      const flag = hipcheckCodeIn(reason, "red-flag");
      if (!flag) continue;
      if ((RED_FLAG_QUESTION_IDS as readonly string[]).includes(flag)) answers[flag] = true;
      else
        notes.push(
          `The Bundle's referral names "${reason.text ?? flag}", which follows from injury answers the Bundle does not hold: the person is still to be seen first; ask the injury questions again.`,
        );
    }
  }
  return { answers, notes };
}
