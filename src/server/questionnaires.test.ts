import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answersFor,
  bestAnswers,
  worstAnswers,
} from "../core/symptoms/questionnaires/questionnaire.test-factory.js";
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

describe.each(testDatabases())("questionnaires between assessments on $name", (database) => {
  let store: Store;
  let app: App;
  let runner: Client;
  let clinician: Client;
  let runnerId: string;
  let url: string;
  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
    const admin = await newClinic(app, "Outcome Clinic");
    clinician = await invited(admin, "clinician", "Casey Clinician");
    runner = await signedUpRunner(app, "Quinn Runner");
    runnerId = runner.user.runnerId;
    await runner.post(`/api/runners/${runnerId}/shares`, { clinicId: admin.user.clinicId });
    url = `/api/runners/${runnerId}/questionnaires`;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const count = async () =>
    (
      await store.db
        .selectFrom("questionnaire_responses")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("runner_id", "=", runnerId)
        .executeTakeFirstOrThrow()
    ).n;

  it("scores and stores a response by the runner or their clinician, with who and the rules version", async () => {
    const lefs = await runner.post(url, {
      instrument: "lefs",
      date: "2026-12-01",
      answers: answersFor("lefs", () => 3),
    });
    expect(lefs.status).toBe(201);
    expect(lefs.body).toMatchObject({
      instrument: "lefs",
      date: "2026-12-01",
      score: 60,
      recordedBy: runner.user.id,
      recordedByName: "Quinn Runner",
    });
    expect(lefs.body.rulesVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
    // KOOS-PF with two of eleven items blank: scored from the nine answered.
    const koos = await clinician.post(url, {
      instrument: "koos-pf",
      date: "2026-12-02",
      answers: { ...answersFor("koos-pf", () => 1), PF10: null, PF11: null },
    });
    expect(koos.status).toBe(201);
    expect(koos.body.score).toBe(75);
    expect(koos.body.recordedByName).toBe("Casey Clinician");
    const stored = await store.db
      .selectFrom("questionnaire_responses")
      .select(["instrument", "score", "recorded_by", "answered_on"])
      .where("runner_id", "=", runnerId)
      .orderBy("id")
      .execute();
    expect(stored).toEqual([
      { instrument: "lefs", score: 60, recorded_by: runner.user.id, answered_on: "2026-12-01" },
      {
        instrument: "koos-pf",
        score: 75,
        recorded_by: clinician.user.id,
        answered_on: "2026-12-02",
      },
    ]);
  });

  it("names the wrong answer, and saves nothing", async () => {
    const before = await count();
    const wrong = await runner.post(url, {
      instrument: "akps",
      date: "2026-12-03",
      answers: { ...bestAnswers("akps"), "3": 4, "14": 1 },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toEqual([
      { path: "answers.3", message: "AKPS item 3 takes 0, 2, 3 or 5 — got 4" },
      {
        path: "answers.14",
        message: 'AKPS has no item "14"; its items are 1 to 13',
      },
    ]);
    const blanks = await runner.post(url, {
      instrument: "akps",
      date: "2026-12-03",
      answers: { ...bestAnswers("akps"), "4": null, "9": null },
    });
    expect(blanks.status).toBe(400);
    expect(blanks.body.fields).toEqual([
      {
        path: "answers",
        message: "not scored: 2 of 13 items blank (items 4 and 9); the AKPS needs all 13 answered",
      },
    ]);
    const instrument = await runner.post(url, {
      instrument: "womac",
      date: "01/12/2026",
      answers: {},
    });
    expect(instrument.status).toBe(400);
    expect(instrument.body.fields.map((f: { path: string }) => f.path)).toEqual([
      "instrument",
      "date",
    ]);
    expect(instrument.body.fields[0].message).toMatch(/must be one of "akps", "lefs"/);
    const noSuchDay = await runner.post(url, {
      instrument: "nprs",
      date: "2026-02-30",
      answers: { pain: 2 },
    });
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body.fields).toEqual([
      { path: "date", message: expect.stringMatching(/must be a calendar date .* "2026-02-30"/) },
    ]);
    expect(await count()).toBe(before);
  });

  it("lists newest first, a page at a time, and by instrument", async () => {
    for (const [date, pain] of [
      ["2026-12-04", 6],
      ["2026-12-10", 3],
    ] as const)
      expect((await runner.post(url, { instrument: "nprs", date, answers: { pain } })).status).toBe(
        201,
      );
    const first = await clinician.get(`${url}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((r: { date: string }) => r.date)).toEqual([
      "2026-12-10",
      "2026-12-04",
    ]);
    const rest = await clinician.get(`${url}?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((r: { instrument: string }) => r.instrument)).toEqual([
      "koos-pf",
      "lefs",
    ]);
    expect(rest.body.nextCursor).toBeNull();
    const nprs = await runner.get(`${url}?instrument=nprs`);
    expect(nprs.body.items.map((r: { score: number }) => r.score)).toEqual([3, 6]);
    const audited = await store.db
      .selectFrom("audit_events")
      .select("action")
      .where("actor_id", "=", clinician.user.id)
      .where("action", "in", ["read.questionnaires", "write.questionnaire"])
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      "read.questionnaires",
      "read.questionnaires",
      "write.questionnaire",
    ]);
  });

  it("shows the latest score and its change on the runner's today", async () => {
    const today = await runner.get(`/api/runners/${runnerId}/today?on=2026-12-11`);
    expect(today.status).toBe(200);
    const byId = Object.fromEntries(
      today.body.questionnaires.map((q: { instrument: string }) => [q.instrument, q]),
    );
    expect(byId.nprs).toMatchObject({
      latest: { date: "2026-12-10", score: 3 },
      previous: { date: "2026-12-04", score: 6 },
      change: -3,
      judgement: "improved",
    });
    expect(byId.nprs.statement).toMatch(/^NPRS 6 → 3 \(−3 points, −50 %\) from 2026-12-04/);
    expect(byId.lefs).toMatchObject({ latest: { score: 60 }, previous: null, change: null });
    expect(Object.keys(byId).sort()).toEqual(["koos-pf", "lefs", "nprs"]);
  });

  it("documents the new routes in the OpenAPI document", async () => {
    const docs = await app.inject({ method: "GET", url: "/api/docs/json" });
    const paths = docs.json().paths;
    const post = paths["/api/runners/{runnerId}/questionnaires"].post;
    expect(post.requestBody.content["application/json"].schema.properties.instrument.enum).toEqual([
      "akps",
      "lefs",
      "nprs",
      "koos-pf",
    ]);
    expect(paths["/api/runners/{runnerId}/questionnaires"].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "instrument", in: "query" })]),
    );
    expect(paths["/api/runners/{runnerId}/analyses"].get.summary).toMatch(/newest first/);
    expect(
      paths["/api/assessments/{assessmentId}/movement"].post.requestBody.content["application/json"]
        .schema.required,
    ).toEqual(["analysisId"]);
  });

  it("is in the runner's export and goes with the erasure", async () => {
    const exported = await runner.get(`/api/runners/${runnerId}/export`);
    expect(
      exported.body.questionnaireResponses.map((r: { instrument: string }) => r.instrument),
    ).toEqual(["lefs", "koos-pf", "nprs", "nprs"]);
    expect(exported.body.questionnaireResponses[0].answers["1"]).toBe(3);
    // A worst-case LEFS is still a valid response: 0 of 80.
    const worst = await runner.post(url, {
      instrument: "lefs",
      date: "2026-12-12",
      answers: worstAnswers("lefs"),
    });
    expect(worst.body.score).toBe(0);
    expect((await runner.delete(`/api/runners/${runnerId}`)).status).toBe(204);
    expect(await count()).toBe(0);
  });
});
