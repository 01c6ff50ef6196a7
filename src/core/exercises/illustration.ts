import type {
  Anchor,
  ArrowEnd,
  Illustration,
  Panel,
  Point,
  PoseSpec,
  Prop,
} from "./figure.types.js";
import {
  anchorPoint,
  BODY,
  direction,
  isPoint,
  type ResolvedPose,
  resolvePose,
  step,
} from "./pose.js";

/**
 * Renders exercise figures to SVG text. Pure string building: no DOM, no fonts measured, no
 * external references, so the same figure data always gives the same SVG.
 */

/** Default panel width, world units. */
export const PANEL_WIDTH = 120;
/** Pixels per world unit in the width and height attributes (the viewBox scales freely). */
const PIXELS_PER_UNIT = 2;
const MARGIN = 5;
const CAPTION_SPACE = 11;
const CAPTION_FONT = 7;
/** Average glyph width as a share of the font size, for a sans-serif face. */
const AVERAGE_CHARACTER_WIDTH = 0.55;

const COLOURS = {
  start: { near: "#1e293b", far: "#94a3b8" },
  end: { near: "#60a5fa", far: "#bfdbfe" },
  ground: "#94a3b8",
  propFill: "#e2e8f0",
  propLine: "#94a3b8",
  band: "#16a34a",
  weight: "#475569",
  roller: { fill: "#fde68a", line: "#d97706" },
  ball: { fill: "#bae6fd", line: "#0284c7" },
  arrow: "#ea580c",
  focus: "#f97316",
  caption: "#334155",
} as const;

type Tone = "start" | "end";

/**
 * Collects drawn elements and the extent of everything drawn, in world units. Panels are
 * drawn in their own coordinates inside a translated group; `offsetX` keeps the extent right.
 */
