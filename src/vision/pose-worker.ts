/**
 * Worker thread running one MoveNet model: receives frames with the crop to use and answers
 * with the 17 points; asked to, it also looks at the whole frame with the followed person
 * blacked out, for someone else. Frame buffers travel both ways by transfer, not copy.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type CropBox, fullFrameCrop } from "./crop.js";
import type { PoseModelKind } from "./model-files.js";
import type { Rect } from "./people-check.js";
import { loadPoseModel, type PoseFrame } from "./pose-model.js";

export interface PoseJob extends PoseFrame {
  id: number;
  crop: CropBox;
  /** Also look for another person outside this box (around the followed person). */
  othersOutside?: Rect;
}

const port = parentPort;
if (port) {
  try {
    const model = await loadPoseModel((workerData as { kind: PoseModelKind }).kind);
    port.on("message", (job: PoseJob) => {
      const points = model.estimate(job, job.crop);
      const others = job.othersOutside
        ? model.estimate(job, fullFrameCrop(job.width, job.height), job.othersOutside)
        : undefined;
      port.postMessage({ type: "result", id: job.id, points, others, pixels: job.pixels }, [
        job.pixels.buffer as ArrayBuffer,
      ]);
    });
    port.postMessage({ type: "ready" });
  } catch (error) {
    port.postMessage({
      type: "error",
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
