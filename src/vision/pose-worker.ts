/**
 * Worker thread running one pose model: receives frames with the crop to use and answers
 * with the points; asked to, it also looks at the whole frame with the followed person
 * blacked out, for someone else. Frame buffers travel both ways by transfer, not copy.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type CropBox, fullFrameCrop } from "./crop.js";
import type { PoseModelKind } from "./model-files.js";
import type { Rect } from "./people-check.js";
import { loadPoseModel, type PoseFrame } from "./pose-model.js";
import type { PoseBackend } from "./pose-network.js";

export interface PoseJob extends PoseFrame {
  id: number;
  crop: CropBox;
  /** Also look for another person outside this box (around the followed person). */
  othersOutside?: Rect;
}

/** What a worker is started with. */
export interface PoseWorkerData {
  kind: PoseModelKind;
  backend: PoseBackend;
}

const port = parentPort;
if (port) {
  try {
    const { kind, backend } = workerData as PoseWorkerData;
    const model = await loadPoseModel(kind, backend);
    // One job at a time: the model's input buffer is reused from one job to the next.
    let queue = Promise.resolve();
    const handle = async (job: PoseJob) => {
      try {
        const points = await model.estimate(job, job.crop);
        const others = job.othersOutside
          ? await model.estimate(job, fullFrameCrop(job.width, job.height), job.othersOutside)
          : undefined;
        port.postMessage({ type: "result", id: job.id, points, others, pixels: job.pixels }, [
          job.pixels.buffer as ArrayBuffer,
        ]);
      } catch (error) {
        port.postMessage({ type: "failed", id: job.id, message: messageOf(error) });
      }
    };
    port.on("message", (job: PoseJob) => {
      queue = queue.then(() => handle(job));
    });
    port.postMessage({ type: "ready" });
  } catch (error) {
    port.postMessage({ type: "error", message: messageOf(error) });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
