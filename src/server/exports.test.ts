import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fhirIssues } from "../report/fhir/fhir-validate.js";
import { pdfInfo, pdfText, savePdf } from "../report/test-support/pdf-tools.js";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import {
  type Client,
  invited,
  newClinic,
  type Reply,
  signedUpRunner,
  testApp,
} from "./test-support/test-server.js";

const read = async (name: string) => JSON.parse(await readFile(`examples/${name}`, "utf8"));
// The file names the runner "Zoë Lefèvre"; the record's name, "Sam Seed", is what exports print.
const seed000 = await read("seed-000-hip-weakness.json");
const sixWeeksLater = await read("seed-000-six-weeks-later.json");

/** An iCalendar text with folded lines joined and text escapes undone, as a calendar app reads it. */
function unfold(ics: string): string {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .replace(/\\n/g, "\n")
    .replace(/\\([,;\\])/g, "$1");
}

function expectPdf(reply: Reply, filename: string): string {
  expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(200);
  expect(reply.headers["content-type"]).toBe("application/pdf");
  expect(reply.headers["content-disposition"]).toBe(`attachment; filename="${filename}"`);
  expect(reply.headers["cache-control"]).toBe("no-store");
  expect(reply.raw.subarray(0, 5).toString()).toBe("%PDF-");
  return savePdf(filename.replace(/\.pdf$/, ""), reply.raw);
}

