import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createTestSchema, dropTestSchema } from "../store/test-support/test-databases.js";
import { type ServerProcess, startServerProcess } from "./test-support/server-process.js";
import { TEST_PASSWORD, uniqueEmail } from "./test-support/test-server.js";

/**
 * A write the API acknowledged survives `kill -9` of the server: 20 trials of a burst of
 * writes with the kill in the middle, then a restart that must hold every acknowledged write.
 */
const TRIALS = 20;
const BURST = 12;
/** Writes acknowledged before the kill, of the burst in flight. */
const KILL_AFTER = 4;

interface Target {
  name: string;
  env: () => Promise<Record<string, string>>;
  cleanup: () => Promise<void>;
}

function targets(): Target[] {
  let dataDir = "";
  const pglite: Target = {
    name: "pglite",
    env: async () => {
      dataDir ||= await mkdtemp(join(tmpdir(), "hipcheck-durability-"));
      return { HIPCHECK_DATA_DIR: dataDir, DATABASE_URL: "" };
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
  const url = inject("postgresUrl");
  if (!url) return [pglite];
  let schema = "";
  const postgres: Target = {
    name: "postgres",
    env: async () => {
      schema ||= await createTestSchema(url);
      return { DATABASE_URL: `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}` };
    },
    cleanup: () => dropTestSchema(url, schema),
  };
  return [pglite, postgres];
}

class Session {
  cookie = "";
  csrf = "";
  constructor(public url: string) {}
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON came back
  async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { "x-csrf-token": this.csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const cookie = response.headers.get("set-cookie");
    if (cookie) this.cookie = cookie.split(";")[0]!;
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
}

describe.each(targets())("durability on $name", (target) => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    server?.child.kill("SIGKILL");
    await target.cleanup();
  });

  it(`keeps every acknowledged write through ${TRIALS} kill -9s`, async () => {
    const env = await target.env();
    server = await startServerProcess(env);
    const session = new Session(server.url);
    const signUp = await session.send("POST", "/api/accounts/runner", {
      email: uniqueEmail("durable"),
      password: TEST_PASSWORD,
      name: "Durable Runner",
    });
    expect(signUp.status).toBe(201);
    session.csrf = signUp.body.csrfToken;
    const runnerId: string = signUp.body.user.runnerId;
    const acknowledged = new Set<number>();
    for (let trial = 0; trial < TRIALS; trial++) {
      let acks = 0;
      let killed!: () => void;
      const kill = new Promise<void>((resolve) => {
        killed = resolve;
      });
      const burst = Array.from({ length: BURST }, async (_, i) => {
        try {
          const reply = await session.send("POST", `/api/runners/${runnerId}/pain`, {
            date: "2026-12-01",
            pain: (trial + i) % 11,
            context: "other",
          });
          if (reply.status === 201) {
            acknowledged.add(reply.body.id);
            if (++acks === KILL_AFTER) killed();
          }
        } catch {
          // In flight when the server died: not acknowledged, so it may or may not be kept.
        }
      });
      await kill;
      server.child.kill("SIGKILL");
      await server.exited;
      await Promise.all(burst);
      server = await startServerProcess(env);
      session.url = server.url;
      const stored = new Set<number>();
      let cursor: string | null = null;
      do {
        const page = await session.send(
          "GET",
          `/api/runners/${runnerId}/pain?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
        );
        expect(page.status).toBe(200);
        for (const item of page.body.items) stored.add(item.id);
        cursor = page.body.nextCursor;
      } while (cursor);
      const lost = [...acknowledged].filter((id) => !stored.has(id));
      expect(lost, `trial ${trial + 1}: acknowledged writes lost`).toEqual([]);
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(TRIALS * KILL_AFTER);
  }, 1_200_000);

  it("finishes the requests in flight on SIGTERM, then exits cleanly", async () => {
    server ??= await startServerProcess(await target.env());
    const session = new Session(server.url);
    const signUp = await session.send("POST", "/api/accounts/runner", {
      email: uniqueEmail("graceful"),
      password: TEST_PASSWORD,
      name: "Graceful Runner",
    });
    session.csrf = signUp.body.csrfToken;
    const runnerId = signUp.body.user.runnerId;
    let first!: () => void;
    const answered = new Promise<void>((resolve) => {
      first = resolve;
    });
    // The signal comes once the first write is answered, with the rest of the burst in flight.
    const burst = Array.from({ length: BURST }, (_, i) =>
      session
        .send("POST", `/api/runners/${runnerId}/pain`, { date: "2026-12-02", pain: i % 11 })
        .finally(() => first()),
    );
    await answered;
    server.child.kill("SIGTERM");
    const replies = await Promise.allSettled(burst);
    expect(await server.exited).toBe(0);
    // A request the server had taken finishes (201); one arriving while it closes gets 503.
    const statuses = replies.flatMap((r) => (r.status === "fulfilled" ? [r.value.status] : []));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    server = await startServerProcess(await target.env());
    session.url = server.url;
    const stored = await session.send("GET", `/api/runners/${runnerId}/pain?limit=200`);
    expect(stored.body.items.length).toBe(statuses.filter((s) => s === 201).length);
  }, 180_000);
});
