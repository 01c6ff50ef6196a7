/**
 * Pose networks on ONNX Runtime (onnxruntime-node, CPU): the ONNX files made from the TF.js
 * models by scripts/convert-pose-models.ts. MoveNet's file ends at the network's heads, which
 * movenet-decode.ts turns into keypoints. One session per worker thread, one thread per session:
 * the pool already keeps every core busy.
 */
import * as ort from "onnxruntime-node";
import { BLAZEPOSE_OUTPUTS } from "./blazepose.js";
import { onnxModelPath, POSE_MODELS, type PoseModelKind } from "./model-files.js";
import { decodeMoveNet, MOVENET_OUTPUTS } from "./movenet-decode.js";
import type { PoseNetwork } from "./pose-network.js";

// ONNX Runtime's own warnings (e.g. that it cannot keep a telemetry id in a read-only home) are
// written straight to stderr with terminal colours; failures still arrive as errors here.
ort.env.logLevel = "error";

/** Opens a model's ONNX session; throws naming the file when there is none. */
export async function openOnnxSession(kind: PoseModelKind): Promise<ort.InferenceSession> {
  const path = onnxModelPath(kind);
  if (!path)
    throw new Error(
      `The ONNX file of ${POSE_MODELS[kind].name} is missing (run npm run models:onnx, or use --backend tfjs).`,
    );
  try {
    return await ort.InferenceSession.create(path, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `ONNX Runtime could not load ${path} (${reason}); run npm run models:onnx to make it again, or use --backend tfjs.`,
    );
  }
}

function float32(output: ort.Tensor | undefined, name: string): Float32Array {
  if (!output || !(output.data instanceof Float32Array))
    throw new Error(`the pose model gave no float output ${name}`);
  return output.data;
}

/** A pose network on ONNX Runtime. */
export async function loadOnnxNetwork(kind: PoseModelKind): Promise<PoseNetwork> {
  const spec = POSE_MODELS[kind];
  const session = await openOnnxSession(kind);
  const size = spec.inputSize;
  const dims = [1, size, size, 3];
  return {
    backend: "onnx",
    async run(data) {
      const input =
        data instanceof Int32Array
          ? new ort.Tensor("int32", data, dims)
          : new ort.Tensor("float32", data, dims);
      const out = await session.run({ input });
      if (spec.family === "movenet") {
        const heatmap = out[MOVENET_OUTPUTS.heatmap];
        const keypoints = decodeMoveNet({
          center: float32(out[MOVENET_OUTPUTS.center], MOVENET_OUTPUTS.center),
          heatmap: float32(heatmap, MOVENET_OUTPUTS.heatmap),
          regress: float32(out[MOVENET_OUTPUTS.regress], MOVENET_OUTPUTS.regress),
          offset: float32(out[MOVENET_OUTPUTS.offset], MOVENET_OUTPUTS.offset),
          grid: Number(heatmap?.dims[1]),
        });
        return { family: "movenet", keypoints };
      }
      const landmarks = float32(out[BLAZEPOSE_OUTPUTS.landmarks], BLAZEPOSE_OUTPUTS.landmarks);
      const flag = float32(out[BLAZEPOSE_OUTPUTS.poseFlag], BLAZEPOSE_OUTPUTS.poseFlag);
      return { family: "blazepose", landmarks, poseFlag: flag[0] ?? 0 };
    },
  };
}
