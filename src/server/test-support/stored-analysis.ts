import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { judgeMeasurements } from "../../core/movement/judge-movement.js";
import { runningMeasurements } from "../../core/movement/measurements.js";
import { analyzeRunning } from "../../core/movement/running-analysis.js";
import {
  type RunnerSpec,
  syntheticRun,
} from "../../core/movement/test-support/synthetic-runner.js";
import { RULES_VERSION } from "../../core/rules-version.js";
import type { Database } from "../../store/schema.types.js";

/**
 * A running analysis as the video job leaves it in the database, without a video: the core
 * measures a synthetic runner filmed from behind (`runner` sets pelvic drop, cadence …), and the
 * row holds what the job stores of the result. `status` other than done stores no measurements.
 */
export async function storeAnalysis(
  db: Kysely<Database>,
  runnerId: string,
  options: {
    status?: "queued" | "running" | "done" | "failed";
    runner?: Partial<RunnerSpec>;
    error?: string;
  } = {},
): Promise<string> {
  const status = options.status ?? "done";
  const id = randomUUID();
  const { series } = syntheticRun({ view: "rear", ...options.runner });
  const analysis = analyzeRunning(series, { view: "rear" });
  const measurements = runningMeasurements(analysis);
  const stored = {
    source: "keypoints",
    rulesVersion: RULES_VERSION,
    model: series.model,
    analysis,
    measurements,
    evidence: judgeMeasurements(measurements).evidence,
    notices: [],
    notes: [],
  };
  await db
    .insertInto("movement_analyses")
    .values({
      id,
      runner_id: runnerId,
      status,
      options: JSON.stringify({ task: "running", view: "rear", video: "synthetic.mp4" }),
      progress: status === "done" ? 1 : status === "running" ? 0.4 : 0,
      measurements: status === "done" ? JSON.stringify(stored) : null,
      error: status === "failed" ? (options.error ?? "the video could not be decoded") : null,
      ...(status === "done" || status === "failed" ? { finished_at: new Date() } : {}),
    })
    .execute();
  return id;
}
