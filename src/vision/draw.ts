/**
 * Minimal drawing on RGB frames (3 bytes per pixel): thick lines, discs and text in a
 * 5 × 7 pixel font, scaled. Enough to mark a skeleton and label an angle on a still.
 */

export interface Canvas {
  width: number;
  height: number;
  rgb: Uint8Array;
}

export type Colour = readonly [number, number, number];

export interface Point {
  x: number;
  y: number;
}

/** A colour and how opaque it is (0–1, default 1). */
export interface Paint {
  colour: Colour;
  alpha?: number;
}

/** Blends one pixel towards a colour; points outside the canvas are ignored. */
export function setPixel(canvas: Canvas, at: Point, paint: Paint): void {
  const xi = Math.round(at.x);
  const yi = Math.round(at.y);
  if (xi < 0 || yi < 0 || xi >= canvas.width || yi >= canvas.height) return;
  const o = (yi * canvas.width + xi) * 3;
  const alpha = paint.alpha ?? 1;
  for (let c = 0; c < 3; c++) {
    const old = canvas.rgb[o + c] ?? 0;
    canvas.rgb[o + c] = Math.round(old + ((paint.colour[c] ?? 0) - old) * alpha);
  }
}

/** A filled disc of radius r pixels. */
export function fillDisc(canvas: Canvas, disc: Point & { r: number }, colour: Colour): void {
  const reach = Math.ceil(disc.r);
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      if (dx * dx + dy * dy <= disc.r * disc.r)
        setPixel(canvas, { x: disc.x + dx, y: disc.y + dy }, { colour });
    }
  }
}

/** A line `thickness` pixels wide with round ends. */
export function drawLine(
  canvas: Canvas,
  segment: { from: Point; to: Point },
  style: { colour: Colour; thickness: number },
): void {
  const { from, to } = segment;
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const steps = Math.max(1, Math.ceil(length / Math.max(1, style.thickness / 3)));
  for (let i = 0; i <= steps; i++) {
    const f = i / steps;
    fillDisc(
      canvas,
      { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f, r: style.thickness / 2 },
      style.colour,
    );
  }
}

/** A dashed line, for reference lines (the horizontal, the vertical). */
export function drawDashed(
  canvas: Canvas,
  segment: { from: Point; to: Point },
  style: { colour: Colour; thickness: number; dash: number },
): void {
  const { from, to } = segment;
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const n = Math.max(1, Math.floor(length / style.dash));
  const at = (f: number) => ({ x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f });
  for (let i = 0; i < n; i += 2)
    drawLine(canvas, { from: at(i / n), to: at(Math.min(1, (i + 1) / n)) }, style);
}

/** Filled rectangle, optionally see-through. */
export function fillRect(
  canvas: Canvas,
  box: { x: number; y: number; width: number; height: number },
  paint: Paint,
): void {
  for (let y = Math.floor(box.y); y < box.y + box.height; y++) {
    for (let x = Math.floor(box.x); x < box.x + box.width; x++) setPixel(canvas, { x, y }, paint);
  }
}

// 5 × 7 glyphs, one number per row, bit 4 = leftmost column.
const GLYPHS: Record<string, readonly number[]> = {
  " ": [0, 0, 0, 0, 0, 0, 0],
  "0": [14, 17, 19, 21, 25, 17, 14],
  "1": [4, 12, 4, 4, 4, 4, 14],
  "2": [14, 17, 1, 2, 4, 8, 31],
  "3": [31, 2, 4, 2, 1, 17, 14],
  "4": [2, 6, 10, 18, 31, 2, 2],
  "5": [31, 16, 30, 1, 1, 17, 14],
  "6": [6, 8, 16, 30, 17, 17, 14],
  "7": [31, 1, 2, 4, 8, 8, 8],
  "8": [14, 17, 17, 14, 17, 17, 14],
  "9": [14, 17, 17, 15, 1, 2, 12],
  A: [14, 17, 17, 31, 17, 17, 17],
  B: [30, 17, 17, 30, 17, 17, 30],
  C: [14, 17, 16, 16, 16, 17, 14],
  D: [28, 18, 17, 17, 17, 18, 28],
  E: [31, 16, 16, 30, 16, 16, 31],
  F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15],
  H: [17, 17, 17, 31, 17, 17, 17],
  I: [14, 4, 4, 4, 4, 4, 14],
  J: [7, 2, 2, 2, 2, 18, 12],
  K: [17, 18, 20, 24, 20, 18, 17],
  L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17],
  N: [17, 17, 25, 21, 19, 17, 17],
  O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16],
  Q: [14, 17, 17, 17, 21, 18, 13],
  R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30],
  T: [31, 4, 4, 4, 4, 4, 4],
  U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4],
  W: [17, 17, 17, 21, 21, 21, 10],
  X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 17, 10, 4, 4, 4],
  Z: [31, 1, 2, 4, 8, 16, 31],
  ".": [0, 0, 0, 0, 0, 12, 12],
  ",": [0, 0, 0, 0, 12, 4, 8],
  ":": [0, 12, 12, 0, 12, 12, 0],
  "-": [0, 0, 0, 31, 0, 0, 0],
  "+": [0, 4, 4, 31, 4, 4, 0],
  "%": [24, 25, 2, 4, 8, 19, 3],
  "/": [0, 1, 2, 4, 8, 16, 0],
  "(": [2, 4, 8, 8, 8, 4, 2],
  ")": [8, 4, 2, 2, 2, 4, 8],
  "°": [12, 18, 18, 12, 0, 0, 0],
  "±": [4, 4, 31, 4, 4, 0, 31],
};

/** Width in pixels of `text` at a given scale (6 columns per character). */
export const textWidth = (text: string, scale: number): number => text.length * 6 * scale;

/** Writes `text` (upper-cased; unknown characters become spaces) with its top-left at `style.at`. */
export function drawText(
  canvas: Canvas,
  text: string,
  style: { at: Point; colour: Colour; scale: number },
): void {
  let x = style.at.x;
  const paint = { colour: style.colour };
  for (const ch of text.toUpperCase()) {
    const glyph = GLYPHS[ch] ?? GLYPHS[" "] ?? [];
    glyph.forEach((row, r) => {
      for (let c = 0; c < 5; c++) {
        if (!(row & (1 << (4 - c)))) continue;
        for (let sy = 0; sy < style.scale; sy++) {
          for (let sx = 0; sx < style.scale; sx++) {
            setPixel(
              canvas,
              { x: x + c * style.scale + sx, y: style.at.y + r * style.scale + sy },
              paint,
            );
          }
        }
      }
    });
    x += 6 * style.scale;
  }
}

/** A text label on a dark box, for legibility over any picture. */
export function drawLabel(
  canvas: Canvas,
  text: string,
  style: { at: Point; colour: Colour; scale: number },
): void {
  const pad = 2 * style.scale;
  fillRect(
    canvas,
    {
      x: style.at.x - pad,
      y: style.at.y - pad,
      width: textWidth(text, style.scale) + 2 * pad,
      height: 7 * style.scale + 2 * pad,
    },
    { colour: [0, 0, 0], alpha: 0.65 },
  );
  drawText(canvas, text, style);
}
