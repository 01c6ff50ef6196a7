/**
 * Pose networks on TensorFlow.js's WebAssembly backend: the TF.js graph models as shipped,
 * MoveNet with its own decoding. One instance per thread.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { type GraphModel, loadGraphModel } from "@tensorflow/tfjs-converter";
import * as tf from "@tensorflow/tfjs-core";
import { POSE_MODELS, type PoseModelKind, readModelFiles } from "./model-files.js";
import type { PoseNetwork } from "./pose-network.js";

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

/** Loads a model's TF.js graph from the installed weights. */
export async function loadTfjsGraph(kind: PoseModelKind): Promise<GraphModel> {
  await initBackend();
  const files = readModelFiles(kind);
  return loadGraphModel(
    tf.io.fromMemory({
      modelTopology: files.json.modelTopology as tf.io.ModelJSON["modelTopology"],
      weightSpecs: files.json.weightsManifest.flatMap(
        (group) => group.weights,
      ) as tf.io.WeightsManifestEntry[],
      weightData: files.weights,
    }),
  );
}

/** Runs `model` on one input and reads the named outputs (all of them float32). */
export function executeTfjs(
  model: GraphModel,
  input: { data: Int32Array | Float32Array; size: number },
  outputs?: string[],
): Float32Array[] {
  const { data, size } = input;
  const results = tf.tidy(() => {
    const x =
      data instanceof Int32Array
        ? tf.tensor4d(data, [1, size, size, 3], "int32")
        : tf.tensor4d(data, [1, size, size, 3]);
    const out = outputs ? model.execute(x, outputs) : model.execute(x);
    return Array.isArray(out) ? out : [out];
  });
  const values = results.map((t) => t.dataSync() as Float32Array);
  for (const t of results) t.dispose();
  return values;
}

/** A pose network on TF.js. */
export async function loadTfjsNetwork(kind: PoseModelKind): Promise<PoseNetwork> {
  const spec = POSE_MODELS[kind];
  const model = await loadTfjsGraph(kind);
  const size = spec.inputSize;
  return {
    backend: "tfjs",
    async run(data) {
      if (spec.family === "movenet") {
        const [keypoints = new Float32Array()] = executeTfjs(model, { data, size });
        return { family: "movenet", keypoints };
      }
      // The outputs named ld_3d (landmarks) and output_poseflag in the model's signature.
      const [landmarks = new Float32Array(), flag] = executeTfjs(model, { data, size }, [
        "Identity_2",
        "Identity_3",
      ]);
      return { family: "blazepose", landmarks, poseFlag: flag?.[0] ?? 0 };
    },
  };
}
