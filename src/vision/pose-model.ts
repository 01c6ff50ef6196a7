/**
 * Single-person pose estimation on one crop of a frame: the crop is cut and scaled to the
 * model's input, then run by a pose network (ONNX Runtime by default, TensorFlow.js as the
 * fallback), and the result is put back in frame pixels. One instance per thread.
 */
import type { RawPoint } from "../core/movement/keypoints.types.js";
import { fromBlazePose } from "./blazepose.js";
import { type CropBox, cropResize, cropResizeYuv, fromCrop } from "./crop.js";
import type { PixelFormat } from "./ffmpeg.js";
import { POSE_MODELS, type PoseModelKind } from "./model-files.js";
import type { Rect } from "./people-check.js";
import { defaultBackend, type PoseBackend, type PoseNetwork } from "./pose-network.js";

/** A decoded frame: its pixels in the layout `format` names. */
export interface PoseFrame {
  pixels: Uint8Array;
  width: number;
  height: number;
  format: PixelFormat;
}

export interface PoseModel {
  kind: PoseModelKind;
  backend: PoseBackend;
  inputSize: number;
  /**
   * The person inside `crop`, in frame pixels, scores 0–1: MoveNet's 17 COCO points, or
   * BlazePose's in BLAZEPOSE_POINTS order (COCO's 17, then heels and toes); with `mask`,
   * that part of the frame is blacked out first (to look for someone else).
   */
  estimate(frame: PoseFrame, crop: CropBox, mask?: Rect): Promise<RawPoint[]>;
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

async function loadNetwork(kind: PoseModelKind, backend: PoseBackend): Promise<PoseNetwork> {
  // Each runtime is loaded only when used: a worker on one backend never starts the other.
  if (backend === "onnx") return (await import("./pose-onnx.js")).loadOnnxNetwork(kind);
  return (await import("./pose-tfjs.js")).loadTfjsNetwork(kind);
}

/** Loads a pose model (MoveNet or BlazePose) on the given backend (default: defaultBackend). */
export async function loadPoseModel(
  kind: PoseModelKind,
  backend: PoseBackend = defaultBackend(kind),
): Promise<PoseModel> {
  const spec = POSE_MODELS[kind];
  const network = await loadNetwork(kind, backend);
  const size = spec.inputSize;
  const input = new Int32Array(size * size * 3);
  // BlazePose takes RGB as floats in 0–1.
  const unit = spec.family === "blazepose" ? new Float32Array(size * size * 3) : undefined;
  return {
    kind,
    backend,
    inputSize: size,
    async estimate(frame, crop, mask) {
      const { pixels, width, height } = frame;
      const target = { out: input, size };
      if (frame.format === "yuv420p") cropResizeYuv({ yuv: pixels, width, height }, crop, target);
      else cropResize({ rgb: pixels, width, height }, crop, target);
      if (mask) blackOut(target, { crop, mask });
      if (unit) for (let i = 0; i < input.length; i++) unit[i] = (input[i] ?? 0) / 255;
      const output = await network.run(unit ?? input);
      if (output.family === "blazepose") return fromBlazePose(output, crop, size);
      return fromCrop(output.keypoints, crop, 17);
    },
  };
}
