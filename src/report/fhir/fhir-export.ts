/**
 * An assessment as a FHIR R4 Bundle (type "collection"): the Patient; Observations for the
 * person's measurements, each strength result, each movement observation, each pain rating and
 * pain location; a QuestionnaireResponse per questionnaire response; the likely conditions as
 * provisional Conditions; the programme as a CarePlan; a referral as a ServiceRequest.
 * Identifiers are derived from the content, so the same assessment gives the same Bundle.
 */
import { createHash } from "node:crypto";
import type {
  Bundle,
  CarePlan,
  Condition,
  Observation,
  ObservationComponent,
  Patient,
  QuestionnaireResponse,
  Reference,
  Resource,
  ServiceRequest,
} from "@medplum/fhirtypes";
import type { AssessmentResult } from "../../core/assessment/assess.js";
import type { AssessmentInput } from "../../core/assessment/assessment.schema.js";
import type { Programme } from "../../core/program/programme.types.js";
import { SIDES } from "../../core/side.js";
import { doseText } from "../programme-calendar.js";
import { BODY, hipcheckCode, LOINC_CODES, QUESTIONNAIRE_BASE, quantity } from "./fhir-codes.js";
import {
  category,
  concept,
  lateralityComponent,
  movementObservation,
  strengthObservation,
} from "./fhir-observations.js";

export interface BundleInput {
  input: AssessmentInput;
  result: AssessmentResult;
  programme?: Programme;
}

/** The Bundle of one assessment; validate it with `checkFhirResource` before handing it on. */
export function assessmentBundle({ input, result, programme }: BundleInput): Bundle {
  const seed = `${input.person.name ?? ""}|${input.assessedOn}`;
  const entries: Resource[] = [];
  const urls = new Map<Resource, string>();
  const add = <T extends Resource>(key: string, resource: T): Reference<T> => {
    const url = `urn:uuid:${uuidFrom(`${seed}|${key}`)}`;
    urls.set(resource, url);
    entries.push(resource);
    return { reference: url } as Reference<T>;
  };
  const patient = add("patient", patientOf(input));
  const date = input.assessedOn;
  const observation = (
    key: string,
    body: Omit<Observation, "resourceType" | "status" | "subject">,
  ) =>
    add(key, {
      resourceType: "Observation",
      status: "final",
      subject: patient,
      effectiveDateTime: date,
      ...body,
    });

  const p = input.person;
  // An "unknown" value has no Observation: nothing is claimed that was not measured.
  if (p.age !== undefined)
    observation("age", {
      category: [category("exam")],
      code: concept(LOINC_CODES.age),
      valueQuantity: quantity(p.age, "a"),
    });
  if (p.bodyMassKg !== undefined)
    observation("weight", {
      category: [category("vital-signs")],
      code: concept(LOINC_CODES.bodyWeight),
      valueQuantity: quantity(p.bodyMassKg, "kg"),
    });
  if (p.heightCm !== undefined)
    observation("height", {
      category: [category("vital-signs")],
      code: concept(LOINC_CODES.bodyHeight),
      valueQuantity: quantity(p.heightCm, "cm"),
    });

  const pain = input.symptoms.pain;
  for (const [when, value] of [
    ["at-rest", pain.atRest],
    ["during-run", pain.duringRun],
    ["after-run", pain.afterRun],
  ] as const) {
    if (value === undefined) continue;
    observation(`pain-${when}`, {
      category: [category("survey")],
      code: {
        coding: [
          LOINC_CODES.pain,
          hipcheckCode("pain-rating", when, `Knee pain ${when.replace(/-/g, " ")}`),
        ],
        text: `Knee pain ${when.replace(/-/g, " ")} (0–10)`,
      },
      bodySite: concept(BODY.knee),
      valueQuantity: quantity(value, "score"),
    });
  }
  const course = painCourse(pain);
  if (course.length > 0)
    observation("pain-course", {
      category: [category("survey")],
      code: {
        coding: [hipcheckCode("symptom", "knee-pain-course", "How the knee pain behaves")],
        text: "How the knee pain behaves",
      },
      bodySite: concept(BODY.knee),
      component: course,
    });
  pain.locations.forEach((location, i) => {
    observation(`pain-location-${i}`, {
      category: [category("exam")],
      code: {
        coding: [hipcheckCode("symptom", "knee-pain-location", "Where the knee hurts")],
        text: "Where the knee hurts",
      },
      bodySite: concept(BODY.knee),
      valueCodeableConcept: {
        coding: [hipcheckCode("pain-area", location.area)],
        text: `${location.area} knee`,
      },
      component:
        location.side === "both"
          ? SIDES.map(lateralityComponent)
          : [lateralityComponent(location.side)],
    });
  });

  for (const test of result.strength?.tests ?? [])
    for (const side of SIDES) {
      const resource = strengthObservation(test, side);
      if (resource) observation(`strength-${test.test}-${test.position}-${side}`, resource);
    }
  result.movement.forEach((m, i) => {
    observation(`movement-${i}`, movementObservation(m));
  });

  (input.questionnaires ?? []).forEach((q, i) => {
    const response: QuestionnaireResponse = {
      resourceType: "QuestionnaireResponse",
      status: "completed",
      questionnaire: `${QUESTIONNAIRE_BASE}/${q.instrument}`,
      subject: patient,
      authored: q.date,
      item: Object.entries(q.answers).map(([linkId, answer]) => ({
        linkId,
        ...(answer === null ? {} : { answer: [{ valueDecimal: answer }] }),
      })),
    };
    add(`questionnaire-${i}`, response);
  });

  const conditions: Reference<Condition>[] = [];
  result.likelyConditions.forEach((c, i) => {
    const condition: Condition = {
      resourceType: "Condition",
      clinicalStatus: {
        coding: [
          { system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" },
        ],
      },
      verificationStatus: {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
            code: "provisional",
          },
        ],
      },
      code: { coding: [hipcheckCode("knee-condition", c.condition, c.name)], text: c.name },
      bodySite: [concept(BODY.knee)],
      subject: patient,
      recordedDate: date,
      note: [
        {
          text: `${c.statement}. A likely name from where the pain is, not a diagnosis (decision support).`,
        },
      ],
    };
    conditions.push(add(`condition-${i}`, condition));
  });
  for (const f of result.findings.filter((x) => x.status === "likely"))
    conditions.push(
      add(`finding-${f.id}`, {
        resourceType: "Condition",
        verificationStatus: {
          coding: [
            {
              system: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
              code: "provisional",
            },
          ],
        },
        code: {
          coding: [hipcheckCode("finding", f.id, f.title)],
          text: `${f.title}${f.side ? ` (${f.side})` : ""}`,
        },
        subject: patient,
        recordedDate: date,
        note: [{ text: f.clinical }],
      } satisfies Condition),
    );

  const screen = result.redFlags;
  if (screen.referral && screen.urgency) {
    const request: ServiceRequest = {
      resourceType: "ServiceRequest",
      status: "active",
      intent: "proposal",
      priority:
        screen.urgency === "emergency"
          ? "stat"
          : screen.urgency === "see-doctor-soon"
            ? "urgent"
            : "routine",
      code: {
        coding: [hipcheckCode("referral", screen.urgency)],
        text: `Referral: ${screen.urgency.replace(/-/g, " ")}`,
      },
      subject: patient,
      authoredOn: date,
      reasonCode: screen.hits.map((hit) => ({
        coding: [hipcheckCode("red-flag", hit.flag.id)],
        text: `${hit.flag.title}: ${hit.because}`,
      })),
      note: screen.advice.map((text) => ({ text })),
    };
    add("referral", request);
  }
  if (programme && result.programmeAllowed)
    add("careplan", carePlan(programme, patient, conditions));

  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: `${date}T00:00:00Z`,
    entry: entries.map((resource) => ({ fullUrl: urls.get(resource) ?? "", resource })),
  } as Bundle;
}

