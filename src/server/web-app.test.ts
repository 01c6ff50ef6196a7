import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/database.js";
import type { App } from "./app.js";
import { Client, newClinic, testApp } from "./test-support/test-server.js";

const seed000 = JSON.parse(await readFile("examples/seed-000-hip-weakness.json", "utf8"));

/** The pieces the web app needs from the server, over HTTP (the suite's setup builds the app). */
describe("the server for the web app", () => {
  let store: Store;
  let app: App;
  let clinician: Client;
  let runnerId: string;
  let programmeId: string;
  beforeAll(async () => {
    store = await openStore({ kind: "pglite" });
    app = await testApp(store);
    clinician = await newClinic(app, "Web Clinic");
    runnerId = (await clinician.post("/api/runners", { name: "Alex Seed" })).body.id;
    const created = await clinician.post(`/api/runners/${runnerId}/assessments`, {
      input: seed000,
    });
    await clinician.post(`/api/assessments/${created.body.id}/assess`);
    const programme = await clinician.post(`/api/runners/${runnerId}/programmes`, {
      assessmentId: created.body.id,
      start: "2026-12-01",
    });
    programmeId = programme.body.id;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("serves the built app at / and at invite links, with its security headers", async () => {
    const anonymous = new Client(app);
    for (const url of ["/", "/invite/hi_0123456789abcdef"]) {
      const page = await anonymous.request("GET", url);
      expect(page.status).toBe(200);
      expect(page.headers["content-type"]).toMatch(/text\/html/);
      expect(String(page.body)).toContain('<div id="root"></div>');
      expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    }
    const script = String((await anonymous.request("GET", "/")).body).match(
      /src="(\/assets\/[^"]+\.js)"/,
    )?.[1];
    const asset = await anonymous.request("GET", script!);
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    expect((await anonymous.request("GET", "/api/nothing-here")).body.error).toBe("not-found");
  });

  it("swaps and adds exercises with a reason, and refuses unknown or doubled ones by name", async () => {
    const before = (await clinician.get(`/api/programmes/${programmeId}`)).body.programme;
    const from = before.exercises[0];
    const swap = await clinician.patch(`/api/programmes/${programmeId}`, {
      reason: "She has a band at home",
      changes: [{ op: "swap-exercise", exercise: from, with: "side-lying-hip-abduction" }],
    });
    expect(swap.status).toBe(200);
    const swapped = swap.body.programme;
    expect(swapped.exercises).toContain("side-lying-hip-abduction");
    expect(swapped.exercises).not.toContain(from);
    const added = await clinician.patch(`/api/programmes/${programmeId}`, {
      reason: "Adductor balance",
      changes: [{ op: "add-exercise", exercise: "side-lunge" }],
    });
    expect(added.status).toBe(200);
    const strengthDay = added.body.programme.sessions.find(
      (s: { kind: string }) => s.kind === "strength",
    );
    expect(strengthDay.strength.map((p: { exercise: string }) => p.exercise)).toContain(
      "side-lunge",
    );

    const unknown = await clinician.patch(`/api/programmes/${programmeId}`, {
      reason: "typo",
      changes: [{ op: "swap-exercise", exercise: "side-lunge", with: "moon-walk" }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0].path).toContain("with");
    const doubled = await clinician.patch(`/api/programmes/${programmeId}`, {
      reason: "again",
      changes: [{ op: "add-exercise", exercise: "side-lunge" }],
    });
    expect(doubled.status).toBe(400);
    expect(doubled.body.message + JSON.stringify(doubled.body.fields)).toContain(
      "already in this programme",
    );
    const edits = (await clinician.get(`/api/programmes/${programmeId}/edits`)).body.items;
    expect(edits.map((e: { reason: string }) => e.reason)).toEqual([
      "She has a band at home",
      "Adductor balance",
    ]);
  });

  it("invites a runner to an existing record of the clinic, and answers 404 for another clinic's", async () => {
    const invite = await clinician.post("/api/invites", {
      role: "runner",
      runnerId,
      name: "Alex Seed",
    });
    expect(invite.status).toBe(201);
    const runner = new Client(app);
    const token = String(invite.body.link).split("/invite/")[1];
    const accepted = await runner.post(`/api/invites/${token}/accept`, {
      email: "alex@example.com",
      password: "alex-runs-again",
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user.runnerId).toBe(runnerId);
    expect((await runner.get(`/api/runners/${runnerId}/logs`)).status).toBe(200);

    const other = await newClinic(app, "Other Clinic");
    const probe = await other.post("/api/invites", { role: "runner", runnerId });
    expect(probe.status).toBe(404);
  });
});
