import type { Kysely } from "kysely";
import { DomainError } from "../../core/errors.js";
import { findAnalysis, listAnalyses } from "../../store/analyses.repository.js";
import {
  type After,
  findAssessment,
  updateAssessmentInput,
} from "../../store/records.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { assessAndSave, assessmentFor, assessmentView, isObject } from "./assessments.service.js";
import { checkDraftAssessment, videoAnalysisOf } from "./core-calls.js";

type Db = Kysely<Database>;

/** One measurement as a list shows it: name, side, value, unit, quality, and why it was withheld. */
interface MeasurementSummary {
  metric: string;
  side?: string;
  value: number;
  unit: string;
  quality: string;
  withheld?: string;
}

/** The runner's video analyses, newest first, with status and measurements: `limit` rows. */
export async function runnerAnalyses(
  db: Db,
  principal: Principal,
  q: { runnerId: string; limit: number; after?: After },
  address: string,
) {
  await runnerFor(db, principal, q.runnerId, { action: "read.analyses", address });
  const rows = await listAnalyses(db, q.runnerId, q.limit, q.after);
  return rows.map((row) => ({
    ...row,
    measurements: Array.isArray(row.measurements)
      ? (row.measurements as MeasurementSummary[]).map(
          ({ metric, side, value, unit, quality, withheld }) => ({
            metric,
            ...(side ? { side } : {}),
            value,
            unit,
            quality,
            ...(withheld ? { withheld } : {}),
          }),
        )
      : [],
  }));
}

/** How an assessment names an analysis it holds: where the analysis is on this server. */
const analysisSource = (id: string) => `/api/analyses/${id}`;

/**
 * Adds a finished analysis of the same runner to an assessment's input (`videoAnalyses`: the
 * measurements, judged whenever the assessment runs) and, when the assessment had a result,
 * assesses it again so the result uses them. The same analysis added twice counts once.
 * Refused: an analysis still running (409), failed, or with nothing judgeable (422).
 */
export async function attachAnalysis(
  db: Db,
  principal: Principal,
  ids: { assessmentId: string; analysisId: string },
  address: string,
) {
  const { assessmentId, analysisId } = ids;
  const row = await assessmentFor(
    db,
    principal,
    assessmentId,
    { action: "write.assessment", address },
    true,
  );
  const analysis = await findAnalysis(db, analysisId);
  if (!analysis || analysis.runnerId !== row.runnerId) throw new NotFoundError("analysis");
  if (analysis.status === "queued" || analysis.status === "running")
    throw new ConflictError(
      `the analysis is not finished yet (${analysis.status}, ${Math.round(analysis.progress * 100)} %): add it once it is done`,
    );
  if (analysis.status === "failed")
    throw new DomainError(
      `the analysis failed, so it has no measurements to add: ${analysis.error ?? "no reason was kept"}`,
    );
  const source = analysisSource(analysis.id);
  const entry = videoAnalysisOf(analysis.measurements, source);
  const input = isObject(row.input) ? row.input : {};
  const others = (Array.isArray(input.videoAnalyses) ? input.videoAnalyses : []).filter(
    (v) => !(isObject(v) && v.input === source),
  );
  const updated = { ...input, videoAnalyses: [...others, entry] };
  checkDraftAssessment(updated);
  await updateAssessmentInput(db, assessmentId, updated);
  if (row.result) await assessAndSave(db, assessmentId, updated);
  return assessmentView((await findAssessment(db, assessmentId))!);
}
