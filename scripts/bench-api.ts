/**
 * `npm run bench:api`: the API under load, on PGlite and on PostgreSQL (when a server answers
 * at HIPCHECK_BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test). Seeds 10,000
 * runners in 50 clinics and 1,000,000 session logs, starts `hipcheck serve` as its own process,
 * and measures with autocannon. Targets: runner dashboard ≥ 500 req/s, p99 < 50 ms; a clinic's
 * attention list (500 runners) p99 < 100 ms; logging a session ≥ 300 writes/s; start to first
 * answer on an existing data folder < 3 s.
 *
 * Dashboards and logs go round 20 signed-in runners, so no figure rests on one runner's rows.
 * The attention list's p99 is measured for one clinician, and for ten clinicians of the clinic
 * asking it together, flat out. Ten clinicians on ten different pages (each page scores all 500
 * runners, so no two requests are alike) measure the list's capacity.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { sql } from "kysely";
import pg from "pg";
import { todayUtc } from "../src/server/services/dates.js";
import { openStore, type StoreConfig } from "../src/store/database.js";
import { LOGS_PER_RUNNER, PASSWORD, RUNNERS, seed } from "./bench-api/seed.js";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const MAIN = new URL("../dist/cli/main.js", import.meta.url).pathname;

interface Load {
  rps: number;
  p99: number;
  errors: number;
}

interface Figures {
  database: string;
  seedSeconds: number;
  startMs: number;
  dashboard: Load;
  /** Ten clinicians of the clinic asking the list together. */
  attention: Load;
  /** One clinician alone (one connection). */
  attentionAlone: Load;
  /** Ten clinicians on ten different pages: how many lists a second the server scores. */
  attentionCapacity: Load;
  logging: Load;
}

