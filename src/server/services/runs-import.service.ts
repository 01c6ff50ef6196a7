import type { Kysely } from "kysely";
import { InputError, type InputIssue } from "../../core/errors.js";
import { runsFromWatchFile, watchFileKind } from "../../report/watch/watch-file.js";
import {
  type RunReport,
  runLogEntry,
  type WatchRun,
  watchCadenceEvidence,
} from "../../report/watch/watch-run.js";
import {
  importedRunsAt,
  insertWatchRun,
  latestAssessmentId,
  watchRunsOfAssessment,
} from "../../store/imports.repository.js";
import { findAssessment } from "../../store/records.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { ConflictError, FileRejected, NotFoundError, UploadRejected } from "../errors.js";
import { replaceAssessmentInput } from "./assessments.service.js";
import type { UploadedFile } from "./file-upload.js";
import { storeSessionLog } from "./logs.service.js";

/**
 * Runs from watch files (FIT, GPX) into a runner's training log, and the watch's cadence into
 * the cadence evidence of an assessment, as `hipcheck import-runs --into` does for a file. A run
 * is the same run when it starts at the same time: imported once, however often it is sent.
 */

type Db = Kysely<Database>;
type Json = Record<string, unknown>;

interface FileRun extends WatchRun {
  sha256: string;
}

export interface RunsImportRequest {
  files: UploadedFile[];
  /** The assessment the cadence evidence goes to; the runner's newest when not given. */
  assessmentId?: string;
}

/** What the runner says about each new run (the pain a watch cannot measure), by its start time. */
export type RunReports = (RunReport & { startTime: string })[];

/** Every run of every file; a file of another kind refuses the upload (415), a bad one is a problem. */
function readRuns(files: readonly UploadedFile[]): { runs: FileRun[]; problems: InputIssue[] } {
  const runs: FileRun[] = [];
  const problems: InputIssue[] = [];
  for (const file of files) {
    const kind = watchFileKind(file.bytes);
    if (!kind)
      throw new UploadRejected(
        "wrong-content",
        `${file.name} is neither a FIT nor a GPX file, whatever its name`,
      );
    try {
      for (const run of runsFromWatchFile(file.bytes, kind, file.name))
        runs.push({ ...run, sha256: file.sha256 });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.issues);
    }
  }
  runs.sort((a, b) => a.startTime.localeCompare(b.startTime));
  return { runs, problems };
}

const summary = ({ sha256: _, ...run }: FileRun): WatchRun => run;

/** Each run with whether it was imported before (from this upload or an earlier one), and when. */
async function withHistory(db: Db, runnerId: string, runs: readonly FileRun[]) {
  const earlier = new Map(
    (await importedRunsAt(db, runnerId, [...new Set(runs.map((r) => r.startTime))])).map((r) => [
      r.startedAt,
      r,
    ]),
  );
  const seen = new Map<string, FileRun>();
  return runs.map((run) => {
    const before = earlier.get(run.startTime);
    const twin = seen.get(run.startTime);
    seen.set(run.startTime, twin ?? run);
    const file = (before?.run as WatchRun | undefined)?.file;
    const alreadyImported = before
      ? {
          on: before.importedOn,
          from: file ?? "",
          reason: `imported already on ${before.importedOn}${before.fileSha256 === run.sha256 ? " (the same file)" : file ? ` (from ${file})` : ""}`,
        }
      : twin
        ? { on: null, from: twin.file, reason: `the same run as in ${twin.file} in this upload` }
        : null;
    return { run, alreadyImported };
  });
}

/** The assessment the watch's cadence goes to: the one named (of this runner), else the newest. */
async function cadenceTarget(
  db: Db,
  runnerId: string,
  assessmentId: string | undefined,
  lock = false,
) {
  const id = assessmentId ?? (await latestAssessmentId(db, runnerId));
  if (!id) return undefined;
  const row = await findAssessment(db, id, lock);
  if (!row || row.runnerId !== runnerId) throw new NotFoundError("assessment");
  return row;
}

/** The lowest cadence that is not "low", from the assessment's clinic settings when it has them. */
function lowCadenceOf(input: unknown): number | undefined {
  const value = ((input as Json | null)?.settings as { movement?: { lowCadence?: unknown } })
    ?.movement?.lowCadence;
  return typeof value === "number" ? value : undefined;
}

/** The assessment's movement evidence with its watch cadence made again from these runs. */
function withWatchCadence(input: unknown, runs: readonly WatchRun[]): Json {
  const current = (input ?? {}) as Json;
  const others = ((current.movement ?? []) as Json[]).filter(
    (m) => !(m.method === "watch" && m.sign === "low-cadence"),
  );
  return { ...current, movement: [...others, ...watchCadenceEvidence(runs, lowCadenceOf(input))] };
}

