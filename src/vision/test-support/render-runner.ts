/**
 * Renders the synthetic runner of the movement tests as a simple human figure (limbs as thick
 * strokes, head, clothes) on a plain background, and encodes clips with ffmpeg: the small
 * videos that the vision tests and the benchmark use. Nothing is downloaded.
 */
import { spawn } from "node:child_process";
import type { KeypointName } from "../../core/movement/keypoints.types.js";
import {
  bodyAt,
  cameraFor,
  DEFAULT_RUNNER,
  type RunnerSpec,
} from "../../core/movement/test-support/synthetic-runner.js";
import { project, type Vec3 } from "../../core/movement/test-support/virtual-camera.js";
import { type Canvas, type Colour, drawLine, fillDisc, fillRect, type Point } from "../draw.js";
import { findFfmpeg } from "../ffmpeg.js";

/** How the clip looks: a lit runner indoors, or a dark outline against the sky. */
export type Look = "plain" | "silhouette";

interface Palette {
  skin: Colour;
  shirt: Colour;
  shorts: Colour;
  shoe: Colour;
}

const PALETTES: Record<Look, Palette> = {
  plain: {
    skin: [224, 172, 138],
    shirt: [30, 90, 200],
    shorts: [35, 35, 40],
    shoe: [240, 240, 240],
  },
  // Backlit: every part of the body the same near-black, so left and right look alike.
  silhouette: { skin: [28, 26, 30], shirt: [28, 26, 30], shorts: [28, 26, 30], shoe: [28, 26, 30] },
};

/**
 * Draws the runner at `moment.t` seconds into `canvas` (the spec's camera scaled by
 * `moment.scale`), moved by `shift` metres (x along the running direction, z to the side), over a
 * fresh background unless `background` is false.
 */
export function renderRunner(
  canvas: Canvas,
  spec: RunnerSpec,
  moment: {
    t: number;
    scale: number;
    shift?: Vec3;
    background?: boolean;
    look?: Look;
    /** Sideways offset of the scenery, px: a camera panning to follow the runner. */
    panPx?: number;
  },
): void {
  const { t, scale } = moment;
  const look = moment.look ?? "plain";
  const { skin: SKIN, shirt: SHIRT, shorts: SHORTS, shoe: SHOE } = PALETTES[look];
  const shift = moment.shift ?? [0, 0, 0];
  const camera = cameraFor(spec);
  const body = bodyAt(spec, t);
  if (moment.background !== false) paintBackground(canvas, look, moment.panPx ?? 0);
  const px = (p: Vec3 | undefined) => {
    const q = p
      ? project(camera, [p[0] + shift[0], p[1] + shift[1], p[2] + shift[2]])
      : { x: Number.NaN, y: Number.NaN };
    return { x: q.x * scale, y: q.y * scale };
  };
  const metre = (camera.focalPx / (spec.cameraDistance ?? 4)) * scale;
  const at = (name: KeypointName) => px(body[name]);
  const limb = (from: Point, to: Point, style: { colour: Colour; thickness: number }) =>
    drawLine(canvas, { from, to }, style);
  const ls = body.leftShoulder;
  const rs = body.rightShoulder;
  // Arms swing opposite to the legs.
  const arm = (side: "left" | "right") => {
    const shoulder = side === "left" ? ls : rs;
    const knee = body[side === "left" ? "rightKnee" : "leftKnee"];
    if (!shoulder || !knee) return;
    const swing = (knee[0] ?? 0) * 0.8;
    const elbow: Vec3 = [shoulder[0] + swing * 0.4, shoulder[1] - 0.28, shoulder[2]];
    const wrist: Vec3 = [elbow[0] + 0.22 + swing * 0.2, elbow[1] + 0.05, shoulder[2] * 0.8];
    limb(px(shoulder), px(elbow), { colour: SKIN, thickness: 0.08 * metre });
    limb(px(elbow), px(wrist), { colour: SKIN, thickness: 0.07 * metre });
  };
  const leg = (side: "left" | "right") => {
    limb(at(`${side}Hip`), at(`${side}Knee`), {
      colour: SKIN,
      thickness: 0.15 * metre,
    });
    limb(at(`${side}Knee`), at(`${side}Ankle`), {
      colour: SKIN,
      thickness: 0.1 * metre,
    });
    limb(at(`${side}Heel`), at(`${side}BigToe`), {
      colour: SHOE,
      thickness: 0.08 * metre,
    });
    const hip = at(`${side}Hip`);
    const knee = at(`${side}Knee`);
    limb(
      hip,
      { x: hip.x + (knee.x - hip.x) * 0.4, y: hip.y + (knee.y - hip.y) * 0.4 },
      { colour: SHORTS, thickness: 0.17 * metre },
    );
  };
  // Far side first, so the near limbs overlap it.
  const far = spec.view === "side" ? "left" : "right";
  const near = far === "left" ? "right" : "left";
  arm(far);
  leg(far);
  const hipMid = px(body.leftHip && body.rightHip ? mid(body.leftHip, body.rightHip) : undefined);
  const shoulderMid = px(ls && rs ? mid(ls, rs) : undefined);
  limb(hipMid, shoulderMid, { colour: SHIRT, thickness: 0.34 * metre });
  limb(at("leftHip"), at("rightHip"), { colour: SHORTS, thickness: 0.16 * metre });
  leg(near);
  arm(near);
  const nose = body.nose;
  if (nose)
    fillDisc(canvas, { ...px([nose[0] - 0.1, nose[1] - 0.02, nose[2]]), r: 0.11 * metre }, SKIN);
}