describe.each(testDatabases())("exports and the calendar feed over HTTP on $name", (database) => {
  let store: Store;
  let app: App;
  let runner: Client;
  let clinician: Client;
  let runnerId: string;
  let assessmentId: string;
  let programmeId: string;
  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
    const admin = await newClinic(app, "Exports Clinic");
    clinician = await invited(admin, "clinician", "Cleo Clinician");
    runner = await signedUpRunner(app, "Sam Seed");
    runnerId = runner.user.runnerId;
    await runner.post(`/api/runners/${runnerId}/shares`, { clinicId: admin.user.clinicId });
    assessmentId = await assessed(runner, seed000, "initial");
    const programme = await runner.post(`/api/runners/${runnerId}/programmes`, {
      assessmentId,
      start: "2026-11-23",
    });
    expect(programme.status).toBe(201);
    programmeId = programme.body.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  async function assessed(client: Client, input: unknown, kind: "initial" | "retest") {
    const created = await client.post(`/api/runners/${runnerId}/assessments`, { kind, input });
    expect(created.status).toBe(201);
    expect((await client.post(`/api/assessments/${created.body.id}/assess`)).status).toBe(200);
    return created.body.id as string;
  }

  it("sends the assessment report as a PDF in A4 or Letter, with the runner's figures and no name in the file name", async () => {
    const a4 = await clinician.get(`/api/assessments/${assessmentId}/report.pdf`);
    const path = expectPdf(a4, "hipcheck-assessment-2026-11-20.pdf");
    expect(pdfInfo(path)["Page size"]).toContain("595.28 x 841.89");
    const text = pdfText(path);
    expect(text).toContain("Assessment report — Sam Seed");
    expect(text).not.toContain("Zoë");
    expect(text).toContain("for the clinician");
    // Best right hip abduction 81 N against 116 N on the left: LSI 70 %.
    expect(text).toMatch(/Hip abduction \(side-lying,[\s\S]*116 N[\s\S]*81 N[\s\S]*70 %/);
    // The current programme was made from this assessment: its summary is in the report.
    expect(text).toMatch(/2026-11-23 to \d{4}-\d{2}-\d{2}, \d+ weeks/);

    const letter = await runner.get(`/api/assessments/${assessmentId}/report.pdf?page=letter`);
    const letterPath = expectPdf(letter, "hipcheck-assessment-2026-11-20.pdf");
    expect(pdfInfo(letterPath)["Page size"]).toContain("612 x 792");
    expect(pdfText(letterPath)).toContain("for the runner");
  }, 120_000);

  it("refuses a report of an assessment not assessed yet, and names a bad paper size", async () => {
    const draft = await runner.post(`/api/runners/${runnerId}/assessments`, {
      input: { assessedOn: "2026-11-21" },
    });
    const notYet = await runner.get(`/api/assessments/${draft.body.id}/report.pdf`);
    expect(notYet.status).toBe(422);
    expect(notYet.body.message).toContain("not assessed yet");
    const noStrength = await runner.get(`/api/assessments/${draft.body.id}/strength.csv`);
    expect(noStrength.status).toBe(422);
    expect(noStrength.body.message).toBe("This assessment has no dynamometer results to export.");
    const bad = await runner.get(`/api/assessments/${assessmentId}/report.pdf?page=a5`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      expect.objectContaining({ path: "page", message: expect.stringContaining('"a4"') }),
    ]);
  });

  it("sends the exercise handout of the programme as a PDF", async () => {
    const reply = await clinician.get(`/api/programmes/${programmeId}/handout.pdf?page=letter`);
    const path = expectPdf(reply, "hipcheck-handout-2026-11-23.pdf");
    const text = pdfText(path);
    expect(text).toContain("Your exercises — Sam Seed");
    expect(text).toMatch(/Dose: 3 × 12–15 per side \(right 4 sets\)/);
  }, 120_000);

  it("sends the strength data as the VALD-style CSV, one row per trial", async () => {
    const reply = await clinician.get(`/api/assessments/${assessmentId}/strength.csv`);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(reply.headers["content-disposition"]).toBe(
      'attachment; filename="hipcheck-strength-2026-11-20.csv"',
    );
    const lines = String(reply.body).trim().split("\n");
    expect(lines[0]).toBe(
      "Test,Position,Method,Laterality,Repetition,maxForceNewtons,leverArmCm,RFD,timeToPeakSeconds",
    );
    expect(lines).toHaveLength(1 + 30);
    expect(lines).toContain("hip-abduction,side-lying,make,Right,2,81,78,,");
  });

  it("sends the FHIR R4 Bundle, valid against the R4 definitions, with the strength Observations", async () => {
    const reply = await clinician.get(`/api/runners/${runnerId}/fhir`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/fhir+json; charset=utf-8");
    expect(reply.headers["content-disposition"]).toBe(
      'attachment; filename="hipcheck-fhir-2026-11-20.json"',
    );
    const bundle = reply.body;
    expect(bundle.resourceType).toBe("Bundle");
    expect(fhirIssues(bundle)).toEqual([]);
    const resources = bundle.entry.map((e: { resource: Record<string, unknown> }) => e.resource);
    const patient = resources.find((r: { resourceType: string }) => r.resourceType === "Patient");
    expect(patient.name[0].text).toBe("Sam Seed");
    expect(JSON.stringify(bundle)).not.toContain("Lefèvre");
    const observations = resources.filter(
      (r: { resourceType: string }) => r.resourceType === "Observation",
    );
    const rightAbduction = observations.find(
      (o: { code: { text: string }; valueQuantity?: { value: number } }) =>
        /hip abduction/i.test(o.code.text) && o.valueQuantity?.value === 81,
    );
    expect(rightAbduction?.valueQuantity).toMatchObject({ value: 81, unit: "N" });
    expect(resources.some((r: { resourceType: string }) => r.resourceType === "CarePlan")).toBe(
      true,
    );
  }, 120_000);

  it("sends the programme as an .ics file, one event per day", async () => {
    const programme = (await runner.get(`/api/programmes/${programmeId}`)).body.programme;
    const reply = await runner.get(`/api/programmes/${programmeId}/calendar.ics`);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(reply.headers["content-disposition"]).toBe(
      'attachment; filename="hipcheck-programme-2026-11-23.ics"',
    );
    const ics = unfold(String(reply.body));
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(programme.sessions.length);
    expect(ics).toContain("DTSTART;VALUE=DATE:20261123");
  });

  it("gives a progress report only beside an earlier assessment, then the retest's changes", async () => {
    const other = await signedUpRunner(app, "Una Once");
    const own = other.user.runnerId;
    const created = await other.post(`/api/runners/${own}/assessments`, { input: seed000 });
    await other.post(`/api/assessments/${created.body.id}/assess`);
    const alone = await other.get(`/api/runners/${own}/progress-report.pdf`);
    expect(alone.status).toBe(422);
    expect(alone.headers["content-type"]).toContain("application/json");
    expect(alone.body).toEqual({
      error: "cannot-apply",
      message:
        "A progress report needs a retest and an assessment before it; this runner has 1 assessed assessment. Assess the retest first.",
    });

    await assessed(runner, sixWeeksLater, "retest");
    const reply = await clinician.get(`/api/runners/${runnerId}/progress-report.pdf`);
    const text = pdfText(expectPdf(reply, "hipcheck-progress-2027-01-01.pdf"));
    expect(text).toContain("Progress report — Sam Seed");
    expect(text).toContain("Progress since 2026-11-20 (2 assessments)");
    const lsi = text.split("\n").find((l) => l.trimStart().startsWith("right hip abduction LSI"));
    expect(lsi).toMatch(/70 %\s+93 %\s+\+23 points/);
  }, 120_000);

  it("serves a private feed of the current programme that follows edits, and dies when replaced or revoked", async () => {
    // A phone's calendar: no cookie, no token, just the address.
    const fetchFeed = (url: string) => app.inject({ method: "GET", url });
    const made = await runner.post(`/api/runners/${runnerId}/calendar-feed`);
    expect(made.status).toBe(201);
    expect(made.body.path).toMatch(/^\/api\/calendar\/hf_[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.body.url.endsWith(made.body.path)).toBe(true);

    const first = await fetchFeed(made.body.path);
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(first.headers["cache-control"]).toBe("no-store");
    const ics = unfold(first.body);
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT6H");
    expect(ics).toContain("SUMMARY:Hip strength");
    expect(ics).not.toContain("Sam");
    expect(ics).not.toContain("Seed");

    // Only the hash is stored.
    const stored = await store.db.selectFrom("calendar_feeds").selectAll().execute();
    const token = made.body.path.slice("/api/calendar/".length, -".ics".length);
    expect(JSON.stringify(stored)).not.toContain(token);

    // A clinician's edit shows at the next fetch.
    const programme = (await runner.get(`/api/programmes/${programmeId}`)).body.programme;
    const exercise = programme.sessions.find((s: { strength: unknown[] }) => s.strength.length)
      .strength[0];
    expect(ics).not.toContain(`${exercise.name} 6 ×`);
    const edit = await clinician.patch(`/api/programmes/${programmeId}`, {
      reason: "more sets now the pain has settled",
      changes: [{ op: "set-dose", exercise: exercise.exercise, sets: 6 }],
    });
    expect(edit.status).toBe(200);
    const edited = unfold((await fetchFeed(made.body.path)).body);
    expect(edited).toContain(`${exercise.name} 6 ×`);

    // A new programme replaces the plan the feed shows.
    const later = await runner.post(`/api/runners/${runnerId}/programmes`, {
      assessmentId,
      start: "2027-01-04",
    });
    expect(later.status).toBe(201);
    const replanned = unfold((await fetchFeed(made.body.path)).body);
    expect(replanned).toContain("DTSTART;VALUE=DATE:20270104");
    expect(replanned).not.toContain("DTSTART;VALUE=DATE:20261123");

    // A clinician of the clinic makes a new link: the runner's old one stops working.
    const replaced = await clinician.post(`/api/runners/${runnerId}/calendar-feed`);
    expect(replaced.status).toBe(201);
    const old = await fetchFeed(made.body.path);
    expect(old.statusCode).toBe(404);
    expect(JSON.parse(old.body)).toEqual({
      error: "not-found",
      message: "calendar feed not found",
    });
    expect((await fetchFeed(replaced.body.path)).statusCode).toBe(200);
    const status = await runner.get(`/api/runners/${runnerId}/calendar-feed`);
    expect(status.body.feed).toMatchObject({ createdBy: "Cleo Clinician" });
    expect(JSON.stringify(status.body)).not.toContain("hf_");

    // Revoked: 404, as for a link that never existed or is not even a token.
    expect((await runner.delete(`/api/runners/${runnerId}/calendar-feed`)).status).toBe(204);
    expect((await fetchFeed(replaced.body.path)).statusCode).toBe(404);
    expect((await runner.get(`/api/runners/${runnerId}/calendar-feed`)).body).toEqual({
      feed: null,
    });
    expect((await fetchFeed(`/api/calendar/hf_${"A".repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await fetchFeed("/api/calendar/not-a-token.ics")).statusCode).toBe(404);
  }, 120_000);

  it("writes an audit row for each export a clinician reads, with who and from where", async () => {
    const rows = await store.db
      .selectFrom("audit_events")
      .select(["action", "address"])
      .where("runner_id", "=", runnerId)
      .where("actor_id", "=", clinician.user.id)
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      "export.assessment-report",
      "export.handout",
      "export.strength-csv",
      "export.fhir",
      "export.progress-report",
      "write.calendar-feed",
    ])
      expect(actions).toContain(action);
    expect(rows.every((r) => r.address === clinician.address)).toBe(true);
    const byRunner = await store.db
      .selectFrom("audit_events")
      .select("action")
      .where("actor_id", "=", runner.user.id)
      .where("action", "like", "%calendar-feed")
      .execute();
    expect(byRunner.map((r) => r.action).sort()).toEqual([
      "revoke.calendar-feed",
      "write.calendar-feed",
    ]);
  });
});
