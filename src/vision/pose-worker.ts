/**
 * Worker thread running one MoveNet model: receives frames with the crop to use and answers
 * with the 17 points. Frame buffers travel both ways by transfer, not copy.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { CropBox } from "./crop.js";
import type { PoseModelKind } from "./model-files.js";
import { loadPoseModel } from "./pose-model.js";

export interface PoseJob {
  id: number;
  rgb: Uint8Array;
  width: number;
  height: number;
  crop: CropBox;
}

const port = parentPort;
if (port) {
  try {
    const model = await loadPoseModel((workerData as { kind: PoseModelKind }).kind);
    port.on("message", (job: PoseJob) => {
      const points = model.estimate(job.rgb, job, job.crop);
      port.postMessage({ type: "result", id: job.id, points, rgb: job.rgb }, [
        job.rgb.buffer as ArrayBuffer,
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
