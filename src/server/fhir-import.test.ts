import { readFile } from "node:fs/promises";
import type { Bundle, Observation } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessInput } from "../core/assessment/assess.js";
import { assessmentSchema } from "../core/assessment/assessment.schema.js";
import { parseWith } from "../core/errors.js";
import { assessmentBundle } from "../report/fhir/fhir-export.js";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import {
  type Client,
  invited,
  newClinic,
  rowCount,
  signedUpRunner,
  testApp,
} from "./test-support/test-server.js";

const seed000 = JSON.parse(await readFile("examples/seed-000-hip-weakness.json", "utf8"));

/** The seed-000 runner exported with hipcheck's own FHIR export. */
function seedBundle(): Bundle {
  const input = parseWith(assessmentSchema, seed000);
  return assessmentBundle({ input, result: assessInput(input) });
}

const bundleFile = (bundle: unknown, filename = "bundle.json") => [
  { filename, content: JSON.stringify(bundle, null, 2) },
];

describe.each(testDatabases())("FHIR Bundles over HTTP on $name", (database) => {
  let store: Store;
  let app: App;
  let clinician: Client;

  const runnerCount = () => rowCount(store, "runners");

  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
    clinician = await invited(await newClinic(app, "FHIR Clinic"), "clinician", "Fi Physio");
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("round-trips the seed-000 runner: exported, imported as a new runner record, assessed", async () => {
    const reply = await clinician.upload("/api/imports/fhir", {}, bundleFile(seedBundle()));
    expect(reply.status).toBe(201);
    expect(reply.body.runner).toMatchObject({
      displayName: "Zoë Lefèvre",
      clinicId: clinician.user.clinicId,
    });
    expect(reply.body.notes.join(" ")).toContain(
      "Training history and readiness are not in the Bundle",
    );
    const list = await clinician.get("/api/runners?q=Lef");
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(reply.body.runner.id);

    const stored = (await clinician.get(`/api/assessments/${reply.body.assessment.id}`)).body;
    expect(stored.runnerId).toBe(reply.body.runner.id);
    expect(stored.input.assessedOn).toBe(seed000.assessedOn);
    expect(stored.input.person).toEqual(seed000.person);
    expect(stored.input.strength).toEqual(seed000.strength);
    expect(stored.input.questionnaires).toEqual(seed000.questionnaires);
    expect(stored.input.symptoms.pain.locations).toEqual(seed000.symptoms.pain.locations);
    expect(stored.input.symptoms.pain.duringRun).toBe(6);
    // Assessed on import, with the findings the original gives.
    const hip = stored.result.findings.find((f: { id: string }) => f.id === "hip-driven-knee-pain");
    expect(hip).toMatchObject({ status: "likely", side: "right" });
    const original = assessInput(parseWith(assessmentSchema, seed000));
    expect(stored.result.strength).toEqual(JSON.parse(JSON.stringify(original.strength)));
  });

  it("imports a Bundle as a new assessment of a runner the clinic sees", async () => {
    const runnerId = (await clinician.post("/api/runners", { name: "Zoë L." })).body.id;
    const reply = await clinician.upload(
      `/api/runners/${runnerId}/imports/fhir`,
      { kind: "retest" },
      bundleFile(seedBundle()),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.assessment).toMatchObject({ runnerId, kind: "retest" });
    const list = await clinician.get(`/api/runners/${runnerId}/assessments`);
    expect(list.body.items).toHaveLength(1);
    // The runner keeps the name the clinic gave.
    expect((await clinician.get(`/api/runners/${runnerId}`)).body.displayName).toBe("Zoë L.");
  });

  it("refuses a wrong resource type or a missing required element with 422 naming where; nothing saved", async () => {
    const runners = await runnerCount();
    const bundle = structuredClone(seedBundle());
    const entries = bundle.entry ?? [];
    delete (entries[1]!.resource as Partial<Observation>).status;
    (entries[2] as { resource: unknown }).resource = {
      resourceType: "Observaton",
      status: "final",
    };
    const reply = await clinician.upload("/api/imports/fhir", {}, bundleFile(bundle, "bad.json"));
    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe("invalid-file");
    expect(reply.body.message).toMatch(/^The FHIR Bundle bad\.json has \d problems:$/);
    expect(reply.body.fields).toEqual(
      expect.arrayContaining([
        { path: "Bundle.entry[1].resource.status", message: "Missing required property" },
        { path: "Bundle.entry[2].resource.resourceType", message: "Unknown data type: Observaton" },
      ]),
    );
    const patient = await clinician.upload(
      "/api/imports/fhir",
      {},
      bundleFile({ resourceType: "Patient", gender: "female" }, "patient.json"),
    );
    expect(patient.status).toBe(422);
    expect(patient.body.fields).toEqual([
      { path: "resourceType", message: 'expected "Bundle", got "Patient"' },
    ]);
    const broken = await clinician.upload("/api/imports/fhir", {}, [
      {
        filename: "broken.json",
        content: '{\n  "resourceType": "Bundle"\n  "type": "collection"\n}',
      },
    ]);
    expect(broken.status).toBe(422);
    expect(broken.body.fields).toEqual([
      { path: "line 3, column 3", message: "is not valid JSON" },
    ]);
    expect(await runnerCount()).toBe(runners);
  });

  it("is for clinic staff: a runner may not import a Bundle", async () => {
    const runner = await signedUpRunner(app, "Ru");
    const reply = await runner.upload("/api/imports/fhir", {}, bundleFile(seedBundle()));
    expect(reply.status).toBe(403);
    const own = await runner.upload(
      `/api/runners/${runner.user.runnerId}/imports/fhir`,
      {},
      bundleFile(seedBundle()),
    );
    expect(own.status).toBe(403);
  });
});
