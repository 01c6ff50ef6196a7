/**
 * What the converter makes of each vendored pose model: which TF.js graph nodes become the
 * ONNX file's outputs. MoveNet's graph ends in its own arg-max decoding (ArgMax, GatherNd and
 * friends); the ONNX file stops before it, at the network's heads, and hipcheck decodes those
 * in TypeScript (src/vision/movenet-decode.ts).
 */
import { createHash } from "node:crypto";
import { BLAZEPOSE_OUTPUTS } from "../../src/vision/blazepose.js";
import { POSE_MODELS, type PoseModelKind, readModelFiles } from "../../src/vision/model-files.js";
import { MOVENET_OUTPUTS } from "../../src/vision/movenet-decode.js";
import { readTfGraph } from "./tfjs-graph.js";
import type { ConversionSpec } from "./tfjs-to-onnx.js";
import { convertTfGraph } from "./tfjs-to-onnx.js";

/** The models converted to ONNX, in the order the checksum file lists them. */
export const CONVERTED_MODELS: readonly PoseModelKind[] = ["lightning", "thunder", "blazepose"];

export const MOVENET_NODES: Record<(typeof MOVENET_OUTPUTS)[keyof typeof MOVENET_OUTPUTS], string> =
  {
    // The person-centre heatmap already weighted towards the middle of the crop (`truediv_2`).
    [MOVENET_OUTPUTS.center]: "StatefulPartitionedCall/truediv_2",
    [MOVENET_OUTPUTS.heatmap]: "StatefulPartitionedCall/Sigmoid",
    [MOVENET_OUTPUTS.regress]: "StatefulPartitionedCall/kpt_regress_0/conv2d_6/BiasAdd",
    [MOVENET_OUTPUTS.offset]: "StatefulPartitionedCall/kpt_offset_0/conv2d_7/BiasAdd",
  };

export const BLAZEPOSE_NODES: Record<
  (typeof BLAZEPOSE_OUTPUTS)[keyof typeof BLAZEPOSE_OUTPUTS],
  string
> = {
  // `ld_3d` and `output_poseflag` in the model's signature.
  [BLAZEPOSE_OUTPUTS.landmarks]: "Identity_2",
  [BLAZEPOSE_OUTPUTS.poseFlag]: "Identity_3",
};

function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Converts one model from its installed TF.js files; the same files give the same bytes. */
export function convertPoseModel(kind: PoseModelKind): Uint8Array {
  const spec = POSE_MODELS[kind];
  const files = readModelFiles(kind);
  const graph = readTfGraph(files.json, files.weights);
  const size = spec.inputSize;
  const movenet = spec.family === "movenet";
  const conversion: ConversionSpec = {
    name: spec.name,
    doc: `${spec.name}, converted from its TensorFlow.js graph model by hipcheck's scripts/convert-pose-models.ts.`,
    input: {
      name: "input",
      type: movenet ? "int32" : "float32",
      shape: [1, size, size, 3],
    },
    outputs: movenet ? MOVENET_NODES : BLAZEPOSE_NODES,
    metadata: {
      "source.json.sha256": sha256(JSON.stringify(files.json)),
      "source.weights.sha256": sha256(new Uint8Array(files.weights)),
    },
  };
  return convertTfGraph(graph, conversion);
}

/** The checksum file's text: `sha256sum` format, one line per model file. */
export function checksumLines(files: ReadonlyMap<string, Uint8Array>): string {
  return [...files].map(([name, bytes]) => `${sha256(bytes)}  ${name}\n`).join("");
}
