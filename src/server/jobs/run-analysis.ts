import { rm } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Kysely } from "kysely";
import { InputError } from "../../core/errors.js";
import {
  type AnalysisClaim,
  analysisProgress,
  claimAnalysis,
  failAnalysis,
  finishAnalysis,
  saveAnalysisProgress,
} from "../../store/analysis-runs.repository.js";
import type { Database } from "../../store/schema.types.js";
import type { AnalysisPhase, AnalyzeResult } from "../../vision/analyze-input.js";
import { VideoError } from "../../vision/ffmpeg.js";
import { analysisDir, type JobUpdate } from "./analysis-jobs.js";

/** Progress is written at most this often: what a progress stream in another process reads. */
const PROGRESS_SAVE_MS = 1000;
/**
 * The share of the whole (0–1) each phase covers: finding the runner in every frame is most of
 * the work, then the pictures; progress stays below 1 until the result is saved.
 */
const PHASE_SPAN: Record<AnalysisPhase, readonly [from: number, to: number]> = {
  pose: [0, 0.9],
  pictures: [0.9, 0.99],
  video: [0.99, 0.99],
};

/**
 * The progress of the whole analysis (0–1, never going back) from each phase's own count. A
 * second pass over the frames (the accurate model, when the fast one's keypoints fall short)
 * fills what is left of the phase's span.
 */
function overallProgress(): (done: number, total: number, phase: AnalysisPhase) => number {
  let last: { phase: AnalysisPhase; done: number } | undefined;
  let passFrom = 0;
  let progress = 0;
  return (done, total, phase) => {
    const [from, to] = PHASE_SPAN[phase];
    if (phase !== last?.phase) passFrom = Math.max(from, progress);
    else if (done < last.done) passFrom = progress;
    last = { phase, done };
    const share = total > 0 ? Math.min(1, done / total) : 0;
    progress = Math.max(progress, passFrom + (to - passFrom) * share);
    return progress;
  };
}

export interface RunOptions {
  /** Pose-estimation threads. */
  workers: number;
  /** Delete the uploaded video once the result is saved. */
  deleteVideos: boolean;
  /** Where the uploads are: the same folder (a shared volume) for the server and every worker. */
  filesDir: string;
  /** Told of every change, for progress streams in this process. */
  onUpdate?: (update: JobUpdate) => void;
  /** Told once the analysis is claimed (before the video is read). */
  onStart?: (claim: AnalysisClaim) => void;
  /** Stops the analysis (a worker handing it back); nothing is saved for this start. */
  signal?: AbortSignal;
}

/** How a run ended: saved its result or failure, found nothing to do, or lost to another start. */
export type RunOutcome = "done" | "failed" | "nothing-to-do" | "superseded";

/**
 * Analyses one uploaded video and writes the result: the use case behind both kinds of job
 * (in-process, and `hipcheck worker` with pg-boss). Claims the analysis first, so a retried job
 * whose analysis has ended does nothing; of two starts of one analysis, one result is saved.
 * Problems of the database are thrown (the job is retried); problems of the video are saved.
 */
export async function runAnalysis(
  db: Kysely<Database>,
  id: string,
  options: RunOptions,
): Promise<RunOutcome> {
  const claim = await claimAnalysis(db, id);
  if (!claim) return "nothing-to-do";
  options.onStart?.(claim);
  const emit = (update: JobUpdate) => options.onUpdate?.(update);
  emit({ status: "running", progress: 0 });
  const dir = analysisDir(options.filesDir, claim.runnerId, claim.id);
  // The stored path was the uploading server's; this process may see the shared folder elsewhere.
  const video = join(dir, basename(claim.options.video));
  const overall = overallProgress();
  let savedAt = Date.now();
  let saving: Promise<unknown> = Promise.resolve();
  let result: AnalyzeResult;
  try {
    // Loaded on the first job: pose estimation's modules would add a second to every start.
    const { analyzeInput } = await import("../../vision/analyze-input.js");
    result = await analyzeInput(video, {
      task: claim.options.task,
      out: dir,
      workers: options.workers,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(claim.options.view ? { view: claim.options.view } : {}),
      onProgress: (done, total, phase) => {
        const progress = overall(done, total, phase);
        emit({ status: "running", progress });
        if (Date.now() - savedAt < PROGRESS_SAVE_MS) return;
        savedAt = Date.now();
        // One write at a time, in order; a failed progress write is not worth stopping for.
        saving = saving.then(() => saveAnalysisProgress(db, claim, progress)).catch(() => {});
      },
    });
  } catch (error) {
    await saving;
    // Handed back: the analysis is queued again for another start.
    if (options.signal?.aborted) return "superseded";
    // The message of a video or input problem is for the user; anything else stays generic.
    const message =
      error instanceof VideoError || error instanceof InputError
        ? error.message
        : "the analysis failed on the server; try again or upload another video";
    if (!(await failAnalysis(db, claim, message))) return "superseded";
    emit({ status: "failed", progress: 0, error: message });
    return "failed";
  }
  await saving;
  const pictures = result.files.filter((f) => f.endsWith(".png")).map((f) => basename(f));
  const { input: _input, files: _files, ...measurements } = result;
  if (!(await finishAnalysis(db, claim.id, { measurements, pictures }))) {
    // Erased while it ran (the runner's record and files were deleted): leave no pictures behind.
    if (!(await analysisProgress(db, claim.id))) {
      await rm(dir, { recursive: true, force: true });
      emit({ status: "failed", progress: 0, error: "the analysis was deleted" });
    }
    return "superseded";
  }
  if (options.deleteVideos) await rm(video, { force: true });
  emit({ status: "done", progress: 1 });
  return "done";
}
