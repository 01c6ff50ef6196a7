import { describe, expect, it } from "vitest";
import { EXIT } from "./exit-codes.js";
import { runCli } from "./test-support/run-cli.js";

/** The scale mode's settings are refused at start, naming the variable, before anything is opened. */
describe("hipcheck worker and HIPCHECK_JOBS without a PostgreSQL server", () => {
  const noServer = { DATABASE_URL: "", HIPCHECK_JOBS: "" };

  it("refuses to start a worker without DATABASE_URL", async () => {
    const run = await runCli(["worker"], { env: noServer });
    expect(run.code).toBe(EXIT.input);
    expect(run.stderr).toMatch(/hipcheck worker needs DATABASE_URL/);
  });

  it("refuses HIPCHECK_JOBS=queue on PGlite, and a mode that does not exist", async () => {
    const queue = await runCli(["serve"], { env: { ...noServer, HIPCHECK_JOBS: "queue" } });
    expect(queue.code).toBe(EXIT.input);
    expect(queue.stderr).toMatch(/HIPCHECK_JOBS: queue needs DATABASE_URL/);
    const redis = await runCli(["serve"], { env: { ...noServer, HIPCHECK_JOBS: "redis" } });
    expect(redis.code).toBe(EXIT.input);
    expect(redis.stderr).toMatch(/HIPCHECK_JOBS: must be in-process or queue, got "redis"/);
  });

  it("names a queue schema or a job timeout that cannot be used", async () => {
    const run = await runCli(["worker"], {
      env: {
        DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
        HIPCHECK_QUEUE_SCHEMA: "jobs; drop table runners",
        HIPCHECK_JOB_TIMEOUT_SECONDS: "5",
      },
    });
    expect(run.code).toBe(EXIT.input);
    expect(run.stderr).toMatch(/HIPCHECK_QUEUE_SCHEMA: must be a schema name/);
    expect(run.stderr).toMatch(/HIPCHECK_JOB_TIMEOUT_SECONDS: must be a whole number from 10/);
  });
});
