import { readFileSync } from "node:fs";
import type { Bundle, CarePlan, Observation, Resource, ServiceRequest } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { assessInput } from "../../core/assessment/assess.js";
import { assessmentSchema } from "../../core/assessment/assessment.schema.js";
import { InputError, parseWith } from "../../core/errors.js";
import { generateProgramme } from "../../core/program/programme.js";
import { assessmentBundle } from "./fhir-export.js";
import { assessmentFromBundle } from "./fhir-import.js";
import { fhirIssues } from "./fhir-validate.js";

const readExample = (name: string) => JSON.parse(readFileSync(`examples/${name}`, "utf8"));

function bundleOf(name: string, withProgramme = true): Bundle {
  const input = parseWith(assessmentSchema, readExample(name));
  const result = assessInput(input);
  const programme = withProgramme
    ? generateProgramme({
        assessment: result,
        availability: { daysPerWeek: 6, minutesPerSession: 45, equipment: ["band"] },
        start: "2026-11-23",
        weeks: 8,
      })
    : undefined;
  return assessmentBundle({ input, result, ...(programme ? { programme } : {}) });
}

const resources = (bundle: Bundle): Resource[] =>
  (bundle.entry ?? []).map((e) => e.resource as Resource);
const ofType = <T extends Resource>(bundle: Bundle, type: T["resourceType"]): T[] =>
  resources(bundle).filter((r): r is T => r.resourceType === type);