/** When in a run the pain starts, which way it is going, how long it has lasted. */
function painCourse(pain: AssessmentInput["symptoms"]["pain"]): ObservationComponent[] {
  const part = (code: string, text: string) => ({
    code: { coding: [hipcheckCode("pain-course", code)], text },
  });
  const out: ObservationComponent[] = [];
  if (pain.onset?.kind === "time")
    out.push({
      ...part("onset-minutes", "Starts after"),
      valueQuantity: quantity(pain.onset.minutes, "min"),
    });
  if (pain.onset?.kind === "distance")
    out.push({
      ...part("onset-distance", "Starts after"),
      valueQuantity: quantity(pain.onset.km, "km"),
    });
  if (pain.trend)
    out.push({
      ...part("trend", "Trend"),
      valueCodeableConcept: { coding: [hipcheckCode("pain-trend", pain.trend)], text: pain.trend },
    });
  if (pain.durationWeeks !== undefined)
    out.push({
      ...part("duration", "Has hurt for"),
      valueQuantity: quantity(pain.durationWeeks, "wk"),
    });
  return out;
}

function patientOf(input: AssessmentInput): Patient {
  const p = input.person;
  const [given, ...family] = (p.name ?? "").split(/\s+/).filter(Boolean);
  return {
    resourceType: "Patient",
    ...(p.name
      ? {
          name: [
            {
              text: p.name,
              ...(given ? { given: [given] } : {}),
              ...(family.length ? { family: family.join(" ") } : {}),
            },
          ],
        }
      : {}),
    gender: p.sex,
  };
}

function carePlan(
  programme: Programme,
  patient: Reference<Patient>,
  addresses: Reference<Condition>[],
): CarePlan {
  const first = new Map<string, string>();
  for (const s of programme.sessions)
    for (const p of [...s.strength, ...s.stretching, ...s.aroundRun])
      if (!first.has(p.exercise)) first.set(p.exercise, doseText(p));
  return {
    resourceType: "CarePlan",
    status: "active",
    intent: "plan",
    title: `Hip strengthening and return-to-run programme, ${programme.weeks} weeks`,
    subject: patient,
    period: { start: programme.start, end: programme.end },
    addresses,
    activity: [
      ...[...first].map(([id, dose]) => ({
        detail: {
          kind: "Task" as const,
          code: {
            coding: [hipcheckCode("exercise", id)],
            text: dose.split(" ").slice(0, 3).join(" "),
          },
          status: "scheduled" as const,
          description: dose,
        },
      })),
      {
        detail: {
          kind: "Task" as const,
          code: { coding: [hipcheckCode("exercise", "return-to-run")], text: "Return to running" },
          status: "scheduled" as const,
          description: programme.runPlan.rules.join(" "),
        },
      },
    ],
  };
}

function uuidFrom(key: string): string {
  const hex = createHash("sha1").update(key).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
