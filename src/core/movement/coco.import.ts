import { z } from "zod";
import { InputError, parseWith } from "../errors.js";
import { parseImportOptions } from "./import-options.js";
import { KEYPOINT_NAMES, type KeypointName, type KeypointSeries } from "./keypoints.types.js";
import { frameSize } from "./openpose.import.js";
import { buildSeries, type FramePeople, type PersonPoints } from "./series-builder.js";

/** The COCO-17 keypoint order, which is also MoveNet's. */
export const COCO_17_ORDER: readonly KeypointName[] = KEYPOINT_NAMES.slice(0, 17);

const keypointsArray = z
  .array(z.number({ error: "keypoints must hold numbers" }))
  .length(51, "keypoints must hold 17 points as x, y, v triples (51 numbers)");

const annotationSchema = z.object({
  image_id: z.union([z.number(), z.string()]),
  keypoints: keypointsArray,
  score: z.number().optional(),
});

/** COCO annotation file: images (frames) and person annotations with visibility 0/1/2. */
const cocoDatasetSchema = z.object({
  images: z
    .array(
      z.object({
        id: z.union([z.number(), z.string()]),
        width: z.number().optional(),
        height: z.number().optional(),
        file_name: z.string().optional(),
      }),
    )
    .min(1, "images must list at least one frame"),
  annotations: z.array(annotationSchema),
});

/** COCO result file: a flat list of detections whose third value per point is a score. */
const cocoResultsSchema = z.array(annotationSchema).min(1, "the list holds no detections");

type Annotation = z.infer<typeof annotationSchema>;

/**
 * Annotations whose keypoints are not 17 triples, as one problem per run of neighbours with the
 * same count ("[0–599].keypoints: 16 points (48 numbers), expected 17 …"), not one per frame.
 */
function checkPointCounts(annotations: unknown, prefix: string, subject: string): void {
  if (!Array.isArray(annotations)) return;
  const lengths = annotations.map((a: unknown) => {
    const keypoints = (a as { keypoints?: unknown } | null)?.keypoints;
    return Array.isArray(keypoints) ? keypoints.length : undefined;
  });
  const runs: { from: number; to: number; length: number }[] = [];
  lengths.forEach((length, index) => {
    if (length === undefined || length === 51) return;
    const last = runs[runs.length - 1];
    if (last && last.to === index - 1 && last.length === length) last.to = index;
    else runs.push({ from: index, to: index, length });
  });
  if (runs.length === 0) return;
  const points = (n: number) =>
    n % 3 === 0 ? `${n / 3} points (${n} numbers)` : `${n} numbers (not whole x, y, v triples)`;
  throw new InputError(
    runs.map((run) => ({
      path: `${prefix}[${run.from === run.to ? run.from : `${run.from}–${run.to}`}].keypoints`,
      message: `${points(run.length)}, expected 17 points as x, y, v triples (51 numbers)`,
    })),
    subject,
  );
}

function personFromCoco(values: readonly number[], visibilityFlags: boolean): PersonPoints {
  const person: PersonPoints = {};
  COCO_17_ORDER.forEach((name, index) => {
    const x = values[index * 3] ?? 0;
    const y = values[index * 3 + 1] ?? 0;
    const v = values[index * 3 + 2] ?? 0;
    // Annotation files flag visibility (0 unlabelled, 1 hidden, 2 visible); results give a score.
    const score = visibilityFlags ? (v >= 2 ? 1 : v >= 1 ? 0.5 : 0) : Math.min(1, Math.max(0, v));
    if (score > 0) person[name] = { x, y, score };
  });
  return person;
}

function compareIds(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

/**
 * Reads COCO-17 style keypoints (parsed JSON): an annotation file `{images, annotations}` or a
 * results list `[{image_id, keypoints, score}]`. Frames are ordered by image; `options.fps` is required.
 */
export function importCocoKeypoints(data: unknown, options: unknown): KeypointSeries {
  const opts = parseImportOptions(options);
  let frameIds: (number | string)[];
  let annotations: Annotation[];
  let visibilityFlags: boolean;
  let width = opts.width;
  let height = opts.height;
  if (Array.isArray(data)) {
    checkPointCounts(data, "", "COCO keypoint results");
    annotations = parseWith(cocoResultsSchema, data, "COCO keypoint results");
    frameIds = [...new Set(annotations.map((a) => a.image_id))].sort(compareIds);
    visibilityFlags = false;
  } else {
    checkPointCounts(
      (data as { annotations?: unknown } | null)?.annotations,
      "annotations",
      "COCO keypoint file",
    );
    const dataset = parseWith(cocoDatasetSchema, data, "COCO keypoint file");
    frameIds = dataset.images.map((image) => image.id);
    annotations = dataset.annotations;
    visibilityFlags = true;
    width ??= dataset.images[0]?.width;
    height ??= dataset.images[0]?.height;
  }
  const byFrame = new Map<number | string, PersonPoints[]>();
  for (const id of frameIds) byFrame.set(id, []);
  annotations.forEach((annotation, index) => {
    const people = byFrame.get(annotation.image_id);
    if (!people) {
      throw new InputError(
        [
          {
            path: `annotations[${index}].image_id`,
            message: `image ${JSON.stringify(annotation.image_id)} is not in the images list`,
          },
        ],
        "COCO keypoint file",
      );
    }
    people.push(personFromCoco(annotation.keypoints, visibilityFlags));
  });
  const frames: FramePeople[] = frameIds.map((id) => ({ people: byFrame.get(id) ?? [] }));
  return buildSeries(frames, {
    fps: opts.fps,
    ...frameSize(frames, width, height),
    model: "coco17",
    ...(opts.view ? { view: opts.view } : {}),
  });
}