interface Canvas {
  parts: string[];
  offsetX: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const num = (value: number): string => {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? "0" : String(rounded);
};

/** Escapes text for use inside an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function extend(canvas: Canvas, point: Point, pad = 0): void {
  const x = point[0] + canvas.offsetX;
  canvas.minX = Math.min(canvas.minX, x - pad);
  canvas.maxX = Math.max(canvas.maxX, x + pad);
  canvas.minY = Math.min(canvas.minY, point[1] - pad);
  canvas.maxY = Math.max(canvas.maxY, point[1] + pad);
}

/** World (y up) to SVG (y down) by flipping y; the viewBox does the rest. */
const xy = (p: Point): string => `${num(p[0])},${num(-p[1])}`;

const stroke = (colour: string, width: number): string =>
  `stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"`;
const limbStroke = (colour: string, width: number): string =>
  `${stroke(colour, width)} fill="none"`;

function polyline(canvas: Canvas, points: readonly Point[], attrs: string): void {
  for (const p of points) extend(canvas, p);
  canvas.parts.push(`<polyline points="${points.map(xy).join(" ")}" ${attrs}/>`);
}

function polygon(canvas: Canvas, points: readonly Point[], attrs: string): void {
  for (const p of points) extend(canvas, p);
  canvas.parts.push(`<polygon points="${points.map(xy).join(" ")}" ${attrs}/>`);
}

function circle(canvas: Canvas, shape: { at: Point; r: number }, attrs: string): void {
  extend(canvas, shape.at, shape.r);
  canvas.parts.push(
    `<circle cx="${num(shape.at[0])}" cy="${num(-shape.at[1])}" r="${num(shape.r)}" ${attrs}/>`,
  );
}

/** A rectangle from its lower-left corner, `size` = [width, height]. */
function rect(canvas: Canvas, shape: { corner: Point; size: Point }, attrs: string): void {
  const [x, y] = shape.corner;
  const [w, h] = shape.size;
  extend(canvas, [x, y]);
  extend(canvas, [x + w, y + h]);
  canvas.parts.push(
    `<rect x="${num(x)}" y="${num(-(y + h))}" width="${num(w)}" height="${num(h)}" ${attrs}/>`,
  );
}

function drawPose(canvas: Canvas, pose: ResolvedPose, tone: Tone): void {
  const colours = COLOURS[tone];
  // Seen from the front both sides are equally near: draw them alike.
  const far = pose.view === "front" ? colours.near : colours.far;
  const near = colours.near;
  const seg = pose.segments;
  const leg = (side: "near" | "far"): Point[] => [
    seg[`${side}Thigh`][0],
    seg[`${side}Thigh`][1],
    seg[`${side}Shank`][1],
    seg[`${side}Foot`][1],
  ];
  const arm = (side: "near" | "far"): Point[] => [
    seg[`${side}UpperArm`][0],
    seg[`${side}UpperArm`][1],
    seg[`${side}Forearm`][1],
  ];
  polyline(canvas, arm("far"), limbStroke(far, 3.2));
  polyline(canvas, leg("far"), limbStroke(far, 3.6));
  if (pose.view === "front") {
    const torso = [seg.nearThigh[0], seg.nearUpperArm[0], seg.farUpperArm[0], seg.farThigh[0]];
    polygon(canvas, torso, `fill="${near}" ${stroke(near, 3)}`);
    const neckBase = step(pose.neck, direction(pose.neck, pose.pelvis), 4);
    polyline(canvas, [pose.neck, neckBase], limbStroke(near, 4.2));
  } else {
    polyline(canvas, [pose.pelvis, pose.neck], limbStroke(near, 4.2));
  }
  circle(canvas, { at: pose.head, r: BODY.headRadius }, `fill="${near}"`);
  polyline(canvas, leg("near"), limbStroke(near, 3.6));
  polyline(canvas, arm("near"), limbStroke(near, 3.2));
}

function drawBandsAndWeights(canvas: Canvas, spec: PoseSpec, pose: ResolvedPose): void {
  const at = (end: Anchor | Point): Point => (isPoint(end) ? end : anchorPoint(pose, end));
  for (const band of spec.bands ?? []) {
    polyline(canvas, [at(band.from), at(band.to)], limbStroke(COLOURS.band, 2.4));
  }
  const fill = `fill="${COLOURS.weight}"`;
  for (const weight of spec.weights ?? []) {
    const [x, y] = at(weight);
    rect(canvas, { corner: [x - 4, y - 1.8], size: [8, 3.6] }, `rx="1" ${fill}`);
    rect(canvas, { corner: [x - 5, y - 3], size: [2, 6] }, `rx="0.6" ${fill}`);
    rect(canvas, { corner: [x + 3, y - 3], size: [2, 6] }, `rx="0.6" ${fill}`);
  }
}

function drawProp(canvas: Canvas, prop: Prop): void {
  const box = `fill="${COLOURS.propFill}" stroke="${COLOURS.propLine}" stroke-width="1"`;
  const bar = `stroke="${COLOURS.propLine}" stroke-width="1.6" stroke-linecap="round" fill="none"`;
  switch (prop.kind) {
    case "step":
      rect(canvas, { corner: [prop.x, 0], size: [prop.width, prop.height] }, `rx="1" ${box}`);
      return;
    case "chair": {
      const left = prop.x;
      const right = left + prop.width;
      const back = prop.backOnRight ? right : left;
      polyline(
        canvas,
        [
          [left + 1, 0],
          [left + 1, prop.seatHeight],
        ],
        bar,
      );
      polyline(
        canvas,
        [
          [right - 1, 0],
          [right - 1, prop.seatHeight],
        ],
        bar,
      );
      polyline(
        canvas,
        [
          [back, prop.seatHeight],
          [back, prop.seatHeight + 24],
        ],
        bar,
      );
      rect(
        canvas,
        { corner: [left, prop.seatHeight - 1.5], size: [prop.width, 3] },
        `rx="1" ${box}`,
      );
      return;
    }
    case "roller": {
      const r = prop.radius ?? 5;
      const line = `stroke="${COLOURS.roller.line}"`;
      circle(
        canvas,
        { at: prop.at, r },
        `fill="${COLOURS.roller.fill}" ${line} stroke-width="1.2"`,
      );
      circle(canvas, { at: prop.at, r: r * 0.35 }, `fill="none" ${line} stroke-width="0.8"`);
      return;
    }
    case "ball":
      circle(
        canvas,
        { at: prop.at, r: prop.radius },
        `fill="${COLOURS.ball.fill}" stroke="${COLOURS.ball.line}" stroke-width="1.2"`,
      );
      return;
    case "post":
      rect(canvas, { corner: [prop.x - 1.5, 0], size: [3, prop.height] }, `rx="1" ${box}`);
      return;
    case "sink":
      rect(canvas, { corner: [prop.x - 3, 0], size: [6, 36] }, box);
      rect(canvas, { corner: [prop.x - 11, 36], size: [22, 7] }, `rx="2" ${box}`);
      polyline(
        canvas,
        [
          [prop.x + 6, 43],
          [prop.x + 6, 48],
          [prop.x + 1, 48],
        ],
        bar,
      );
      return;
  }
}

/** A gently bowed arrow with a filled head, from `from` to `to`. */
function drawArrow(canvas: Canvas, ends: { from: Point; to: Point }, bend: number): void {
  const { from, to } = ends;
  const mid: Point = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
  const control = step(mid, direction(from, to) + 90, bend);
  const heading = direction(control, to);
  const head = [to, step(to, heading + 155, 4.5), step(to, heading - 155, 4.5)];
  for (const p of [from, control]) extend(canvas, p);
  canvas.parts.push(
    `<path d="M ${xy(from)} Q ${xy(control)} ${xy(step(to, heading + 180, 2))}" ${limbStroke(COLOURS.arrow, 1.8)}/>`,
  );
  polygon(canvas, head, `fill="${COLOURS.arrow}"`);
}

function drawGround(canvas: Canvas, slope: number, width: number): void {
  const half = width / 2 - 4;
  const rise = Math.tan((slope * Math.PI) / 180) * half;
  polyline(
    canvas,
    [
      [width / 2 - half, -rise],
      [width / 2 + half, rise],
    ],
    limbStroke(COLOURS.ground, 1.6),
  );
}

function drawPanel(canvas: Canvas, panel: Panel, width: number): void {
  if (panel.ground !== false) drawGround(canvas, panel.ground ?? 0, width);
  for (const prop of panel.props ?? []) drawProp(canvas, prop);
  const start = resolvePose(panel.start);
  const end = panel.end && resolvePose(panel.end);
  if (panel.end && end) {
    drawPose(canvas, end, "end");
    drawBandsAndWeights(canvas, panel.end, end);
  }
  drawPose(canvas, start, "start");
  drawBandsAndWeights(canvas, panel.start, start);
  for (const focus of panel.focus ?? []) {
    const at = anchorPoint(start, focus);
    circle(canvas, { at, r: 5 }, `fill="${COLOURS.focus}" fill-opacity="0.4"`);
  }
  const locate = (e: ArrowEnd): Point =>
    isArrowPoint(e) ? e : anchorPoint(e.pose === "end" && end ? end : start, e.anchor);
  for (const arrow of panel.arrows ?? []) {
    drawArrow(canvas, { from: locate(arrow.from), to: locate(arrow.to) }, arrow.bend ?? 0);
  }
}

function isArrowPoint(end: ArrowEnd): end is Point {
  return Array.isArray(end);
}

/** Caption font size: 7 units, smaller when the words would not fit the panel. */
function captionSize(caption: string, width: number): number {
  return Math.min(CAPTION_FONT, (width - 8) / (caption.length * AVERAGE_CHARACTER_WIDTH));
}

/**
 * Renders an exercise figure as a self-contained SVG string titled `title`: start pose dark,
 * end pose light blue, orange arrows for the movement, green bands. Width: 2 px per unit.
 */
export function renderIllustration(illustration: Illustration, title: string): string {
  const width = illustration.width ?? PANEL_WIDTH;
  const canvas: Canvas = { parts: [], offsetX: 0, minX: 0, maxX: 0, minY: 0, maxY: 0 };
  illustration.panels.forEach((panel, index) => {
    canvas.offsetX = index * width;
    canvas.parts.push(`<g transform="translate(${num(canvas.offsetX)} 0)">`);
    drawPanel(canvas, panel, width);
    canvas.parts.push("</g>");
  });
  const left = Math.min(0, canvas.minX - MARGIN);
  const right = Math.max(illustration.panels.length * width, canvas.maxX + MARGIN);
  const top = canvas.maxY + MARGIN;
  const hasCaption = illustration.panels.some((panel) => panel.caption);
  const bottom = canvas.minY - MARGIN - (hasCaption ? CAPTION_SPACE : 0);
  const captions = illustration.panels.flatMap((panel, index) =>
    panel.caption
      ? [
          `<text x="${num(index * width + width / 2)}" y="${num(-bottom - 3)}" text-anchor="middle" font-family="sans-serif" font-size="${num(captionSize(panel.caption, width))}" fill="${COLOURS.caption}">${escapeXml(panel.caption)}</text>`,
        ]
      : [],
  );
  const boxWidth = right - left;
  const boxHeight = top - bottom;
  const box = `${num(left)} ${num(-top)} ${num(boxWidth)} ${num(boxHeight)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box}" width="${num(boxWidth * PIXELS_PER_UNIT)}" height="${num(boxHeight * PIXELS_PER_UNIT)}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    "<desc>Start position dark, end position light blue; orange arrows show the movement, green lines an exercise band, orange patches where the work is felt.</desc>",
    `<rect x="${num(left)}" y="${num(-top)}" width="${num(boxWidth)}" height="${num(boxHeight)}" fill="#ffffff"/>`,
    ...canvas.parts,
    ...captions,
    "</svg>",
  ].join("\n");
}
