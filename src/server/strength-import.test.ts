import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import { type Client, invited, newClinic, rowCount, testApp } from "./test-support/test-server.js";

const seed000 = JSON.parse(await readFile("examples/seed-000-hip-weakness.json", "utf8"));
const vald = await readFile("examples/dynamometer-vald-style.csv");
const trace = await readFile("examples/force-trace-right-hip-abduction.csv");
const { strength: _strength, ...withoutStrength } = seed000;

/** Another device's export: its own column names, semicolons, forces in kgf, no position column. */
const GENERIC = [
  "Movement;Limb;Peak kgf;Rep",
  "hip abduction;L;11.8;1",
  "hip abduction;L;11.6;2",
  "hip abduction;R;8.3;1",
  "hip abduction;R;8.1;2",
].join("\n");
const GENERIC_COLUMNS = {
  "column.test": "Movement",
  "column.side": "Limb",
  "column.force": "Peak kgf",
  "column.repetition": "Rep",
};
const KGF_IN_N = 9.80665;

describe.each(testDatabases())("dynamometer files over HTTP on $name", (database) => {
  let store: Store;
  let app: App;
  let clinician: Client;
  let otherClinician: Client;
  let runnerId: string;

  /** Rows of every table an import could write to, and the assessment's stored input. */
  async function snapshot(assessmentId: string) {
    const count = (table: "assessments" | "column_mappings" | "session_logs") =>
      rowCount(store, table);
    const row = await store.db
      .selectFrom("assessments")
      .select(["input", "result", "updated_at"])
      .where("id", "=", assessmentId)
      .executeTakeFirstOrThrow();
    return {
      assessments: await count("assessments"),
      mappings: await count("column_mappings"),
      logs: await count("session_logs"),
      input: row.input,
      assessed: row.result !== null,
      updatedAt: String(row.updated_at),
    };
  }

  async function assessedAssessment(input: unknown): Promise<string> {
    const made = await clinician.post(`/api/runners/${runnerId}/assessments`, { input });
    expect(made.status).toBe(201);
    expect((await clinician.post(`/api/assessments/${made.body.id}/assess`)).status).toBe(200);
    return made.body.id;
  }

  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
    const admin = await newClinic(app, "Dynamometer Clinic");
    clinician = await invited(admin, "clinician", "Dee Physio");
    otherClinician = await invited(await newClinic(app, "Other Clinic"), "clinician", "Oz Physio");
    runnerId = (await clinician.post("/api/runners", { name: "Zoë Lefèvre" })).body.id;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("previews a VALD-style file: header, first rows, the field of each column, the entries; stores nothing", async () => {
    const id = await assessedAssessment(withoutStrength);
    const before = await snapshot(id);
    const reply = await clinician.upload(`/api/assessments/${id}/imports/strength/preview`, {}, [
      { filename: "clinic.csv", content: vald },
    ]);
    expect(reply.status).toBe(200);
    const preview = reply.body;
    expect(preview.header).toEqual([
      "Name",
      "Date",
      "Test",
      "Position",
      "Laterality",
      "Repetition",
      "maxForceNewtons",
      "RFD",
      "timeToPeakSeconds",
      "leverArmCm",
    ]);
    expect(preview.rowCount).toBe(14);
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[0]).toEqual({
      line: 2,
      values: [
        "Zoë Lefèvre",
        "2026-11-20",
        "Hip Abduction",
        "Side Lying",
        "Left",
        "1",
        "112",
        "610",
        "0.62",
        "78",
      ],
    });
    expect(
      Object.fromEntries(
        preview.columns.map((c: { name: string; field: string }) => [c.name, c.field]),
      ),
    ).toEqual({
      Name: null,
      Date: null,
      Test: "test",
      Position: "position",
      Laterality: "side",
      Repetition: "repetition",
      maxForceNewtons: "force",
      RFD: "rfd",
      timeToPeakSeconds: "timeToPeakS",
      leverArmCm: "leverArmCm",
    });
    expect(preview.problems).toEqual([]);
    expect(preview.importable).toBe(true);
    expect(preview.tests).toHaveLength(6);
    expect(preview.tests[1]).toMatchObject({
      test: "hip-abduction",
      side: "right",
      position: "side-lying",
      trials: [78, 81, 79],
    });
    expect(preview.changes.every((c: { action: string }) => c.action === "add")).toBe(true);
    expect(await snapshot(id)).toEqual(before);
  });

  it("imports it into the assessment: the entries are stored and the findings made again from them", async () => {
    const id = await assessedAssessment(withoutStrength);
    const reply = await clinician.upload(`/api/assessments/${id}/imports/strength`, {}, [
      { filename: "clinic.csv", content: vald },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.imported).toEqual({ tests: 6, trials: 14 });
    const stored = (await clinician.get(`/api/assessments/${id}`)).body;
    const right = stored.input.strength.tests.find(
      (t: { test: string; side: string }) => t.test === "hip-abduction" && t.side === "right",
    );
    expect(right).toEqual({
      test: "hip-abduction",
      side: "right",
      position: "side-lying",
      method: "make",
      unit: "N",
      leverArmCm: 78,
      trials: [78, 81, 79],
      trialMetrics: [
        { rfd: 380, timeToPeakMs: 810 },
        { rfd: 402, timeToPeakMs: 770 },
        { rfd: 391, timeToPeakMs: 790 },
      ],
    });
    // The rest of the input is as it was; the result was made again with the new section.
    expect(stored.input.person).toEqual(seed000.person);
    const abduction = stored.result.strength.tests.find(
      (t: { test: string }) => t.test === "hip-abduction",
    );
    expect(abduction.sides.left.bestN).toBe(116);
    expect(abduction.sides.right.bestN).toBe(81);
    // 81 N ÷ 116 N at the same lever arm: the right side has 69.8 % of the left.
    expect(abduction.lsiPercent).toBeCloseTo(69.83, 2);
    expect(stored.stale).toBe(false);
  });

  it("reads another layout through a mapping, saved for the clinic and used by name", async () => {
    const id = await assessedAssessment(seed000);
    const file = [{ filename: "other-device.csv", content: GENERIC }];
    // Without a mapping, the preview still shows the header, to choose the columns from.
    const unmapped = await clinician.upload(
      `/api/assessments/${id}/imports/strength/preview`,
      { format: "generic" },
      file,
    );
    expect(unmapped.status).toBe(200);
    expect(unmapped.body.header).toEqual(["Movement", "Limb", "Peak kgf", "Rep"]);
    expect(unmapped.body.importable).toBe(false);
    expect(unmapped.body.problems).toContainEqual({
      path: "line 1",
      message: "choose the column for test (form field column.test)",
    });

    const saved = await clinician.put("/api/column-mappings/Other%20device", {
      mapping: { test: "Movement", side: "Limb", force: "Peak kgf", repetition: "Rep" },
      unit: "kgf",
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: "Other device", unit: "kgf", savedBy: "Dee Physio" });
    const replaced = await clinician.put("/api/column-mappings/Other%20device", {
      mapping: { test: "Movement", side: "Limb", force: "Peak kgf", repetition: "Rep" },
      unit: "kgf",
    });
    expect(replaced.status).toBe(200);
    const listed = await clinician.get("/api/column-mappings");
    expect(listed.body.items.map((m: { name: string }) => m.name)).toEqual(["Other device"]);

    const preview = await clinician.upload(
      `/api/assessments/${id}/imports/strength/preview`,
      { mappingName: "Other device", position: "side-lying" },
      file,
    );
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.format).toBe("generic");
    expect(preview.body.columns.map((c: { field: string }) => c.field)).toEqual([
      "test",
      "side",
      "force",
      "repetition",
    ]);
    expect(preview.body.changes).toEqual([
      { test: "hip-abduction", side: "left", position: "side-lying", action: "replace" },
      { test: "hip-abduction", side: "right", position: "side-lying", action: "replace" },
    ]);

    const imported = await clinician.upload(
      `/api/assessments/${id}/imports/strength`,
      { mappingName: "Other device", position: "side-lying" },
      file,
    );
    expect(imported.status).toBe(200);
    const stored = (await clinician.get(`/api/assessments/${id}`)).body;
    // The two hip abduction entries are replaced where they stood; the other eight are kept.
    expect(stored.input.strength.tests).toHaveLength(10);
    expect(stored.input.strength.tests[5]).toEqual({
      test: "hip-abduction",
      side: "right",
      position: "side-lying",
      method: "make",
      unit: "kgf",
      trials: [8.3, 8.1],
    });
    const abduction = stored.result.strength.tests.find(
      (t: { test: string }) => t.test === "hip-abduction",
    );
    expect(abduction.sides.right.bestN).toBeCloseTo(8.3 * KGF_IN_N, 6);
    // The file gives no lever arm: the sides are compared by force, 8.3 ÷ 11.8.
    expect(abduction.lsiPercent).toBeCloseTo((8.3 / 11.8) * 100, 6);

    // The same form's columns, sent one by one, give the same entries.
    const byColumns = await clinician.upload(
      `/api/assessments/${id}/imports/strength/preview`,
      { format: "generic", unit: "kgf", position: "side-lying", ...GENERIC_COLUMNS },
      file,
    );
    expect(byColumns.body.tests).toEqual(preview.body.tests);
  });

  it("keeps saved mappings to their clinic: another clinic neither sees nor uses nor deletes them", async () => {
    await clinician.put("/api/column-mappings/Lab%20A", {
      mapping: { test: "Movement", side: "Limb", force: "Peak kgf" },
      unit: "kgf",
    });
    const theirs = await otherClinician.get("/api/column-mappings");
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    const ownRunner = (await otherClinician.post("/api/runners", { name: "Their Runner" })).body.id;
    const assessment = await otherClinician.post(`/api/runners/${ownRunner}/assessments`, {
      input: withoutStrength,
    });
    const used = await otherClinician.upload(
      `/api/assessments/${assessment.body.id}/imports/strength/preview`,
      { mappingName: "Lab A", position: "side-lying" },
      [{ filename: "x.csv", content: GENERIC }],
    );
    expect(used.status).toBe(404);
    expect(used.body.message).toBe('column mapping "Lab A" not found');
    expect((await otherClinician.delete("/api/column-mappings/Lab%20A")).status).toBe(404);
    expect(
      (await clinician.get("/api/column-mappings")).body.items.map((m: { name: string }) => m.name),
    ).toContain("Lab A");
    expect((await clinician.delete("/api/column-mappings/Lab%20A")).status).toBe(204);
    expect((await clinician.delete("/api/column-mappings/Lab%20A")).status).toBe(404);
  });

  it("refuses a comma decimal with its line and column, and changes nothing", async () => {
    const id = await assessedAssessment(seed000);
    const file = [
      { filename: "comma.csv", content: GENERIC.replace("11.6", "11,6").replace("8.1", "8,1") },
    ];
    const form = { format: "generic", unit: "kgf", position: "side-lying", ...GENERIC_COLUMNS };
    const before = await snapshot(id);
    const preview = await clinician.upload(
      `/api/assessments/${id}/imports/strength/preview`,
      form,
      file,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.importable).toBe(false);
    expect(preview.body.tests).toEqual([]);
    expect(preview.body.problems).toEqual([
      {
        path: "line 3, column Peak kgf",
        message: '"11,6" uses a comma as the decimal separator; write 11.6',
      },
      {
        path: "line 5, column Peak kgf",
        message: '"8,1" uses a comma as the decimal separator; write 8.1',
      },
    ]);
    const refused = await clinician.upload(`/api/assessments/${id}/imports/strength`, form, file);
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      error: "invalid-file",
      message: "The dynamometer file comma.csv has 2 problems:",
      fields: preview.body.problems,
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it("imports a force–time trace as the peak and its trace", async () => {
    const id = await assessedAssessment(seed000);
    const form = {
      format: "trace",
      test: "hip-abduction",
      side: "right",
      position: "side-lying",
      leverArmCm: "78",
    };
    const reply = await clinician.upload(`/api/assessments/${id}/imports/strength`, form, [
      { filename: "trace.csv", content: trace },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.changes).toEqual([
      { test: "hip-abduction", side: "right", position: "side-lying", action: "replace" },
    ]);
    const entry = (await clinician.get(`/api/assessments/${id}`)).body.input.strength.tests[5];
    expect(entry.trace.samples).toHaveLength(151);
    expect(entry.trials).toEqual([Math.max(...entry.trace.samples)]);
    expect(entry.trace.rateHz).toBe(100);
    // A trace needs to know what it is of.
    const missing = await clinician.upload(
      `/api/assessments/${id}/imports/strength/preview`,
      { format: "trace" },
      [{ filename: "trace.csv", content: trace }],
    );
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: { path: string }) => f.path)).toEqual([
      "test",
      "side",
      "position",
    ]);
  });

  it("checks the content, not the name, and the size", async () => {
    const id = await assessedAssessment(seed000);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const binary = await clinician.upload(`/api/assessments/${id}/imports/strength/preview`, {}, [
      { filename: "looks-like.csv", content: png },
    ]);
    expect(binary.status).toBe(415);
    expect(binary.body.message).toBe(
      "looks-like.csv is not a CSV text file: it holds binary data, whatever its name",
    );
    const huge = await clinician.upload(`/api/assessments/${id}/imports/strength/preview`, {}, [
      { filename: "huge.csv", content: `${"a,b\n".repeat(3_000_000)}` },
    ]);
    expect(huge.status).toBe(413);
    expect(huge.body.message).toBe("a file is larger than the limit of 10 MB");
    const noFile = await clinician.upload(
      `/api/assessments/${id}/imports/strength/preview`,
      { format: "vald" },
      [],
    );
    expect(noFile.status).toBe(400);
    expect(noFile.body.fields).toEqual([
      { path: "file", message: 'no file: send the CSV file in a field named "file"' },
    ]);
    const unknown = await clinician.upload(
      `/api/assessments/${id}/imports/strength/preview`,
      { format: "excel" },
      [{ filename: "a.csv", content: vald }],
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0].path).toBe("format");
  });
});
