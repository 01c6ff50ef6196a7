import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessInput } from "../core/assessment/assess.js";
import { assessmentSchema } from "../core/assessment/assessment.schema.js";
import { parseWith } from "../core/errors.js";
import { assessmentBundle } from "../report/fhir/fhir-export.js";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import {
  Client,
  invited,
  multipartBody,
  multipartForm,
  newClinic,
  signedUpRunner,
  TEST_PASSWORD,
  testApp,
  uniqueEmail,
} from "./test-support/test-server.js";
import { shiftedGpx } from "./test-support/watch-files.js";

/**
 * Every route × every kind of caller, with the status each must get. The runner "R" is
 * self-guided and shares their record with clinic A. A route without an entry fails the test.
 */
const ACTORS = [
  "anonymous",
  "runner",
  "otherRunner",
  "clinician",
  "admin",
  "otherClinician",
] as const;
type Actor = (typeof ACTORS)[number];
type Statuses = Record<Actor, number>;

interface World {
  clients: Record<Exclude<Actor, "anonymous">, Client> & { anonymous: Client };
  clinicA: string;
  clinicC: string;
  runnerId: string;
  assessmentId: string;
  programmeId: string;
  analysisId: string;
  app: App;
}

interface Call {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Send as this client instead of the actor's own (a fresh one made for a destructive call). */
  as?: Client;
}

const seed000 = JSON.parse(await readFile("examples/seed-000-hip-weakness.json", "utf8"));
const valdCsv = await readFile("examples/dynamometer-vald-style.csv");
const gpx = await readFile("examples/run-2026-11-17.gpx", "utf8");
const seedInput = parseWith(assessmentSchema, seed000);
const bundle = JSON.stringify(
  assessmentBundle({ input: seedInput, result: assessInput(seedInput) }),
);
const csvUpload = () => multipartForm({}, [{ filename: "clinic.csv", content: valdCsv }]);
const bundleUpload = () => multipartForm({}, [{ filename: "bundle.json", content: bundle }]);
/** Each call imports a run of its own: the GPX example moved on by a day more each time. */
let runDays = 100;
function newRunUpload() {
  runDays += 1;
  const start = new Date(Date.parse("2026-11-17T17:30:00Z") + runDays * 86_400_000).toISOString();
  return multipartForm({ runs: JSON.stringify([{ startTime: start, painDuring: 1 }]) }, [
    { filename: "run.gpx", content: shiftedGpx(gpx, runDays) },
  ]);
}
let mappingCount = 0;
const mapping = { mapping: { test: "Test", side: "Laterality", force: "maxForceNewtons" } };

const all = (status: number, anonymous = 401): Statuses => ({
  anonymous,
  runner: status,
  otherRunner: status,
  clinician: status,
  admin: status,
  otherClinician: status,
});
/** R's record: R and clinic A's staff may; another runner and another clinic get 404. */
const record = (status: number): Statuses => ({
  anonymous: 401,
  runner: status,
  otherRunner: 404,
  clinician: status,
  admin: status,
  otherClinician: 404,
});
const staff = (status: number): Statuses => ({
  ...all(status),
  runner: 403,
  otherRunner: 403,
});

async function freshAssessment(w: World): Promise<string> {
  const reply = await w.clients.runner.post(`/api/runners/${w.runnerId}/assessments`, {
    input: seed000,
  });
  return reply.body.id;
}

const MATRIX: Record<
  string,
  { expect: Statuses; call: (w: World, actor: Actor) => Promise<Call> | Call }
