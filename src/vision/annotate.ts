/**
 * Pictures a clinician can show the runner: the frame, the skeleton, and the angle that
 * matters drawn and labelled (pelvic drop at its largest, each foot's contact).
 */
import { PNG } from "pngjs";
import type { KeypointName, KeypointSeries } from "../core/movement/keypoints.types.js";
import type { RunningAnalysis, StepRecord } from "../core/movement/running-analysis.js";
import type { Side } from "../core/side.js";
import {
  type Canvas,
  type Colour,
  drawDashed,
  drawLabel,
  drawLine,
  fillDisc,
  type Point,
} from "./draw.js";

const BONES: readonly [KeypointName, KeypointName][] = [
  ["leftShoulder", "rightShoulder"],
  ["leftShoulder", "leftElbow"],
  ["leftElbow", "leftWrist"],
  ["rightShoulder", "rightElbow"],
  ["rightElbow", "rightWrist"],
  ["leftShoulder", "leftHip"],
  ["rightShoulder", "rightHip"],
  ["leftHip", "rightHip"],
  ["leftHip", "leftKnee"],
  ["leftKnee", "leftAnkle"],
  ["rightHip", "rightKnee"],
  ["rightKnee", "rightAnkle"],
  ["leftAnkle", "leftHeel"],
  ["leftHeel", "leftBigToe"],
  ["rightAnkle", "rightHeel"],
  ["rightHeel", "rightBigToe"],
];
const LEFT: Colour = [255, 170, 0];
const RIGHT: Colour = [0, 200, 255];
const HIGHLIGHT: Colour = [255, 40, 90];
const WHITE: Colour = [255, 255, 255];
const MIN_SCORE = 0.3;

/** A picture to make: which frame, and what to draw on it. */
export interface PictureRequest {
  frame: number;
  name: string;
  side: Side;
  kind: "pelvic-drop" | "contact";
  step: StepRecord;
}

/** The pictures for a running analysis: the largest pelvic drop and a typical contact, per side. */
export function picturesFor(analysis: RunningAnalysis): PictureRequest[] {
  const out: PictureRequest[] = [];
  for (const side of ["left", "right"] as const) {
    const own = analysis.steps.filter((s) => s.side === side);
    if (own.length === 0) continue;
    if (analysis.view !== "side") {
      const worst = own.reduce((a, b) =>
        (b.values.pelvicDrop ?? -99) > (a.values.pelvicDrop ?? -99) ? b : a,
      );
      out.push({
        frame: worst.midstanceFrame,
        name: `${side}-pelvic-drop.png`,
        side,
        kind: "pelvic-drop",
        step: worst,
      });
    }
    const middle = own[Math.floor(own.length / 2)] ?? own[0];
    if (middle)
      out.push({
        frame: middle.contactFrame,
        name: `${side}-contact.png`,
        side,
        kind: "contact",
        step: middle,
      });
  }
  return out;
}

