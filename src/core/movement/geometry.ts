/** Plane geometry on image points (x right, y down), angles in degrees. */

export interface Point2 {
  x: number;
  y: number;
}

const DEG = 180 / Math.PI;

/**
 * Angle between two segments a→b and b→c, in degrees, 0 when they are in line (0–180).
 * For hip→knee→ankle this is the knee's deviation from straight.
 */
export function bendDeg(a: Point2, b: Point2, c: Point2): number {
  const ux = b.x - a.x;
  const uy = b.y - a.y;
  const vx = c.x - b.x;
  const vy = c.y - b.y;
  return Math.abs(Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)) * DEG;
}

/**
 * Signed distance of `p` from the line a→c measured horizontally at p's height, in pixels:
 * positive when p lies towards +x.
 */
export function horizontalOffsetFromLine(a: Point2, c: Point2, p: Point2): number {
  const dy = c.y - a.y;
  const xLine = dy === 0 ? (a.x + c.x) / 2 : a.x + ((c.x - a.x) * (p.y - a.y)) / dy;
  return p.x - xLine;
}

/** Angle of the segment from `lower` up to `upper` away from the image vertical, degrees; positive leaning towards +x. */
export function tiltFromVerticalDeg(lower: Point2, upper: Point2): number {
  return Math.atan2(upper.x - lower.x, lower.y - upper.y) * DEG;
}

/** Angle by which `b` sits below `a` over their horizontal separation, degrees (positive: b lower in the picture). */
export function dropDeg(a: Point2, b: Point2): number {
  return Math.atan2(b.y - a.y, Math.abs(b.x - a.x)) * DEG;
}