/**
 * Wall above, floor below the horizon (or sky and dark ground for a silhouette), with posts
 * every 160 px that slide by `panPx` when the camera pans.
 */
function paintBackground(canvas: Canvas, look: Look, panPx: number): void {
  const horizon = canvas.height * 0.55;
  const [upper, lower, post]: Colour[] =
    look === "silhouette"
      ? [
          [190, 215, 240],
          [60, 62, 58],
          [90, 95, 85],
        ]
      : [
          [200, 205, 210],
          [120, 110, 100],
          [170, 175, 182],
        ];
  fillRect(
    canvas,
    { x: 0, y: 0, width: canvas.width, height: horizon },
    { colour: upper as Colour },
  );
  fillRect(
    canvas,
    { x: 0, y: horizon, width: canvas.width, height: canvas.height - horizon },
    { colour: lower as Colour },
  );
  if (panPx === 0 && look === "plain") return;
  const spacing = 0.15 * canvas.width;
  const width = spacing * 0.3;
  const offset = ((-panPx % spacing) + spacing) % spacing;
  for (let x = offset - spacing; x < canvas.width; x += spacing) {
    fillRect(
      canvas,
      { x, y: horizon * 0.6, width, height: horizon * 0.4 + 4 },
      { colour: post as Colour },
    );
  }
}

const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];

/** A second runner in the picture: moved by `shift` metres and `delayS` seconds out of step. */
export interface Companion {
  shift: Vec3;
  delayS: number;
}

/**
 * Writes an H.264 clip of the synthetic runner to `path`. `scale` shrinks the 1920 × 1080
 * camera (0.25 gives 480 × 270); `companion` adds a second runner; returns the spec used.
 */
export async function writeRunnerVideo(
  path: string,
  options: Partial<RunnerSpec> & {
    scale?: number;
    companion?: Companion;
    look?: Look;
    /** The camera panning: the scenery slides this many px (at scale 1) per second. */
    panPxPerS?: number;
    /** Slow motion: frames filmed at the spec's fps are stored at this rate. */
    storedFps?: number;
    /** With storedFps: also record the capture rate as an Android phone does. */
    tagCaptureFps?: boolean;
  } = {},
): Promise<RunnerSpec> {
  const {
    scale = 1,
    companion,
    look,
    panPxPerS = 0,
    storedFps,
    tagCaptureFps,
    ...overrides
  } = options;
  const spec: RunnerSpec = { ...DEFAULT_RUNNER, durationS: 4, ...overrides };
  const camera = cameraFor(spec);
  const width = 2 * Math.round((camera.width * scale) / 2);
  const height = 2 * Math.round((camera.height * scale) / 2);
  const child = spawn(
    findFfmpeg(),
    [
      "-v",
      "error",
      "-y",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-s",
      `${width}x${height}`,
      "-r",
      String(storedFps ?? spec.fps),
      "-i",
      "pipe:0",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-pix_fmt",
      "yuv420p",
      ...(storedFps && tagCaptureFps
        ? ["-movflags", "use_metadata_tags", "-metadata", `com.android.capture.fps=${spec.fps}`]
        : []),
      path,
    ],
    { stdio: ["pipe", "ignore", "pipe"] },
  );
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const done = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  const canvas: Canvas = { width, height, rgb: new Uint8Array(width * height * 3) };
  const frames = Math.round(spec.durationS * spec.fps);
  for (let i = 0; i < frames; i++) {
    const t = i / spec.fps;
    const scene = { scale, ...(look ? { look } : {}), panPx: panPxPerS * scale * t };
    if (companion) {
      renderRunner(canvas, spec, { ...scene, t: t + companion.delayS, shift: companion.shift });
      renderRunner(canvas, spec, { ...scene, t, background: false });
    } else {
      renderRunner(canvas, spec, { ...scene, t });
    }
    if (!child.stdin.write(canvas.rgb))
      await new Promise((resolve) => child.stdin.once("drain", resolve));
  }
  child.stdin.end();
  if ((await done) !== 0) throw new Error(`ffmpeg could not encode the test video: ${errors}`);
  return spec;
}
