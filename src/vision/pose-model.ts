/**
 * MoveNet single-person pose estimation with TensorFlow.js on its WebAssembly backend, which
 * runs offline in Node (and in browsers). One instance per thread.
 */

import { createRequire } from "node:module";
import { dirname } from "node:path";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { loadGraphModel } from "@tensorflow/tfjs-converter";
import * as tf from "@tensorflow/tfjs-core";
import type { RawPoint } from "../core/movement/keypoints.types.js";
import { fromBlazePose } from "./blazepose.js";
import { type CropBox, cropResize, cropResizeYuv, fromCrop } from "./crop.js";
import type { PixelFormat } from "./ffmpeg.js";
import { POSE_MODELS, type PoseModelKind, readModelFiles } from "./model-files.js";
import type { Rect } from "./people-check.js";

/** A decoded frame: its pixels in the layout `format` names. */
export interface PoseFrame {
  pixels: Uint8Array;
  width: number;
  height: number;
  format: PixelFormat;
}

export interface PoseModel {
  kind: PoseModelKind;
  inputSize: number;
  /**
   * The person inside `crop`, in frame pixels, scores 0–1: MoveNet's 17 COCO points, or
   * BlazePose's in BLAZEPOSE_POINTS order (COCO's 17, then heels and toes); with `mask`,
   * that part of the frame is blacked out first (to look for someone else).
   */
  estimate(frame: PoseFrame, crop: CropBox, mask?: Rect): RawPoint[];
}

let backendReady: Promise<void> | undefined;

/** Starts TensorFlow.js's WebAssembly backend, loading its .wasm files from the installed package. */
function initBackend(): Promise<void> {
  backendReady ??= (async () => {
    const require = createRequire(import.meta.url);
    setWasmPaths(`${dirname(require.resolve("@tensorflow/tfjs-backend-wasm"))}/`);
    await tf.setBackend("wasm");
    await tf.ready();
  })();
  return backendReady;
}

/** Blacks out the part of the model's input (size × size RGB) that shows `mask` of the frame. */
function blackOut(
  target: { out: Int32Array; size: number },
  boxes: { crop: CropBox; mask: Rect },
): void {
  const { out, size } = target;
  const { crop, mask } = boxes;
  const toInput = (v: number, origin: number) => ((v - origin) / crop.size) * size;
  const x0 = Math.max(0, Math.floor(toInput(mask.x, crop.x)));
  const x1 = Math.min(size, Math.ceil(toInput(mask.x + mask.width, crop.x)));
  const y0 = Math.max(0, Math.floor(toInput(mask.y, crop.y)));
  const y1 = Math.min(size, Math.ceil(toInput(mask.y + mask.height, crop.y)));
  for (let y = y0; y < y1; y++) out.fill(0, (y * size + x0) * 3, (y * size + Math.max(x0, x1)) * 3);
}

/** Loads a pose model (MoveNet or BlazePose) from the installed weights. */
export async function loadPoseModel(kind: PoseModelKind): Promise<PoseModel> {
  await initBackend();
  const spec = POSE_MODELS[kind];
  const files = readModelFiles(kind);
  const model = await loadGraphModel(
    tf.io.fromMemory({
      modelTopology: files.json.modelTopology as tf.io.ModelJSON["modelTopology"],
      weightSpecs: files.json.weightsManifest.flatMap(
        (group) => group.weights,
      ) as tf.io.WeightsManifestEntry[],
      weightData: files.weights,
    }),
  );
  const size = spec.inputSize;
  const input = new Int32Array(size * size * 3);
  // BlazePose takes RGB as floats in 0–1.
  const unit = spec.family === "blazepose" ? new Float32Array(size * size * 3) : undefined;
  return {
    kind,
    inputSize: size,
    estimate(frame, crop, mask) {
      const { pixels, width, height } = frame;
      const target = { out: input, size };
      if (frame.format === "yuv420p") cropResizeYuv({ yuv: pixels, width, height }, crop, target);
      else cropResize({ rgb: pixels, width, height }, crop, target);
      if (mask) blackOut(target, { crop, mask });
      if (unit) {
        for (let i = 0; i < input.length; i++) unit[i] = (input[i] ?? 0) / 255;
        const [landmarks, flag] = tf.tidy(
          () =>
            // The outputs named ld_3d (landmarks) and output_poseflag in the model's signature.
            model.execute(tf.tensor4d(unit, [1, size, size, 3]), [
              "Identity_2",
              "Identity_3",
            ]) as tf.Tensor[],
        );
        const points = fromBlazePose(
          { landmarks: landmarks?.dataSync() ?? [], poseFlag: flag?.dataSync()[0] ?? 0 },
          crop,
          size,
        );
        landmarks?.dispose();
        flag?.dispose();
        return points;
      }
      const output = tf.tidy(
        () => model.execute(tf.tensor4d(input, [1, size, size, 3], "int32")) as tf.Tensor,
      );
      const values = output.dataSync();
      output.dispose();
      return fromCrop(values, crop, 17);
    },
  };
}