/** The error an import raises, for its message and issue paths. */
function importError(bundle: unknown): InputError {
  try {
    assessmentFromBundle(bundle);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("the import was expected to fail");
}

describe("FHIR R4 export", () => {
  const bundle = bundleOf("seed-000-hip-weakness.json");

  it("conforms to the R4 structure definitions", () => {
    expect(fhirIssues(bundle)).toEqual([]);
    expect(bundle.type).toBe("collection");
    expect(new Set(bundle.entry?.map((e) => e.fullUrl)).size).toBe(bundle.entry?.length);
  });

  it("codes each strength result with body site, laterality and UCUM units", () => {
    const strength = ofType<Observation>(bundle, "Observation").filter((o) =>
      o.code.coding?.some((c) => c.system?.endsWith("/strength-test")),
    );
    expect(strength).toHaveLength(10);
    const rightAbduction = strength.find(
      (o) =>
        o.code.coding?.[0]?.code === "hip-abduction" &&
        o.component?.some((c) => c.valueCodeableConcept?.coding?.[0]?.code === "24028007"),
    );
    expect(rightAbduction?.bodySite?.coding?.[0]).toMatchObject({
      system: "http://snomed.info/sct",
      code: "24136001",
    });
    expect(rightAbduction?.valueQuantity).toEqual({
      value: 81,
      unit: "N",
      system: "http://unitsofmeasure.org",
      code: "N",
    });
    const byCode = Object.fromEntries(
      (rightAbduction?.component ?? []).map((c) => [c.code.coding?.[0]?.code, c.valueQuantity]),
    );
    expect(byCode.torque).toMatchObject({ value: 63.18, code: "N.m" });
    expect(byCode["torque-per-kg"]).toMatchObject({ value: 1.019, code: "N.m/kg" });
    expect(byCode.lsi).toMatchObject({ value: 69.828, code: "%" });
    expect(rightAbduction?.interpretation?.[0]?.coding?.[0]?.code).toBe("L");
    const knee = strength.find((o) => o.code.coding?.[0]?.code === "knee-extension");
    expect(knee?.bodySite?.coding?.[0]?.code).toBe("49076000");
  });

  it("carries pain, questionnaires, the likely condition and the programme", () => {
    const observations = ofType<Observation>(bundle, "Observation");
    const pain = observations.filter((o) => o.code.coding?.some((c) => c.code === "72514-3"));
    expect(pain.map((o) => o.valueQuantity?.value)).toEqual([0, 6, 4]);
    const movement = observations.filter((o) =>
      o.code.coding?.some((c) => c.system?.endsWith("/movement-sign")),
    );
    expect(movement.length).toBeGreaterThan(5);
    expect(ofType(bundle, "QuestionnaireResponse")).toHaveLength(2);
    const conditions = ofType(bundle, "Condition").map(
      (c) => (c as { code?: { text?: string } }).code?.text,
    );
    expect(conditions).toContain("patellofemoral pain");
    expect(conditions).toContain("Hip-driven knee pain (right)");
    const plan = ofType<CarePlan>(bundle, "CarePlan")[0];
    expect(plan?.period).toEqual({ start: "2026-11-23", end: "2027-01-17" });
    expect(plan?.activity?.length).toBeGreaterThan(5);
    expect(ofType(bundle, "ServiceRequest")).toHaveLength(0);
    expect(ofType(bundle, "Patient")[0]).toMatchObject({
      name: [{ text: "Zoë Lefèvre" }],
      gender: "female",
    });
  });

  it("turns a referral into a ServiceRequest and leaves the programme out", () => {
    const locked = bundleOf("red-flag-locked-knee.json", false);
    expect(fhirIssues(locked)).toEqual([]);
    const request = ofType<ServiceRequest>(locked, "ServiceRequest")[0];
    expect(request?.priority).toBe("stat");
    expect(request?.reasonCode?.map((r) => r.text).join(" ")).toMatch(/locked/i);
    expect(ofType(locked, "CarePlan")).toHaveLength(0);
  });

  it("gives the same Bundle for the same assessment", () => {
    expect(JSON.stringify(bundleOf("seed-000-hip-weakness.json"))).toBe(JSON.stringify(bundle));
  });
});

describe("FHIR R4 import", () => {
  it("round-trips the seed-000 runner: person, pain, strength, movement and questionnaires", () => {
    const original = parseWith(assessmentSchema, readExample("seed-000-hip-weakness.json"));
    const { assessment } = assessmentFromBundle(bundleOf("seed-000-hip-weakness.json"));
    const back = parseWith(assessmentSchema, assessment);
    expect(back.assessedOn).toBe(original.assessedOn);
    expect(back.person).toEqual(original.person);
    expect(back.strength).toEqual(original.strength);
    expect(back.questionnaires).toEqual(original.questionnaires);
    expect(back.symptoms.pain.locations).toEqual(original.symptoms.pain.locations);
    expect(back.symptoms.pain.duringRun).toBe(6);
    // Onset a mile into the run (1.609 km), the same for 30 weeks: the persistent-pain advice stays.
    expect(back.symptoms.pain.durationWeeks).toBe(30);
    expect(back.symptoms.pain.trend).toBe("same");
    expect(back.symptoms.pain.onset).toEqual({ kind: "distance", km: 1.609 });
    // Self-test answers come back as the movement evidence they gave.
    const originalResult = assessInput(original);
    const backResult = assessInput(back);
    expect(backResult.movement).toEqual(originalResult.movement);
    const hip = (r: typeof backResult) => r.findings.find((f) => f.id === "hip-driven-knee-pain");
    expect(hip(backResult)).toMatchObject({ status: "likely", side: "right" });
    expect(backResult.strength).toEqual(originalResult.strength);
    expect(backResult.redFlags.advice.join(" ")).toContain("30 weeks");
  });

  it("keeps a referral: the flags the ServiceRequest names come back raised", () => {
    const { assessment } = assessmentFromBundle(bundleOf("red-flag-locked-knee.json", false));
    expect(assessment.redFlags).toMatchObject({ kneeLocked: true });
    const result = assessInput(parseWith(assessmentSchema, assessment));
    expect(result.redFlags.referral).toBe(true);
    expect(result.programmeAllowed).toBe(false);
  });

  it("refuses something that is not a Bundle", () => {
    const error = importError({ resourceType: "Patient", gender: "female" });
    expect(error.issues).toEqual([
      { path: "resourceType", message: 'expected "Bundle", got "Patient"' },
    ]);
  });

  it("names the element a Bundle lacks or gets wrong, and imports nothing", () => {
    const bundle = structuredClone(bundleOf("seed-000-hip-weakness.json", false));
    const entries = bundle.entry ?? [];
    const second = entries[1]?.resource as Partial<Observation>;
    delete second.status;
    (entries[2] as { resource: unknown }).resource = {
      resourceType: "Observaton",
      status: "final",
    };
    const error = importError(bundle);
    const paths = error.issues.map((i) => i.path).join(" | ");
    expect(paths).toContain("Bundle.entry[1].resource.status");
    expect(error.message).toMatch(/Missing required property/);
    expect(error.message).toMatch(/Observaton/);
  });

  it("needs one Patient, and records a measurement the Bundle lacks as unknown", () => {
    const bundle = structuredClone(bundleOf("seed-000-hip-weakness.json", false));
    const noWeight = (e: NonNullable<typeof bundle.entry>[number]) =>
      !(e.resource as Observation).code?.coding?.some((c) => c.code === "29463-7");
    const withoutPatient = structuredClone(bundle);
    withoutPatient.entry = (bundle.entry ?? []).filter(
      (e) => e.resource?.resourceType !== "Patient",
    );
    expect(importError(withoutPatient).message).toContain("expected exactly one Patient, found 0");
    bundle.entry = (bundle.entry ?? []).filter(noWeight);
    const { assessment, notes } = assessmentFromBundle(bundle);
    expect((assessment.person as { bodyMass: unknown }).bodyMass).toBe("unknown");
    expect(notes.join(" ")).toContain('no body weight Observation: recorded as "unknown"');
  });
});
