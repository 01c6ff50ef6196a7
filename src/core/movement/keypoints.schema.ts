import { z } from "zod";
import { parseWith } from "../errors.js";
import {
  type CameraView,
  KEYPOINT_NAMES,
  type KeypointName,
  type KeypointSeries,
} from "./keypoints.types.js";
import { buildSeries, type FramePeople, type PersonPoints } from "./series-builder.js";

/** The `format` value that marks a hipcheck keypoint file. */
export const HIPCHECK_KEYPOINTS_FORMAT = "hipcheck-keypoints";

const finite = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine(Number.isFinite, `${what} must be finite`);

const pointSchema = z.tuple(
  [
    finite("x (pixels)"),
    finite("y (pixels)"),
    z
      .number({ error: "score must be a number" })
      .min(0, "score must be between 0 and 1")
      .max(1, "score must be between 0 and 1"),
  ],
  { error: "a point must be [x, y, score]: pixels, pixels, 0–1" },
);

const frameSchema = z
  .object({
    t: z.number().min(0, "frame time must be 0 s or later").optional(),
    points: z.partialRecord(z.enum(KEYPOINT_NAMES), pointSchema),
  })
  .strict();

const viewSchema = z.enum(["rear", "front", "side"]);

const count = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} cannot be negative`);
const share = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .min(0, `${what} must be between 0 and 1`)
    .max(1, `${what} must be between 0 and 1`);

// What the video showed beyond the one person's points, kept so a re-run warns as the first run did.
const peopleSchema = z
  .object({ maxInFrame: count("maxInFrame"), framesWithSeveral: count("framesWithSeveral") })
  .strict();
const cameraMotionSchema = z
  .object({
    checks: count("checks"),
    movingShare: share("movingShare"),
    speed: z.number({ error: "speed must be a number" }).min(0, "speed cannot be negative"),
  })
  .strict();

export const hipcheckKeypointsSchema = z
  .object({
    format: z.literal(HIPCHECK_KEYPOINTS_FORMAT, {
      error: `format must be "${HIPCHECK_KEYPOINTS_FORMAT}"`,
    }),
    version: z.literal(1, { error: "version must be 1" }),
    model: z.string().min(1, "model must name the pose model or tool, e.g. movenet-lightning"),
    fps: z
      .number({ error: "fps must be a number" })
      .min(1, "fps must be between 1 and 1000 frames per second")
      .max(1000, "fps must be between 1 and 1000 frames per second"),
    width: z
      .number({ error: "width must be a number of pixels" })
      .int("width must be a whole number of pixels")
      .min(16, "width must be between 16 and 10000 pixels")
      .max(10000, "width must be between 16 and 10000 pixels"),
    height: z
      .number({ error: "height must be a number of pixels" })
      .int("height must be a whole number of pixels")
      .min(16, "height must be between 16 and 10000 pixels")
      .max(10000, "height must be between 16 and 10000 pixels"),
    view: viewSchema.optional(),
    people: peopleSchema.optional(),
    cameraMotion: cameraMotionSchema.optional(),
    frames: z.array(frameSchema).min(1, "frames must hold at least one frame"),
  })
  .strict()
  .superRefine((file, ctx) => {
    let last = Number.NEGATIVE_INFINITY;
    file.frames.forEach((frame, index) => {
      const t = frame.t ?? index / file.fps;
      if (t <= last) {
        ctx.addIssue({
          code: "custom",
          path: ["frames", index, "t"],
          message: `frame times must increase: ${t} s follows ${last} s`,
        });
      }
      last = t;
    });
  });

export type HipcheckKeypointsFile = z.input<typeof hipcheckKeypointsSchema>;

/** Reads a hipcheck keypoint file (already parsed from JSON) into a series; throws InputError naming each bad field. */
export function importHipcheckKeypoints(data: unknown): KeypointSeries {
  const file = parseWith(hipcheckKeypointsSchema, data, "keypoint file");
  const frames: FramePeople[] = file.frames.map((frame, index) => {
    const person: PersonPoints = {};
    for (const [name, point] of Object.entries(frame.points) as [
      KeypointName,
      [number, number, number] | undefined,
    ][]) {
      if (point) person[name] = { x: point[0], y: point[1], score: point[2] };
    }
    return { t: frame.t ?? index / file.fps, people: [person] };
  });
  const meta: { fps: number; width: number; height: number; model: string; view?: CameraView } = {
    fps: file.fps,
    width: file.width,
    height: file.height,
    model: file.model,
  };
  if (file.view) meta.view = file.view;
  const series = buildSeries(frames, meta);
  if (file.people) series.people = file.people;
  if (file.cameraMotion) series.cameraMotion = file.cameraMotion;
  return series;
}

/** Writes a series as a hipcheck keypoint file (plain JSON-ready object); missing points are left out. */
export function exportHipcheckKeypoints(series: KeypointSeries): HipcheckKeypointsFile {
  const names = Object.keys(series.tracks) as KeypointName[];
  const round = (value: number, places: number) => {
    const f = 10 ** places;
    return Math.round(value * f) / f;
  };
  const frames = Array.from(series.t, (t, i) => {
    const points: Partial<Record<KeypointName, [number, number, number]>> = {};
    for (const name of names) {
      const track = series.tracks[name];
      const score = track?.score[i] ?? 0;
      if (!track || score <= 0) continue;
      points[name] = [round(track.x[i] ?? 0, 2), round(track.y[i] ?? 0, 2), round(score, 3)];
    }
    return { t: round(t, 5), points };
  });
  const file: HipcheckKeypointsFile = {
    format: HIPCHECK_KEYPOINTS_FORMAT,
    version: 1,
    model: series.model,
    fps: series.fps,
    width: series.width,
    height: series.height,
    frames,
  };
  if (series.view) file.view = series.view;
  if (series.people) file.people = series.people;
  if (series.cameraMotion) file.cameraMotion = series.cameraMotion;
  return file;
}