async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [MAIN, "serve", "--port", "0"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk;
      const match = /serving (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  const first = await fetch(`${url}/`);
  await first.text();
  return { child, url, ms: performance.now() - t0 };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function login(url: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const reply = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${await reply.text()}`);
  const body = (await reply.json()) as { csrfToken: string };
  return { cookie: reply.headers.get("set-cookie")!.split(";")[0]!, csrf: body.csrfToken };
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options });
}

async function bench(
  name: string,
  store: StoreConfig,
  env: Record<string, string>,
): Promise<Figures> {
  const today = todayUtc();
  const t0 = performance.now();
  const opened = await openStore(store);
  const seeded = await seed(opened.db, today);
  // A database in use has been vacuumed (by autovacuum, or the server's schedule on PGlite);
  // one bulk-loaded a moment ago has not, and its index-only scans would still read the table.
  await sql`VACUUM (ANALYZE) runners, assessments, programmes, programme_sessions, session_logs`.execute(
    opened.db,
  );
  await opened.close();
  const seedSeconds = (performance.now() - t0) / 1000;
  console.log(
    `${name}: seeded ${RUNNERS} runners, ${RUNNERS * LOGS_PER_RUNNER} session logs in ${seedSeconds.toFixed(0)} s`,
  );

  // A first start migrates nothing new; the start is timed on the second, as a restart would be.
  await stop((await startServer(env)).child);
  const server = await startServer(env);
  try {
    const runners = await Promise.all(
      seeded.runners.map(async (r) => ({ ...r, ...(await login(server.url, r.email)) })),
    );
    const clinician = await login(server.url, seeded.clinicianEmail);
    const dashboard = await load({
      url: server.url,
      requests: runners.map((r) => ({
        path: `/api/runners/${r.runnerId}/today`,
        headers: { cookie: r.cookie },
      })),
    });
    const list = {
      url: `${server.url}/api/runners?limit=50`,
      headers: { cookie: clinician.cookie },
    };
    const attention = await load(list);
    const attentionAlone = await load({ ...list, connections: 1 });
    const attentionCapacity = await onTenPages(list.url, clinician.cookie);
    const entry = { date: today, type: "run", run: { level: 1, durationMin: 30, painDuring: 2 } };
    const logging = await load({
      url: server.url,
      requests: runners.map((r) => ({
        path: `/api/runners/${r.runnerId}/logs`,
        method: "POST",
        headers: {
          cookie: r.cookie,
          "x-csrf-token": r.csrf,
          "content-type": "application/json",
        },
        body: JSON.stringify({ entry }),
      })),
    });
    return {
      database: name,
      seedSeconds,
      startMs: server.ms,
      dashboard: figures(dashboard),
      attention: figures(attention),
      attentionAlone: figures(attentionAlone),
      attentionCapacity,
      logging: figures(logging),
    };
  } finally {
    await stop(server.child);
  }
}

/**
 * Ten clinicians, each with one connection on a page of their own (the clinic's 500 runners in
 * ten pages of 50): requests per second summed, p99 the worst of the ten clients'.
 */
async function onTenPages(url: string, cookie: string): Promise<Load> {
  const pages = [url];
  while (pages.length < 10) {
    const reply = await fetch(pages.at(-1)!, { headers: { cookie } });
    const { nextCursor } = (await reply.json()) as { nextCursor: string | null };
    if (!nextCursor) throw new Error(`the attention list has only ${pages.length} pages`);
    pages.push(`${url}&cursor=${encodeURIComponent(nextCursor)}`);
  }
  const loads = await Promise.all(
    pages.map(async (page) =>
      figures(await load({ url: page, headers: { cookie }, connections: 1 })),
    ),
  );
  return {
    rps: loads.reduce((sum, l) => sum + l.rps, 0),
    p99: Math.max(...loads.map((l) => l.p99)),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
  };
}

/** A measurement with any failed request fails: a fast 4xx or 5xx is not a dashboard. */
function figures(result: autocannon.Result): Load {
  const errors = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p99: result.latency.p99, errors };
}

function report(f: Figures): void {
  const failed = [f.dashboard, f.attention, f.attentionAlone, f.attentionCapacity, f.logging].some(
    (load) => load.errors > 0,
  );
  const mark = (ok: boolean) => (ok && !failed ? "ok" : "MISSED");
  console.log(`\n${f.database}`);
  if (failed) console.log("  FAILED REQUESTS: every figure is void");
  console.log(
    `  start to first answer     ${f.startMs.toFixed(0)} ms (target < 3000) ${mark(f.startMs < 3000)}`,
  );
  console.log(
    `  runner dashboard          ${f.dashboard.rps.toFixed(0)} req/s, p99 ${f.dashboard.p99} ms (targets ≥ 500, < 50) ${mark(f.dashboard.rps >= 500 && f.dashboard.p99 < 50)}`,
  );
  console.log(
    `  attention list, 1 client   ${f.attentionAlone.rps.toFixed(0)} req/s, p99 ${f.attentionAlone.p99} ms (target p99 < 100) ${mark(f.attentionAlone.p99 < 100)}`,
  );
  console.log(
    `  attention list, 10 clients ${f.attention.rps.toFixed(0)} req/s, p99 ${f.attention.p99} ms (target p99 < 100) ${mark(f.attention.p99 < 100)}`,
  );
  console.log(
    `  attention list, 10 pages   ${f.attentionCapacity.rps.toFixed(0)} req/s, p99 ${f.attentionCapacity.p99} ms (ten different lists at once: the capacity)`,
  );
  console.log(
    `  logging a session         ${f.logging.rps.toFixed(0)} writes/s, p99 ${f.logging.p99} ms, (target ≥ 300) ${mark(f.logging.rps >= 300)}`,
  );
}

async function postgresUrl(): Promise<string | undefined> {
  const url = process.env.HIPCHECK_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

const only = process.argv[2];
const results: Figures[] = [];
if (!only || only === "pglite") {
  const dataDir = await mkdtemp(join(tmpdir(), "hipcheck-bench-"));
  try {
    results.push(
      await bench(
        "PGlite",
        { kind: "pglite", dataDir },
        { HIPCHECK_DATA_DIR: dataDir, DATABASE_URL: "" },
      ),
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
if (!only || only === "postgres") {
  const url = await postgresUrl();
  if (!url) console.log("PostgreSQL: no server answers; skipped");
  else {
    const schema = `bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const scoped = `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      results.push(
        await bench("PostgreSQL", { kind: "postgres", url, schema }, { DATABASE_URL: scoped }),
      );
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
}
console.log(`\nhipcheck bench:api — ${CONNECTIONS} connections, ${DURATION_S} s per measurement`);
for (const figures of results) report(figures);
