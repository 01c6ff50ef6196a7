/**
 * Where the pose models' weights come from: npm packages installed with the project, never a
 * download at run time. MoveNet Lightning ships inside @vladmandic/human (MIT; the model is
 * Google's, Apache-2.0). Thunder and BlazePose (full) are read from HIPCHECK_MODELS_DIR or
 * src/vision/models, where they are vendored with their licence, beside the ONNX files made
 * from all three.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type PoseModelKind = "lightning" | "thunder" | "blazepose";

export interface PoseModelSpec {
  kind: PoseModelKind;
  /** Square input size the model expects, pixels. */
  inputSize: number;
  /** Name recorded in keypoint files. */
  name: string;
  fileStem: string;
  /** MoveNet: 17 COCO points from int32 RGB; BlazePose: 33 landmarks (with heels and toes) from RGB in 0–1. */
  family: "movenet" | "blazepose";
}

export const POSE_MODELS: Readonly<Record<PoseModelKind, PoseModelSpec>> = {
  lightning: {
    kind: "lightning",
    inputSize: 192,
    name: "movenet-lightning",
    fileStem: "movenet-lightning",
    family: "movenet",
  },
  thunder: {
    kind: "thunder",
    inputSize: 256,
    name: "movenet-thunder",
    fileStem: "movenet-thunder",
    family: "movenet",
  },
  blazepose: {
    kind: "blazepose",
    inputSize: 256,
    name: "blazepose-full",
    fileStem: "blazepose-full",
    family: "blazepose",
  },
};

/** A graph model read from disk: its JSON description and its weights. */
export interface ModelFiles {
  json: { modelTopology: unknown; weightsManifest: { weights: unknown[] }[] };
  weights: ArrayBuffer;
}

function folders(): string[] {
  const out: string[] = [];
  if (process.env.HIPCHECK_MODELS_DIR) out.push(process.env.HIPCHECK_MODELS_DIR);
  const here = dirname(fileURLToPath(import.meta.url));
  out.push(join(here, "models"), join(here, "..", "..", "src", "vision", "models"));
  try {
    const require = createRequire(import.meta.url);
    out.push(join(dirname(require.resolve("@vladmandic/human")), "..", "models"));
  } catch {
    // @vladmandic/human missing: only vendored models can be used.
  }
  return out;
}

/** Reads a model's files; throws with the places looked in when they are not installed. */
export function readModelFiles(kind: PoseModelKind): ModelFiles {
  const stem = POSE_MODELS[kind].fileStem;
  for (const folder of folders()) {
    const jsonPath = join(folder, `${stem}.json`);
    const binPath = join(folder, `${stem}.bin`);
    if (!existsSync(jsonPath) || !existsSync(binPath)) continue;
    const json = JSON.parse(readFileSync(jsonPath, "utf8")) as ModelFiles["json"];
    const bin = readFileSync(binPath);
    const weights = bin.buffer.slice(
      bin.byteOffset,
      bin.byteOffset + bin.byteLength,
    ) as ArrayBuffer;
    return { json, weights };
  }
  throw new Error(
    `The ${stem} model is not installed (looked in ${folders().join(", ")}). Lightning comes with npm install (@vladmandic/human); for Thunder and BlazePose put ${stem}.json and ${stem}.bin in one of these folders.`,
  );
}

/**
 * The model's ONNX file (made from its TF.js files by scripts/convert-pose-models.ts, committed
 * beside them), or undefined when it is not installed.
 */
export function onnxModelPath(kind: PoseModelKind): string | undefined {
  const name = `${POSE_MODELS[kind].fileStem}.onnx`;
  return folders()
    .map((folder) => join(folder, name))
    .find((path) => existsSync(path));
}

/** Whether a model's weights are available here. */
export function hasModel(kind: PoseModelKind): boolean {
  try {
    readModelFiles(kind);
    return true;
  } catch {
    return false;
  }
}