/** Draws skeleton, angle and labels for `request` on a frame decoded at `scale` × video size. */
export function annotateFrame(
  canvas: Canvas,
  options: {
    series: KeypointSeries;
    request: PictureRequest;
    scale: number;
    view: RunningAnalysis["view"];
  },
): void {
  const { series, request, scale } = options;
  const at = pointsAt(series, { frame: request.frame, scale });
  const thickness = lineWidth(canvas);
  const text = thickness;
  drawSkeleton(canvas, { series, frame: request.frame, scale });
  const side = request.side;
  const other: Side = side === "left" ? "right" : "left";
  const v = request.step.values;
  const lines: string[] = [];
  if (request.kind === "pelvic-drop") {
    const hip = at(`${side}Hip`);
    const hipOther = at(`${other}Hip`);
    if (hip && hipOther) {
      drawLine(
        canvas,
        { from: hip, to: hipOther },
        { colour: HIGHLIGHT, thickness: thickness * 1.5 },
      );
      const reach = Math.abs(hipOther.x - hip.x) * 1.6;
      const dir = hipOther.x > hip.x ? 1 : -1;
      drawDashed(
        canvas,
        { from: hip, to: { x: hip.x + dir * reach, y: hip.y } },
        { colour: WHITE, thickness, dash: thickness * 3 },
      );
    }
    lines.push(`${side} stance: pelvic drop ${fmt(v.pelvicDrop)}°`);
    if (v.kneeFppa !== undefined) lines.push(`${side} knee angle (FPPA) ${fmt(v.kneeFppa)}°`);
    if (v.trunkLean !== undefined) lines.push(`trunk lean ${fmt(v.trunkLean)}°`);
  } else {
    const knee = at(`${side}Knee`);
    const ankle = at(`${side}Ankle`);
    if (knee && ankle && options.view === "side") {
      drawLine(
        canvas,
        { from: knee, to: ankle },
        { colour: HIGHLIGHT, thickness: thickness * 1.5 },
      );
      drawDashed(
        canvas,
        { from: ankle, to: { x: ankle.x, y: ankle.y - Math.abs(ankle.y - knee.y) * 1.2 } },
        { colour: WHITE, thickness, dash: thickness * 3 },
      );
    }
    lines.push(`${side} foot contact at ${request.step.contact.toFixed(2)} s`);
    if (v.kneeFlexionContact !== undefined) lines.push(`knee bend ${fmt(v.kneeFlexionContact)}°`);
    if (v.shankAngleContact !== undefined) lines.push(`shin angle ${fmt(v.shankAngleContact)}°`);
    if (v.footFromMidline !== undefined)
      lines.push(`foot from midline ${fmt(v.footFromMidline, 0)}% hip width`);
  }
  lines.forEach((line, k) => {
    drawLabel(canvas, line, {
      at: { x: 8 * text, y: 8 * text + k * 11 * text },
      colour: WHITE,
      scale: text,
    });
  });
}

/** Line width and text scale for a canvas: about 1/270 of its height, at least 2 pixels. */
function lineWidth(canvas: Canvas): number {
  return Math.max(2, Math.round(canvas.height / 270));
}

/** A frame's points (pixels × `scale`), leaving out those the model was unsure of. */
function pointsAt(
  series: KeypointSeries,
  where: { frame: number; scale: number },
): (name: KeypointName) => Point | undefined {
  const { frame: i, scale } = where;
  return (name) => {
    const track = series.tracks[name];
    if (!track || (track.score[i] ?? 0) < MIN_SCORE) return undefined;
    return { x: (track.x[i] ?? 0) * scale, y: (track.y[i] ?? 0) * scale };
  };
}

/** Draws the skeleton of frame `frame` (left limbs orange, right blue, joints white). */
export function drawSkeleton(
  canvas: Canvas,
  options: { series: KeypointSeries; frame: number; scale: number },
): void {
  const at = pointsAt(options.series, options);
  const thickness = lineWidth(canvas);
  for (const [a, b] of BONES) {
    const p = at(a);
    const q = at(b);
    if (p && q)
      drawLine(
        canvas,
        { from: p, to: q },
        { colour: a.startsWith("left") ? LEFT : RIGHT, thickness },
      );
  }
  for (const name of Object.keys(options.series.tracks) as KeypointName[]) {
    const p = at(name);
    if (p) fillDisc(canvas, { ...p, r: thickness * 1.3 }, WHITE);
  }
}

const fmt = (v: number | undefined, places = 1) => (v === undefined ? "-" : v.toFixed(places));

/** Encodes an RGB canvas as PNG bytes. */
export function encodePng(canvas: Canvas): Buffer {
  const png = new PNG({ width: canvas.width, height: canvas.height });
  for (let p = 0, q = 0; p < canvas.width * canvas.height; p++, q += 3) {
    png.data[p * 4] = canvas.rgb[q] ?? 0;
    png.data[p * 4 + 1] = canvas.rgb[q + 1] ?? 0;
    png.data[p * 4 + 2] = canvas.rgb[q + 2] ?? 0;
    png.data[p * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}
