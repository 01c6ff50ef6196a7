import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import { MAX_FAILURES_PER_ACCOUNT } from "./services/accounts.service.js";
import {
  Client,
  invited,
  newClinic,
  signedUpRunner,
  TEST_PASSWORD,
  testApp,
  uniqueEmail,
} from "./test-support/test-server.js";

describe.each(testDatabases())("accounts and sessions on $name", (database) => {
  let store: Store;
  let app: App;
  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("signs a runner up with an httpOnly, SameSite session cookie and a self-guided record", async () => {
    const client = new Client(app);
    const email = uniqueEmail("ana");
    const reply = await client.post("/api/accounts/runner", {
      email,
      password: TEST_PASSWORD,
      name: "Ana",
    });
    expect(reply.status).toBe(201);
    const cookie = String(reply.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(reply.body.user).toMatchObject({ email, role: "runner", clinicId: null });
    const me = await client.get(`/api/runners/${reply.body.user.runnerId}`);
    expect(me.status).toBe(200);
    expect(me.body.selfGuided).toBe(true);
    const row = await store.db
      .selectFrom("users")
      .select("password_hash")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a write through the session without the CSRF token, and accepts it with", async () => {
    const runner = await signedUpRunner(app);
    const token = runner.csrfToken;
    runner.csrfToken = undefined;
    const refused = await runner.post(`/api/runners/${runner.user.runnerId}/pain`, {
      date: "2026-12-01",
      pain: 2,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/x-csrf-token/);
    runner.csrfToken = "hc_wrong";
    expect(
      (
        await runner.post(`/api/runners/${runner.user.runnerId}/pain`, {
          date: "2026-12-01",
          pain: 2,
        })
      ).status,
    ).toBe(403);
    runner.csrfToken = token;
    expect(
      (
        await runner.post(`/api/runners/${runner.user.runnerId}/pain`, {
          date: "2026-12-01",
          pain: 2,
        })
      ).status,
    ).toBe(201);
    const saved = await store.db
      .selectFrom("pain_logs")
      .selectAll()
      .where("runner_id", "=", runner.user.runnerId)
      .execute();
    expect(saved).toHaveLength(1);
  });

  it("logs in and out; after logout the cookie no longer works", async () => {
    const email = uniqueEmail("ben");
    await new Client(app).post("/api/accounts/runner", {
      email,
      password: TEST_PASSWORD,
      name: "Ben",
    });
    const client = new Client(app);
    const wrong = await client.post("/api/session", { email, password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: "unauthorized",
      message: "the email or the password is wrong",
    });
    const ok = await client.post("/api/session", {
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(ok.status).toBe(200);
    expect((await client.get("/api/session")).body.user.email).toBe(email);
    const stolenCookie = client.cookie;
    expect((await client.delete("/api/session")).status).toBe(204);
    client.cookie = stolenCookie;
    expect((await client.get("/api/session")).status).toBe(401);
  });

  it(`throttles logins after ${MAX_FAILURES_PER_ACCOUNT} failures for one account, even with the right password`, async () => {
    const email = uniqueEmail("cy");
    await new Client(app).post("/api/accounts/runner", {
      email,
      password: TEST_PASSWORD,
      name: "Cy",
    });
    const attacker = new Client(app);
    attacker.address = "203.0.113.9";
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      expect((await attacker.post("/api/session", { email, password: `guess ${i}` })).status).toBe(
        401,
      );
    const blocked = await attacker.post("/api/session", { email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.headers["retry-after"]).toBe("900");
    expect(blocked.body.message).toMatch(/too many failed logins/);
  });

  it("changes the password: the old one stops working and other sessions end", async () => {
    const email = uniqueEmail("dee");
    const first = new Client(app);
    await first.post("/api/accounts/runner", { email, password: TEST_PASSWORD, name: "Dee" });
    const second = new Client(app);
    await second.post("/api/session", { email, password: TEST_PASSWORD });
    const wrong = await first.put("/api/session/password", {
      currentPassword: "nope",
      newPassword: "a new long password",
    });
    expect(wrong.status).toBe(403);
    const changed = await first.put("/api/session/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a new long password",
    });
    expect(changed.status).toBe(204);
    expect((await second.get("/api/session")).status).toBe(401);
    expect((await first.get("/api/session")).status).toBe(200);
    expect(
      (await new Client(app).post("/api/session", { email, password: TEST_PASSWORD })).status,
    ).toBe(401);
    expect(
      (await new Client(app).post("/api/session", { email, password: "a new long password" }))
        .status,
    ).toBe(200);
  });

  it("invites by a one-time link: the admin invites a clinician; the link works once", async () => {
    const admin = await newClinic(app);
    const invite = await admin.post("/api/invites", {
      role: "clinician",
      email: uniqueEmail("cli"),
      name: "Chris Clinician",
    });
    expect(invite.status).toBe(201);
    expect(invite.body.link).toMatch(/^http:\/\/localhost:0\/invite\/hi_[\w-]{43}$/);
    const token = invite.body.link.split("/invite/")[1];
    const clinician = new Client(app);
    const accepted = await clinician.post(`/api/invites/${token}/accept`, {
      password: TEST_PASSWORD,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({
      role: "clinician",
      clinicId: admin.user.clinicId,
      displayName: "Chris Clinician",
    });
    const again = await new Client(app).post(`/api/invites/${token}/accept`, {
      password: TEST_PASSWORD,
      email: uniqueEmail("x"),
      name: "X",
    });
    expect(again.status).toBe(404);
    const stored = await store.db.selectFrom("invites").select("token_hash").execute();
    expect(stored.every((row) => !row.token_hash.startsWith("hi_"))).toBe(true);
    // A clinician may invite runners, not other clinicians.
    expect((await clinician.post("/api/invites", { role: "clinician" })).status).toBe(403);
    const runner = await invited(clinician, "runner", "Rae Runner");
    expect(runner.user).toMatchObject({ role: "runner" });
    expect((await clinician.get(`/api/runners/${runner.user.runnerId}`)).status).toBe(200);
  });

  it("links an invited runner's account to the record the clinic made, once", async () => {
    const admin = await newClinic(app, "Record Clinic");
    const record = await admin.post("/api/runners", { name: "Noa Record" });
    const invite = await admin.post("/api/invites", {
      role: "runner",
      email: uniqueEmail("noa"),
      runnerId: record.body.id,
    });
    expect(invite.status).toBe(201);
    const noa = new Client(app);
    await noa.post(`/api/invites/${invite.body.link.split("/invite/")[1]}/accept`, {
      password: TEST_PASSWORD,
      name: "Noa",
    });
    expect(noa.user.runnerId).toBe(record.body.id);
    expect(
      (await admin.post("/api/invites", { role: "runner", runnerId: record.body.id })).status,
    ).toBe(409);
    const other = await newClinic(app, "Not Theirs");
    expect(
      (await other.post("/api/invites", { role: "runner", runnerId: record.body.id })).status,
    ).toBe(404);
  });

  it("issues scoped API tokens: read-only cannot write; a revoked token stops working", async () => {
    const runner = await signedUpRunner(app);
    const made = await runner.post("/api/tokens", { name: "watch sync", scopes: ["read"] });
    expect(made.status).toBe(201);
    const integration = new Client(app);
    integration.bearer = made.body.token;
    const url = `/api/runners/${runner.user.runnerId}`;
    expect((await integration.get(url)).status).toBe(200);
    const write = await integration.post(`${url}/pain`, { date: "2026-12-01", pain: 1 });
    expect(write.status).toBe(403);
    expect(write.body.message).toMatch(/write/);
    expect((await runner.delete(`/api/tokens/${made.body.id}`)).status).toBe(204);
    expect((await integration.get(url)).status).toBe(401);
    const writer = await runner.post("/api/tokens", { name: "sync", scopes: ["read", "write"] });
    integration.bearer = writer.body.token;
    expect((await integration.post(`${url}/pain`, { date: "2026-12-01", pain: 1 })).status).toBe(
      201,
    );
  });
});
