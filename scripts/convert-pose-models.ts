/**
 * Converts the vendored TensorFlow.js pose models into ONNX files beside them
 * (src/vision/models/*.onnx) and writes their checksums (src/vision/models/SHA256SUMS). The
 * output depends only on the input files: run it again and the bytes are the same.
 * Run: npm run models:onnx
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { POSE_MODELS } from "../src/vision/model-files.js";
import { CONVERTED_MODELS, checksumLines, convertPoseModel } from "./onnx/pose-models.js";

const folder = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "vision", "models");
const files = new Map<string, Uint8Array>();
for (const kind of CONVERTED_MODELS) {
  const name = `${POSE_MODELS[kind].fileStem}.onnx`;
  const bytes = convertPoseModel(kind);
  writeFileSync(join(folder, name), bytes);
  files.set(name, bytes);
  console.log(`${name}: ${(bytes.length / 1e6).toFixed(1)} MB`);
}
writeFileSync(join(folder, "SHA256SUMS"), checksumLines(files));
