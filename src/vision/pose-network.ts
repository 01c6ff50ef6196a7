/**
 * The seam between hipcheck's pose pipeline and the runtime that runs a network: the model's
 * input for one crop in, its outputs out. ONNX Runtime (onnxruntime-node) is the default in
 * Node; TensorFlow.js on WebAssembly is the fallback, and serves any model without an ONNX file.
 */
import { onnxModelPath, type PoseModelKind } from "./model-files.js";

export const POSE_BACKENDS = ["onnx", "tfjs"] as const;
export type PoseBackend = (typeof POSE_BACKENDS)[number];

/** What one run of a network gives, in the shape of its family's TF.js graph outputs. */
export type NetworkOutput =
  /** MoveNet: 17 × (y, x, score), y and x normalised to the crop. */
  | { family: "movenet"; keypoints: Float32Array }
  /** BlazePose: `ld_3d` (39 × 5, input pixels and logits) and the person-present score 0–1. */
  | { family: "blazepose"; landmarks: Float32Array; poseFlag: number };

export interface PoseNetwork {
  backend: PoseBackend;
  /** MoveNet takes RGB as int32 0–255, BlazePose as float32 0–1; size × size × 3, row-major. */
  run(input: Int32Array | Float32Array): Promise<NetworkOutput>;
}

/** The backend used when none is asked for: ONNX Runtime where the model has an ONNX file. */
export function defaultBackend(kind: PoseModelKind): PoseBackend {
  return onnxModelPath(kind) ? "onnx" : "tfjs";
}