/** The runs of the files, each marked when imported before, and the cadence an import would record. */
export async function previewRuns(
  db: Db,
  principal: Principal,
  runnerId: string,
  request: RunsImportRequest,
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "preview.run-import", address });
  const { runs, problems } = readRuns(request.files);
  const marked = await withHistory(db, runnerId, runs);
  const fresh = marked.filter((m) => !m.alreadyImported).map((m) => summary(m.run));
  const target = await cadenceTarget(db, runnerId, request.assessmentId);
  const earlier = target ? ((await watchRunsOfAssessment(db, target.id)) as WatchRun[]) : [];
  const evidence = target
    ? watchCadenceEvidence([...earlier, ...fresh], lowCadenceOf(target.input))
    : [];
  return {
    runs: marked.map((m) => ({ ...summary(m.run), alreadyImported: m.alreadyImported })),
    cadence:
      target && fresh.some((r) => r.cadenceSpm !== undefined)
        ? { assessmentId: target.id, evidence: evidence[0] ?? null }
        : null,
    problems,
    importable: problems.length === 0 && fresh.length > 0,
  };
}

/**
 * Logs every new run of the files (with the pain the runner reports for it) and makes the
 * assessment's watch cadence again; runs imported before are skipped and named. Any problem in
 * any file refuses the whole upload (422), and nothing is stored.
 */
export async function importRuns(
  db: Db,
  principal: Principal,
  runnerId: string,
  request: RunsImportRequest & { reports: RunReports },
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "import.runs", address });
  const { runs, problems } = readRuns(request.files);
  if (problems.length > 0) {
    const bad = [...new Set(problems.map((p) => p.path))];
    throw new FileRejected(
      new InputError(problems, bad.length === 1 ? `watch file ${bad[0]}` : "upload of watch files"),
    );
  }
  const marked = await withHistory(db, runnerId, runs);
  const fresh = marked.filter((m) => !m.alreadyImported).map((m) => m.run);
  const skipped = marked.flatMap((m) =>
    m.alreadyImported
      ? [
          {
            ...summary(m.run),
            reason: m.alreadyImported.reason,
            alreadyImported: m.alreadyImported,
          },
        ]
      : [],
  );
  const reports = reportsFor(runs, fresh, request.reports);
  const withCadence = fresh.some((r) => r.cadenceSpm !== undefined);
  const target = await cadenceTarget(db, runnerId, request.assessmentId, true);
  const imported = [];
  for (const run of fresh) {
    const log = await storeLog(db, runnerId, run, reports.get(run.startTime)!);
    const stored = await insertWatchRun(db, {
      runnerId,
      startedAt: run.startTime,
      sessionLogId: log.id,
      assessmentId: target && run.cadenceSpm !== undefined ? target.id : null,
      run: summary(run),
      fileSha256: run.sha256,
      importedBy: principal.id,
    });
    if (!stored)
      throw new ConflictError(
        `the run of ${run.date} in ${run.file} was imported by another request at the same time; nothing was imported`,
      );
    imported.push({ ...summary(run), logId: log.id, programmeId: log.programmeId });
  }
  let cadence: { assessmentId: string; evidence: unknown } | null = null;
  if (target && withCadence) {
    const all = (await watchRunsOfAssessment(db, target.id)) as WatchRun[];
    const input = withWatchCadence(target.input, all);
    await replaceAssessmentInput(db, target, input);
    const evidence = (input.movement as Json[]).find((m) => m.method === "watch") ?? null;
    cadence = { assessmentId: target.id, evidence };
  }
  return { imported, skipped, cadence, message: importMessage(imported.length, skipped) };
}

/** The report for each new run: every new run needs one (its pain), and each report a run of the files. */
function reportsFor(
  runs: readonly FileRun[],
  fresh: readonly FileRun[],
  reports: RunReports,
): Map<string, RunReport> {
  const inFiles = new Set(runs.map((r) => r.startTime));
  const byStart = new Map<string, RunReport>();
  const issues: InputIssue[] = [];
  reports.forEach((report, i) => {
    const start = new Date(report.startTime).toISOString();
    if (inFiles.has(start)) byStart.set(start, report);
    else
      issues.push({
        path: `runs[${i}].startTime`,
        message: `no run in the files starts at ${report.startTime}`,
      });
  });
  for (const run of fresh)
    if (!byStart.has(run.startTime))
      issues.push({
        path: "runs",
        message: `say how much the run of ${run.date} in ${run.file} (start ${run.startTime}) hurt: give its painDuring, 0–10`,
      });
  if (issues.length > 0) throw new InputError(issues, "run reports");
  return byStart;
}

/** The run as a log entry; a run the training log cannot hold (over 300 min, over 100 km) refuses the file. */
async function storeLog(db: Db, runnerId: string, run: FileRun, report: RunReport) {
  try {
    return await storeSessionLog(db, runnerId, { entry: runLogEntry(summary(run), report) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new FileRejected(
      new InputError(
        error.issues.map((i) => ({
          path: run.file,
          message: `the run of ${run.date}: ${i.message}`,
        })),
        "watch file",
      ),
    );
  }
}

function importMessage(imported: number, skipped: readonly { file: string; reason: string }[]) {
  const runs = (n: number) => `${n} run${n === 1 ? "" : "s"}`;
  const skips = skipped.map((s) => `${s.file}: ${s.reason}`).join("; ");
  if (imported === 0)
    return `Nothing imported: every run in the files was imported before (${skips}).`;
  return `${runs(imported)} imported${skipped.length ? `; ${runs(skipped.length)} skipped (${skips})` : ""}.`;
}