> = {
  "POST /api/accounts/runner": {
    expect: all(201, 201),
    call: () => ({
      method: "POST",
      url: "/api/accounts/runner",
      payload: { email: uniqueEmail("m"), password: TEST_PASSWORD, name: "M" },
    }),
  },
  "POST /api/accounts/clinic": {
    expect: all(201, 201),
    call: () => ({
      method: "POST",
      url: "/api/accounts/clinic",
      payload: {
        email: uniqueEmail("c"),
        password: TEST_PASSWORD,
        name: "C",
        clinicName: "Matrix Clinic",
      },
    }),
  },
  "POST /api/session": {
    expect: all(200, 200),
    call: (w) => ({
      method: "POST",
      url: "/api/session",
      payload: { email: w.clients.runner.user.email, password: TEST_PASSWORD },
    }),
  },
  "GET /api/session": { expect: all(200), call: () => ({ method: "GET", url: "/api/session" }) },
  "DELETE /api/session": {
    expect: all(204),
    call: async (w, actor) => {
      if (actor === "anonymous") return { method: "DELETE", url: "/api/session" };
      const fresh = new Client(w.app);
      await fresh.post("/api/session", {
        email: w.clients[actor].user.email,
        password: TEST_PASSWORD,
      });
      return { method: "DELETE", url: "/api/session", as: fresh };
    },
  },
  "PUT /api/session/password": {
    expect: all(204),
    call: () => ({
      method: "PUT",
      url: "/api/session/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
  },
  "POST /api/invites": {
    expect: staff(201),
    call: () => ({
      method: "POST",
      url: "/api/invites",
      payload: { role: "runner", name: "Invitee" },
    }),
  },
  "POST /api/invites/:token/accept": {
    expect: all(201, 201),
    call: async (w) => {
      const invite = await w.clients.admin.post("/api/invites", {
        role: "runner",
        name: "Invitee",
      });
      const token = invite.body.link.split("/invite/")[1];
      return {
        method: "POST",
        url: `/api/invites/${token}/accept`,
        payload: { password: TEST_PASSWORD, email: uniqueEmail("i") },
      };
    },
  },
  "GET /api/clinics": { expect: all(200), call: () => ({ method: "GET", url: "/api/clinics" }) },
  "POST /api/tokens": {
    expect: all(201),
    call: () => ({ method: "POST", url: "/api/tokens", payload: { name: "t", scopes: ["read"] } }),
  },
  "GET /api/tokens": { expect: all(200), call: () => ({ method: "GET", url: "/api/tokens" }) },
  "DELETE /api/tokens/:tokenId": {
    expect: all(204),
    call: async (w, actor) => {
      if (actor === "anonymous") return { method: "DELETE", url: `/api/tokens/${randomUUID()}` };
      const made = await w.clients[actor].post("/api/tokens", { name: "t", scopes: ["read"] });
      return { method: "DELETE", url: `/api/tokens/${made.body.id}` };
    },
  },
  "GET /api/runners": { expect: staff(200), call: () => ({ method: "GET", url: "/api/runners" }) },
  "POST /api/runners": {
    expect: staff(201),
    call: () => ({ method: "POST", url: "/api/runners", payload: { name: "New Runner" } }),
  },
  "GET /api/runners/:runnerId": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}` }),
  },
  "GET /api/runners/:runnerId/today": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/today` }),
  },
  "POST /api/runners/:runnerId/shares": {
    expect: { ...record(201), clinician: 403, admin: 403 },
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/shares`,
      payload: { clinicId: w.clinicA },
    }),
  },
  "DELETE /api/runners/:runnerId/shares/:clinicId": {
    expect: { ...record(204), clinician: 403, admin: 403 },
    call: async (w) => {
      await w.clients.runner.post(`/api/runners/${w.runnerId}/shares`, { clinicId: w.clinicC });
      return { method: "DELETE", url: `/api/runners/${w.runnerId}/shares/${w.clinicC}` };
    },
  },
  "GET /api/runners/:runnerId/export": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/export` }),
  },
  "DELETE /api/runners/:runnerId": {
    // Only the runner, or the admin of the runner's own clinic (R is only shared with A).
    expect: { ...record(204), clinician: 403, admin: 403 },
    call: async (w, actor) => {
      const doomed = await signedUpRunner(w.app, "Doomed Runner");
      await doomed.post(`/api/runners/${doomed.user.runnerId}/shares`, { clinicId: w.clinicA });
      return {
        method: "DELETE",
        url: `/api/runners/${doomed.user.runnerId}`,
        ...(actor === "runner" ? { as: doomed } : {}),
      };
    },
  },
  "GET /api/runners/:runnerId/audit": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/audit` }),
  },
  "POST /api/runners/:runnerId/assessments": {
    expect: record(201),
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/assessments`,
      payload: { input: { assessedOn: "2026-12-01" } },
    }),
  },
  "GET /api/runners/:runnerId/assessments": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/assessments` }),
  },
  "GET /api/runners/:runnerId/comparison": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/comparison` }),
  },
  "GET /api/assessments/:assessmentId": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/assessments/${w.assessmentId}` }),
  },
  "PATCH /api/assessments/:assessmentId": {
    expect: record(200),
    call: async (w) => ({
      method: "PATCH",
      url: `/api/assessments/${await freshAssessment(w)}`,
      payload: { input: { person: { age: 35 } } },
    }),
  },
  "POST /api/assessments/:assessmentId/assess": {
    expect: record(200),
    call: async (w) => ({
      method: "POST",
      url: `/api/assessments/${await freshAssessment(w)}/assess`,
      payload: {},
    }),
  },
  "POST /api/runners/:runnerId/programmes": {
    expect: record(201),
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/programmes`,
      payload: { assessmentId: w.assessmentId, start: "2026-12-01" },
    }),
  },
  "GET /api/runners/:runnerId/programmes": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/programmes` }),
  },
  "GET /api/programmes/:programmeId": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/programmes/${w.programmeId}` }),
  },
  "PATCH /api/programmes/:programmeId": {
    expect: { ...record(200), runner: 403, otherRunner: 403 },
    call: (w) => ({
      method: "PATCH",
      url: `/api/programmes/${w.programmeId}`,
      payload: { reason: "matrix", changes: [{ op: "add-note", text: "n" }] },
    }),
  },
  "GET /api/programmes/:programmeId/edits": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/programmes/${w.programmeId}/edits` }),
  },
  "GET /api/programmes/:programmeId/next": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/programmes/${w.programmeId}/next` }),
  },
  "POST /api/runners/:runnerId/logs": {
    expect: record(201),
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/logs`,
      payload: {
        programmeId: w.programmeId,
        entry: {
          date: "2026-12-01",
          type: "run",
          run: { level: 0, durationMin: 30, painDuring: 1 },
        },
      },
    }),
  },
  "GET /api/runners/:runnerId/logs": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/logs` }),
  },
  "POST /api/runners/:runnerId/pain": {
    expect: record(201),
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/pain`,
      payload: { date: "2026-12-01", pain: 2 },
    }),
  },
  "GET /api/runners/:runnerId/pain": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/pain` }),
  },
  "POST /api/runners/:runnerId/questionnaires": {
    expect: record(201),
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/questionnaires`,
      payload: { instrument: "nprs", date: "2026-12-01", answers: { pain: 3 } },
    }),
  },
  "GET /api/runners/:runnerId/questionnaires": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/questionnaires` }),
  },
  "POST /api/runners/:runnerId/analyses": {
    // Past authorisation, the content check refuses the file: no video job per caller.
    expect: record(415),
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/analyses`,
      ...multipartBody("video", "clip.mp4", Buffer.from("not a video")),
    }),
  },
  "GET /api/analyses/:analysisId": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/analyses/${w.analysisId}` }),
  },
  "GET /api/analyses/:analysisId/events": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/analyses/${w.analysisId}/events` }),
  },
  "GET /api/runners/:runnerId/analyses": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/analyses` }),
  },
  "POST /api/assessments/:assessmentId/movement": {
    // Past authorisation, the analysis is refused: it failed, so it has no measurements.
    expect: record(422),
    call: async (w) => {
      // The progress stream ends when the analysis has failed.
      await w.app.inject({
        method: "GET",
        url: `/api/analyses/${w.analysisId}/events`,
        headers: { cookie: w.clients.runner.cookie ?? "" },
      });
      return {
        method: "POST",
        url: `/api/assessments/${w.assessmentId}/movement`,
        payload: { analysisId: w.analysisId },
      };
    },
  },
  "POST /api/assessments/:assessmentId/imports/strength/preview": {
    expect: record(200),
    call: (w) => ({
      method: "POST",
      url: `/api/assessments/${w.assessmentId}/imports/strength/preview`,
      ...csvUpload(),
    }),
  },
  "POST /api/assessments/:assessmentId/imports/strength": {
    expect: record(200),
    call: async (w) => ({
      method: "POST",
      url: `/api/assessments/${await freshAssessment(w)}/imports/strength`,
      ...csvUpload(),
    }),
  },
  "GET /api/column-mappings": {
    expect: staff(200),
    call: () => ({ method: "GET", url: "/api/column-mappings" }),
  },
  "PUT /api/column-mappings/:name": {
    expect: staff(201),
    call: () => ({
      method: "PUT",
      url: `/api/column-mappings/matrix-${++mappingCount}`,
      payload: mapping,
    }),
  },
  "DELETE /api/column-mappings/:name": {
    // Clinic A's mapping: its staff may delete it; another clinic's name is not found.
    expect: { ...staff(204), otherClinician: 404 },
    call: async (w) => {
      const name = `doomed-${++mappingCount}`;
      await w.clients.admin.put(`/api/column-mappings/${name}`, mapping);
      return { method: "DELETE", url: `/api/column-mappings/${name}` };
    },
  },
  "POST /api/runners/:runnerId/imports/runs/preview": {
    expect: record(200),
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/imports/runs/preview`,
      ...multipartForm({}, [{ filename: "run.gpx", content: gpx }]),
    }),
  },
  "POST /api/runners/:runnerId/imports/runs": {
    expect: record(201),
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/imports/runs`,
      ...newRunUpload(),
    }),
  },
  "POST /api/imports/fhir": {
    expect: staff(201),
    call: () => ({ method: "POST", url: "/api/imports/fhir", ...bundleUpload() }),
  },
  "POST /api/runners/:runnerId/imports/fhir": {
    expect: { ...record(201), runner: 403, otherRunner: 403 },
    call: (w) => ({
      method: "POST",
      url: `/api/runners/${w.runnerId}/imports/fhir`,
      ...bundleUpload(),
    }),
  },
  "GET /api/analyses/:analysisId/files/:name": {
    // The analysis failed (its upload was not decodable): it has no pictures.
    expect: record(404),
    call: (w) => ({ method: "GET", url: `/api/analyses/${w.analysisId}/files/frame.png` }),
  },
  "GET /api/assessments/:assessmentId/report.pdf": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/assessments/${w.assessmentId}/report.pdf` }),
  },
  "GET /api/runners/:runnerId/progress-report.pdf": {
    // By now R has several assessed assessments (the assess entry above made them).
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/progress-report.pdf` }),
  },
  "GET /api/programmes/:programmeId/handout.pdf": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/programmes/${w.programmeId}/handout.pdf` }),
  },
  "GET /api/programmes/:programmeId/calendar.ics": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/programmes/${w.programmeId}/calendar.ics` }),
  },
  "GET /api/runners/:runnerId/fhir": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/fhir` }),
  },
  "GET /api/assessments/:assessmentId/strength.csv": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/assessments/${w.assessmentId}/strength.csv` }),
  },
  "POST /api/runners/:runnerId/calendar-feed": {
    expect: record(201),
    call: (w) => ({ method: "POST", url: `/api/runners/${w.runnerId}/calendar-feed`, payload: {} }),
  },
  "GET /api/runners/:runnerId/calendar-feed": {
    expect: record(200),
    call: (w) => ({ method: "GET", url: `/api/runners/${w.runnerId}/calendar-feed` }),
  },
  "DELETE /api/runners/:runnerId/calendar-feed": {
    expect: record(204),
    call: (w) => ({ method: "DELETE", url: `/api/runners/${w.runnerId}/calendar-feed` }),
  },
  "GET /api/calendar/:token.ics": {
    // The secret link is the credential: anyone holding it reads the feed, signed in or not.
    expect: all(200, 200),
    call: async (w) => {
      const feed = await w.clients.runner.post(`/api/runners/${w.runnerId}/calendar-feed`);
      return { method: "GET", url: feed.body.path };
    },
  },
};

