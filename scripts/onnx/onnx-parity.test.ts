/**
 * The converted models against the TF.js ones they come from, on identical inputs: fixed crops
 * of rendered runner frames (rear and side view, several moments, around the runner and the
 * whole frame). Raw outputs (MoveNet's four heads, BlazePose's landmarks) and the decoded points
 * must agree within 1e-3, positions taken as fractions of the model's input.
 */
import type { GraphModel } from "@tensorflow/tfjs-converter";
import type { InferenceSession } from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COCO_17_ORDER } from "../../src/core/movement/coco.import.js";
import type { RawPoint } from "../../src/core/movement/keypoints.types.js";
import {
  DEFAULT_RUNNER,
  syntheticRun,
} from "../../src/core/movement/test-support/synthetic-runner.js";
import { type CropBox, cropAround, cropResize, fullFrameCrop } from "../../src/vision/crop.js";
import type { Canvas } from "../../src/vision/draw.js";
import { POSE_MODELS, type PoseModelKind } from "../../src/vision/model-files.js";
import { loadPoseModel, type PoseFrame, type PoseModel } from "../../src/vision/pose-model.js";
import { openOnnxSession } from "../../src/vision/pose-onnx.js";
import { executeTfjs, loadTfjsGraph } from "../../src/vision/pose-tfjs.js";
import { renderRunner } from "../../src/vision/test-support/render-runner.js";
import { BLAZEPOSE_NODES, CONVERTED_MODELS, MOVENET_NODES } from "./pose-models.js";

const TOLERANCE = 1e-3;
const SCALE = 0.5;

/** Rendered frames (960 × 540 RGB) and two crops of each: around the true body, and whole. */
function fixedCrops(): { frame: PoseFrame; crop: CropBox }[] {
  const out: { frame: PoseFrame; crop: CropBox }[] = [];
  for (const view of ["rear", "side"] as const) {
    const spec = { ...DEFAULT_RUNNER, view, fps: 30, durationS: 1 };
    const truth = syntheticRun(spec).series;
    for (const index of [0, 5, 10, 20]) {
      const canvas: Canvas = { width: 960, height: 540, rgb: new Uint8Array(960 * 540 * 3) };
      renderRunner(canvas, spec, { t: index / spec.fps, scale: SCALE });
      const frame: PoseFrame = { pixels: canvas.rgb, width: 960, height: 540, format: "rgb24" };
      const points: RawPoint[] = COCO_17_ORDER.map((name) => {
        const track = truth.tracks[name];
        return {
          x: SCALE * (track?.x[index] ?? 0),
          y: SCALE * (track?.y[index] ?? 0),
          score: track?.score[index] ?? 0,
        };
      });
      out.push({ frame, crop: cropAround(points, 960, 540) });
      out.push({ frame, crop: fullFrameCrop(960, 540) });
    }
  }
  return out;
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return worst;
}

const crops = fixedCrops();

describe.each(CONVERTED_MODELS)("%s on ONNX Runtime against TF.js", (kind: PoseModelKind) => {
  const spec = POSE_MODELS[kind];
  const size = spec.inputSize;
  const nodes: Record<string, string> = spec.family === "movenet" ? MOVENET_NODES : BLAZEPOSE_NODES;
  let graph: GraphModel;
  let session: InferenceSession;
  const models: Partial<Record<"onnx" | "tfjs", PoseModel>> = {};
  beforeAll(async () => {
    graph = await loadTfjsGraph(kind);
    session = await openOnnxSession(kind);
    models.onnx = await loadPoseModel(kind, "onnx");
    models.tfjs = await loadPoseModel(kind, "tfjs");
  });
  afterAll(() => graph?.dispose());

  it("gives the TF.js graph's raw outputs on the same crops", { timeout: 180_000 }, async () => {
    const ort = await import("onnxruntime-node");
    let worst = 0;
    for (const { frame, crop } of crops) {
      const rgb = new Int32Array(size * size * 3);
      cropResize({ rgb: frame.pixels, width: frame.width, height: frame.height }, crop, {
        out: rgb,
        size,
      });
      const data = spec.family === "movenet" ? rgb : Float32Array.from(rgb, (v) => v / 255);
      const expected = executeTfjs(graph, { data, size }, Object.values(nodes));
      const feed =
        data instanceof Int32Array
          ? new ort.Tensor("int32", data, [1, size, size, 3])
          : new ort.Tensor("float32", data, [1, size, size, 3]);
      const got = await session.run({ input: feed });
      Object.keys(nodes).forEach((name, k) => {
        const values = got[name]?.data as Float32Array;
        const reference = expected[k] ?? new Float32Array();
        // Positions as fractions of the input, as the points are used: BlazePose's landmarks
        // are in input pixels, MoveNet's regressions and offsets in grid cells (input / 4).
        const unit = name === "landmarks" ? size : /regress|offset/.test(name) ? size / 4 : 1;
        const difference = maxDifference(
          values.map((v) => v / unit),
          reference.map((v) => v / unit),
        );
        worst = Math.max(worst, difference);
      });
    }
    expect(worst).toBeLessThan(TOLERANCE);
  });

  it("finds the same points as the TF.js model (MoveNet: decoded in TypeScript)", {
    timeout: 180_000,
  }, async () => {
    let worst = 0;
    for (const { frame, crop } of crops) {
      const [onnx, tfjs] = await Promise.all([
        models.onnx?.estimate(frame, crop),
        models.tfjs?.estimate(frame, crop),
      ]);
      // Positions as fractions of the crop, scores as they are.
      const flat = (points: RawPoint[] = []) =>
        points.flatMap((p) => [(p.x - crop.x) / crop.size, (p.y - crop.y) / crop.size, p.score]);
      expect(onnx).toHaveLength(tfjs?.length ?? -1);
      worst = Math.max(worst, maxDifference(flat(onnx), flat(tfjs)));
    }
    expect(worst).toBeLessThan(TOLERANCE);
  });
});
