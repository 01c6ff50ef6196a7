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
import { type CropBox, cropResize, fromCrop } from "./crop.js";
import { POSE_MODELS, type PoseModelKind, readModelFiles } from "./model-files.js";

export interface PoseModel {
  kind: PoseModelKind;
  inputSize: number;
  /** The 17 COCO points of the person inside `crop`, in frame pixels, scores 0–1. */
  estimate(rgb: Uint8Array, frame: { width: number; height: number }, crop: CropBox): RawPoint[];
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

/** Loads a MoveNet model from the installed weights. */
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
  return {
    kind,
    inputSize: size,
    estimate(rgb, frame, crop) {
      cropResize({ rgb, ...frame }, crop, { out: input, size });
      const output = tf.tidy(
        () => model.execute(tf.tensor4d(input, [1, size, size, 3], "int32")) as tf.Tensor,
      );
      const values = output.dataSync();
      output.dispose();
      return fromCrop(values, crop, 17);
    },
  };
}
