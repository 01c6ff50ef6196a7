import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../store/database.js";
import { testDatabases } from "../../store/test-support/test-databases.js";
import type { App } from "../app.js";
import { todayUtc } from "../services/dates.js";
import { Client, testApp } from "../test-support/test-server.js";
import { DEMO_LOGINS, DEMO_PASSWORD, isEmpty, seedDemo } from "./demo-seed.js";

describe.each(testDatabases())("demo data on $name", (database) => {
  let store: Store;
  let app: App;
  const today = todayUtc();
  beforeAll(async () => {
    store = await database.open();
    expect(await isEmpty(store.db)).toBe(true);
    await store.db.transaction().execute((trx) => seedDemo(trx, today));
    app = await testApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  async function login(email: string): Promise<Client> {
    const client = new Client(app);
    const reply = await client.post("/api/session", { email, password: DEMO_PASSWORD });
    expect(reply.status).toBe(200);
    return client;
  }

  it("lets every printed demo login sign in", async () => {
    for (const { email } of DEMO_LOGINS) await login(email);
    expect(await isEmpty(store.db)).toBe(false);
  });

  it("shows the clinician who needs attention, and why", async () => {
    const physio = await login(DEMO_LOGINS[1].email);
    const list = await physio.get("/api/runners");
    const byName = Object.fromEntries(
      list.body.items.map((r: { displayName: string }) => [r.displayName, r]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      "Dev Desk",
      "Jo Selfguided",
      "Lee Mileage",
      "Rita Redflag",
      "Sam Seed",
    ]);
    expect(list.body.items[0].displayName).toBe("Rita Redflag");
    expect(byName["Rita Redflag"].redFlag).toBe(true);
    expect(byName["Lee Mileage"].painRising).toBe(true);
    expect(byName["Dev Desk"].missedSessions).toBeGreaterThanOrEqual(2);
    expect(byName["Sam Seed"]).toMatchObject({
      redFlag: false,
      painRising: false,
      retestDue: false,
      lastAssessedOn: today,
    });
    expect(byName["Jo Selfguided"].ownRunner).toBe(false);
  });

  it("gives the seed-000 runner six weeks of logs, a retest and a today", async () => {
    const sam = await login(DEMO_LOGINS[2].email);
    const id = sam.user.runnerId;
    const logs = await sam.get(`/api/runners/${id}/logs?limit=200`);
    const days = logs.body.items.map((l: { loggedOn: string }) => l.loggedOn).sort();
    expect(logs.body.items.length).toBeGreaterThan(25);
    expect((Date.parse(today) - Date.parse(days[0])) / 86_400_000).toBeGreaterThanOrEqual(41);
    const assessments = await sam.get(`/api/runners/${id}/assessments`);
    expect(assessments.body.items.map((a: { kind: string }) => a.kind).sort()).toEqual([
      "initial",
      "retest",
    ]);
    const retest = assessments.body.items.find((a: { kind: string }) => a.kind === "retest");
    const abduction = retest.result.strength.tests.find(
      (t: { test: string }) => t.test === "hip-abduction",
    );
    expect(abduction).toBeDefined();
    const todayView = await sam.get(`/api/runners/${id}/today`);
    expect(todayView.status).toBe(200);
    expect(todayView.body.painTrend.weeks.length).toBeGreaterThanOrEqual(6);
    expect(todayView.body.seeAProfessional).toBeNull();
  });
});