/** Sends as a client without changing its session: a sign-up or login must not replace it. */
async function send(app: App, client: Client, call: Call): Promise<number> {
  const who = call.as ?? client;
  const response = await app.inject({
    method: call.method as "GET",
    url: call.url,
    headers: {
      ...(who.cookie ? { cookie: who.cookie } : {}),
      ...(who.csrfToken ? { "x-csrf-token": who.csrfToken } : {}),
      ...call.headers,
    },
    ...(call.payload !== undefined ? { payload: call.payload as object } : {}),
  });
  return response.statusCode;
}

describe.each(testDatabases())("authorisation matrix on $name", (database) => {
  let store: Store;
  let world: World;
  beforeAll(async () => {
    store = await database.open();
    const app = await testApp(store);
    const admin = await newClinic(app, "Clinic A");
    const clinician = await invited(admin, "clinician", "Clinician A");
    const otherAdmin = await newClinic(app, "Clinic B");
    const otherClinician = await invited(otherAdmin, "clinician", "Clinician B");
    const clinicC = await newClinic(app, "Clinic C");
    const runner = await signedUpRunner(app, "Runner R");
    const otherRunner = await signedUpRunner(app, "Runner O");
    const runnerId = runner.user.runnerId;
    await runner.post(`/api/runners/${runnerId}/shares`, { clinicId: admin.user.clinicId });
    const assessment = await runner.post(`/api/runners/${runnerId}/assessments`, {
      input: seed000,
    });
    await runner.post(`/api/assessments/${assessment.body.id}/assess`);
    const programme = await runner.post(`/api/runners/${runnerId}/programmes`, {
      assessmentId: assessment.body.id,
      start: "2026-12-01",
    });
    await runner.post(`/api/runners/${runnerId}/logs`, {
      entry: { date: "2026-12-01", type: "run", run: { level: 0, durationMin: 30, painDuring: 1 } },
    });
    // An upload that passes the content check but cannot be decoded: a failed analysis.
    const { payload, headers } = multipartBody(
      "video",
      "broken.mp4",
      Buffer.from("\0\0\0\x18ftypmp42 broken"),
    );
    const analysis = await runner.request(
      "POST",
      `/api/runners/${runnerId}/analyses`,
      payload,
      headers,
    );
    world = {
      app,
      clients: {
        anonymous: new Client(app),
        runner,
        otherRunner,
        clinician,
        admin,
        otherClinician,
      },
      clinicA: admin.user.clinicId,
      clinicC: clinicC.user.clinicId,
      runnerId,
      assessmentId: assessment.body.id,
      programmeId: programme.body.id,
      analysisId: analysis.body.id,
    };
  });
  afterAll(async () => {
    await world?.app.close();
    await store.close();
  });

  it("has an entry for every route the server has", () => {
    const missing = world.app.apiRoutes.filter((route) => !(route in MATRIX));
    expect(
      missing,
      `routes without an entry in the authorisation matrix: ${missing.join(", ")}`,
    ).toEqual([]);
    const stale = Object.keys(MATRIX).filter((route) => !world.app.apiRoutes.includes(route));
    expect(stale, "matrix entries for routes that no longer exist").toEqual([]);
  });

  it("answers every route × caller with the expected status", async () => {
    const got: Record<string, Partial<Statuses>> = {};
    const want: Record<string, Partial<Statuses>> = {};
    for (const [route, entry] of Object.entries(MATRIX)) {
      got[route] = {};
      want[route] = entry.expect;
      for (const actor of ACTORS) {
        const call = await entry.call(world, actor);
        got[route][actor] = await send(world.app, world.clients[actor], call);
      }
    }
    expect(got).toEqual(want);
  }, 300_000);

  it("audits every read of R's record by clinic staff, with who and from where", async () => {
    const reads = await store.db
      .selectFrom("audit_events")
      .select(["actor_id", "action", "address"])
      .where("runner_id", "=", world.runnerId)
      .where("actor_id", "=", world.clients.clinician.user.id)
      .execute();
    const actions = new Set(reads.map((r) => r.action));
    for (const action of [
      "read.runner",
      "read.today",
      "read.logs",
      "read.assessment",
      "read.programme",
      "read.questionnaires",
      "read.analyses",
      "export.runner",
      "export.assessment-report",
      "export.fhir",
      "read.calendar-feed",
      "preview.strength-import",
      "import.runs",
      "import.fhir",
    ])
      expect(actions).toContain(action);
    expect(reads.every((r) => r.address === "127.0.0.1")).toBe(true);
  });
});
