import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import {
  type Client,
  invited,
  newClinic,
  signedUpRunner,
  testApp,
} from "./test-support/test-server.js";

const seed000 = JSON.parse(await readFile("examples/seed-000-hip-weakness.json", "utf8"));
const sixWeeksLater = JSON.parse(await readFile("examples/seed-000-six-weeks-later.json", "utf8"));
const redFlagInput = JSON.parse(await readFile("examples/red-flag-locked-knee.json", "utf8"));

describe.each(testDatabases())("a runner's record over HTTP on $name", (database) => {
  let store: Store;
  let app: App;
  let runner: Client;
  let runnerId: string;
  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
    runner = await signedUpRunner(app, "Sam Seed");
    runnerId = runner.user.runnerId;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  async function assessed(client: Client, input: unknown): Promise<string> {
    const created = await client.post(`/api/runners/${runnerId}/assessments`, { input });
    expect(created.status).toBe(201);
    const result = await client.post(`/api/assessments/${created.body.id}/assess`);
    expect(result.status).toBe(200);
    return created.body.id;
  }

  it("compares a retest with the first assessment, recomputed from the stored inputs", async () => {
    const other = await signedUpRunner(app, "Rita Retest");
    const own = other.user.runnerId;
    const first = await other.post(`/api/runners/${own}/assessments`, { input: seed000 });
    await other.post(`/api/assessments/${first.body.id}/assess`);
    const none = await other.get(`/api/runners/${own}/comparison`);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ comparison: null });
    expect(none.body.reason).toContain("at least two assessed assessments; this runner has 1");
    const retest = await other.post(`/api/runners/${own}/assessments`, {
      kind: "retest",
      input: sixWeeksLater,
    });
    await other.post(`/api/assessments/${retest.body.id}/assess`);
    const reply = await other.get(`/api/runners/${own}/comparison`);
    expect(reply.status).toBe(200);
    expect(reply.body.assessments.map((a: { kind: string }) => a.kind)).toEqual([
      "initial",
      "retest",
    ]);
    expect(reply.body.comparison.dates).toEqual(["2026-11-20", "2027-01-01"]);
    expect(JSON.stringify(reply.body.comparison.overall)).toContain(
      "Right hip abduction improved from 70 % to 93 % of the left",
    );
  });

  it("fills an assessment in step by step, then assesses it with the rules version", async () => {
    const { assessedOn, person, symptoms, redFlags, ...rest } = seed000;
    const created = await runner.post(`/api/runners/${runnerId}/assessments`, {
      input: { assessedOn, person },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const early = await runner.post(`/api/assessments/${id}/assess`);
    expect(early.status).toBe(400);
    expect(early.body.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["symptoms", "redFlags"]),
    );
    expect(
      (await runner.patch(`/api/assessments/${id}`, { input: { symptoms, redFlags } })).status,
    ).toBe(200);
    expect((await runner.patch(`/api/assessments/${id}`, { input: rest })).status).toBe(200);
    const result = await runner.post(`/api/assessments/${id}/assess`);
    expect(result.status).toBe(200);
    expect(result.body.result.rulesVersion).toBe(result.body.rulesVersion);
    expect(result.body.stale).toBe(false);
    const hip = result.body.result.findings.find(
      (f: { id: string }) => f.id === "hip-driven-knee-pain",
    );
    expect(hip).toMatchObject({ status: "likely", side: "right" });
    // The input is kept as entered: body mass as typed, not converted.
    const stored = await runner.get(`/api/assessments/${id}`);
    expect(stored.body.input.person).toEqual(person);
  });

  it("clears a stored result when the input changes, and refuses a wrong section with its path", async () => {
    const id = await assessed(runner, seed000);
    const bad = await runner.patch(`/api/assessments/${id}`, {
      input: { person: { bodyMass: -3 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].path).toBe("person.bodyMass");
    expect((await runner.get(`/api/assessments/${id}`)).body.result).not.toBeNull();
    const changed = await runner.patch(`/api/assessments/${id}`, {
      input: { person: { age: 35 } },
    });
    expect(changed.body.result).toBeNull();
    expect(changed.body.input.person.age).toBe(35);
  });

  it("generates the programme, logs sessions and decides the next step", async () => {
    const assessmentId = await assessed(runner, seed000);
    const made = await runner.post(`/api/runners/${runnerId}/programmes`, {
      assessmentId,
      start: "2026-12-01",
      daysPerWeek: 6,
      minutesPerSession: 45,
    });
    expect(made.status).toBe(201);
    const programmeId = made.body.id;
    expect(made.body.programme.sessions.length).toBeGreaterThan(40);
    const runDay = made.body.programme.sessions.find((s: { kind: string }) => s.kind === "run");
    const logged = await runner.post(`/api/runners/${runnerId}/logs`, {
      entry: {
        date: runDay.date,
        type: "run",
        run: { level: 0, durationMin: 30, painDuring: 1, painAfter: 1, painNextMorning: 0 },
      },
    });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ programmeId, painMax: 1, kind: "run" });
    const next = await runner.get(`/api/programmes/${programmeId}/next`);
    expect(next.status).toBe(200);
    expect(next.body.decisions[0]).toMatchObject({ kind: "run", date: runDay.date });
    const today = await runner.get(`/api/runners/${runnerId}/today?on=${runDay.date}`);
    expect(today.status).toBe(200);
    expect(today.body.programmeId).toBe(programmeId);
    expect(today.body.nextRun.date > runDay.date).toBe(true);
    expect(today.body.painTrend.weeks[0].maxPeakPain).toBe(1);
    expect(today.body.seeAProfessional).toBeNull();
  });

  it("refuses a programme when a red flag asks for a professional, and says so first on today", async () => {
    const other = await signedUpRunner(app, "Flag Runner");
    const created = await other.post(`/api/runners/${other.user.runnerId}/assessments`, {
      input: redFlagInput,
    });
    await other.post(`/api/assessments/${created.body.id}/assess`);
    const refused = await other.post(`/api/runners/${other.user.runnerId}/programmes`, {
      assessmentId: created.body.id,
      start: "2026-12-01",
    });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/red flag/);
    const today = await other.get(`/api/runners/${other.user.runnerId}/today`);
    expect(today.body.seeAProfessional).toMatch(/red flag/);
    expect(
      await store.db
        .selectFrom("programmes")
        .select("id")
        .where("runner_id", "=", other.user.runnerId)
        .execute(),
    ).toEqual([]);
  });

  it("keeps a clinician's programme edit with who, when and why; a runner may not edit", async () => {
    const admin = await newClinic(app, "Edit Clinic");
    const clinician = await invited(admin, "clinician", "Erin Physio");
    const patient = await invited(clinician, "runner", "Pat Patient");
    const pid = patient.user.runnerId;
    const created = await clinician.post(`/api/runners/${pid}/assessments`, { input: seed000 });
    await clinician.post(`/api/assessments/${created.body.id}/assess`);
    const made = await clinician.post(`/api/runners/${pid}/programmes`, {
      assessmentId: created.body.id,
      start: "2026-12-01",
    });
    const exercise = made.body.programme.exercises[0];
    const url = `/api/programmes/${made.body.id}`;
    const edit = {
      reason: "Knee irritable on the first visit",
      changes: [
        { op: "set-dose", exercise, sets: 2 },
        { op: "add-note", text: "Ice after runs" },
      ],
    };
    expect((await patient.patch(url, edit)).status).toBe(403);
    const edited = await clinician.patch(url, edit);
    expect(edited.status).toBe(200);
    const doses = edited.body.programme.sessions
      .flatMap((s: { strength: { exercise: string; sets: number }[] }) => s.strength)
      .filter((p: { exercise: string }) => p.exercise === exercise);
    expect(doses.every((p: { sets: number }) => p.sets === 2)).toBe(true);
    expect(edited.body.programme.notes).toContain("Ice after runs");
    const edits = await patient.get(`${url}/edits`);
    expect(edits.body.items).toEqual([
      expect.objectContaining({
        editedBy: "Erin Physio",
        reason: "Knee irritable on the first visit",
      }),
    ]);
    const unknown = await clinician.patch(url, {
      reason: "typo",
      changes: [{ op: "remove-exercise", exercise: "no-such-exercise" }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0]).toEqual({
      path: "changes[0].exercise",
      message: '"no-such-exercise" is not in this programme',
    });
  });

  it("shares a self-guided record with a clinic and revokes it; clinician reads are audited", async () => {
    const admin = await newClinic(app, "Share Clinic");
    const url = `/api/runners/${runnerId}`;
    expect((await admin.get(url)).status).toBe(404);
    expect((await runner.post(`${url}/shares`, { clinicId: admin.user.clinicId })).status).toBe(
      201,
    );
    expect((await admin.get(url)).status).toBe(200);
    const list = await admin.get("/api/runners");
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(runnerId);
    const audit = await runner.get(`${url}/audit`);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: "read.runner",
        actor: "Dana Admin",
        address: "198.51.100.1",
      }),
    );
    expect((await runner.delete(`${url}/shares/${admin.user.clinicId}`)).status).toBe(204);
    expect((await admin.get(url)).status).toBe(404);
  });

  it("lists logs newest first with a cursor, each page once", async () => {
    const r = await signedUpRunner(app, "Page Runner");
    const url = `/api/runners/${r.user.runnerId}/logs`;
    for (let day = 1; day <= 7; day++)
      await r.post(url, {
        entry: { date: `2026-11-0${day}`, type: "run", run: { painDuring: day % 4 } },
      });
    const first = await r.get(`${url}?limit=3`);
    const second = await r.get(`${url}?limit=3&cursor=${first.body.nextCursor}`);
    const third = await r.get(`${url}?limit=3&cursor=${second.body.nextCursor}`);
    const days = [...first.body.items, ...second.body.items, ...third.body.items].map(
      (l: { loggedOn: string }) => l.loggedOn,
    );
    expect(days).toEqual([
      "2026-11-07",
      "2026-11-06",
      "2026-11-05",
      "2026-11-04",
      "2026-11-03",
      "2026-11-02",
      "2026-11-01",
    ]);
    expect(third.body.nextCursor).toBeNull();
  });

  it("exports everything about a runner as JSON and erases it on request, both audited", async () => {
    const r = await signedUpRunner(app, "Gone Runner");
    const id = r.user.runnerId;
    await r.post(`/api/runners/${id}/pain`, { date: "2026-11-02", pain: 3 });
    const exported = await r.get(`/api/runners/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.format).toBe("hipcheck-runner-export");
    expect(exported.body.painLogs).toEqual([expect.objectContaining({ pain: 3 })]);
    expect(exported.body.account.email).toBe(r.user.email);
    expect((await r.delete(`/api/runners/${id}`)).status).toBe(204);
    expect(
      await store.db.selectFrom("pain_logs").select("id").where("runner_id", "=", id).execute(),
    ).toEqual([]);
    expect(
      await store.db.selectFrom("users").select("id").where("id", "=", r.user.id).execute(),
    ).toEqual([]);
    const trail = await store.db
      .selectFrom("audit_events")
      .select("action")
      .where("runner_id", "=", id)
      .execute();
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(["export.runner", "erase.runner"]),
    );
    expect((await r.get(`/api/runners/${id}`)).status).toBe(401);
  });
});
