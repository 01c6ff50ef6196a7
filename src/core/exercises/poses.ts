import type { LimbPose, Point, PoseSpec } from "./figure.types.js";
import { BODY, direction, isPoint, step } from "./pose.js";

/**
 * Helpers for writing poses by where the hands and feet are rather than by angles, and the
 * few base positions most figures start from. Figure-drawing only: no clinical rule here.
 */

/** A limb reaching this share of its full length or more is drawn straight. */
const NEARLY_STRAIGHT = 0.96;

/** Which side of the line from root to target the middle joint (knee, elbow) bows to. */
export type Bend = "ccw" | "cw";

function solve(
  root: Point,
  target: Point,
  lengths: readonly [number, number],
  bend: Bend,
): LimbPose {
  const [a, b] = lengths;
  const heading = direction(root, target);
  const reach = Math.hypot(target[0] - root[0], target[1] - root[1]);
  if (reach >= NEARLY_STRAIGHT * (a + b)) {
    // Close to full reach a bent joint only looks awkward: draw the limb straight instead.
    const factor = reach / (a + b);
    return { upper: heading, lower: heading, scale: [factor, factor] };
  }
  const cosine = (a * a + reach * reach - b * b) / (2 * a * reach);
  const spread = (Math.acos(Math.max(-1, Math.min(1, cosine))) * 180) / Math.PI;
  const upper = heading + (bend === "ccw" ? spread : -spread);
  const middle = step(root, upper, a);
  return { upper, lower: direction(middle, target) };
}

/** How a solved leg bends (default "ccw": knee forward for a figure facing right) and the foot's direction. */
export interface LegOptions {
  bend?: Bend;
  foot?: number | undefined;
}

/** A leg from hip to ankle, the knee bowing to the given side; at (nearly) full reach, straight. */
export function leg(hip: Point, ankle: Point, options: LegOptions = {}): LimbPose {
  const pose = solve(hip, ankle, [BODY.thigh, BODY.shank], options.bend ?? "ccw");
  return options.foot === undefined ? pose : { ...pose, end: options.foot };
}

/** An arm from shoulder to hand; the elbow bows to the given side. */
export function arm(shoulder: Point, hand: Point, bend: Bend): LimbPose {
  return solve(shoulder, hand, [BODY.upperArm, BODY.forearm], bend);
}

function through(
  [root, middle, tip]: readonly [Point, Point, Point],
  lengths: readonly [number, number],
): LimbPose {
  const upperLength = Math.hypot(middle[0] - root[0], middle[1] - root[1]);
  const lowerLength = Math.hypot(tip[0] - middle[0], tip[1] - middle[1]);
  return {
    upper: direction(root, middle),
    lower: direction(middle, tip),
    scale: [upperLength / lengths[0], lowerLength / lengths[1]],
  };
}

/**
 * A leg through given hip, knee and ankle points, segments foreshortened to fit: for limbs
 * that point towards the viewer, where true lengths would look wrong.
 */
export function legThrough(
  points: readonly [hip: Point, knee: Point, ankle: Point],
  foot?: number,
): LimbPose {
  const pose = through(points, [BODY.thigh, BODY.shank]);
  return foot === undefined ? pose : { ...pose, end: foot };
}

/** An arm through given shoulder, elbow and hand points, foreshortened to fit. */
export function armThrough(
  points: readonly [shoulder: Point, elbow: Point, hand: Point],
): LimbPose {
  return through(points, [BODY.upperArm, BODY.forearm]);
}

const midpoint = (a: Point, b: Point): Point => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

/** A straight leg from hip to ankle, scaled to fit (a knee bent towards the viewer looks so). */
export function frontLeg(hip: Point, ankle: Point): LimbPose {
  return through([hip, midpoint(hip, ankle), ankle], [BODY.thigh, BODY.shank]);
}

/** A straight arm from shoulder to hand, scaled to fit. */
export function straightArm(shoulder: Point, hand: Point): LimbPose {
  return through([shoulder, midpoint(shoulder, hand), hand], [BODY.upperArm, BODY.forearm]);
}

/** The shoulder point of a pose (the middle of the shoulders, seen from the front). */
export function shoulderOf(pelvis: Point, trunk: number, trunkScale = 1): Point {
  return step(pelvis, trunk, BODY.trunk * trunkScale - BODY.shoulderDrop);
}

/** Near and far hip joints of a front-view pose. */
export function hipsOf(pelvis: Point, trunk: number): { near: Point; far: Point } {
  return {
    near: step(pelvis, trunk - 90, BODY.pelvisHalfWidth),
    far: step(pelvis, trunk + 90, BODY.pelvisHalfWidth),
  };
}

/** Near and far shoulders of a front-view pose. */
export function shouldersOf(
  pelvis: Point,
  trunk: number,
  trunkScale = 1,
): { near: Point; far: Point } {
  const centre = shoulderOf(pelvis, trunk, trunkScale);
  return {
    near: step(centre, trunk - 90, BODY.shoulderHalfWidth),
    far: step(centre, trunk + 90, BODY.shoulderHalfWidth),
  };
}

/** Standing tall, seen from the side, facing right; feet under the hips. */
export function standing(x: number): PoseSpec {
  return {
    pelvis: [x, 42],
    trunk: 90,
    nearLeg: { upper: -90, lower: -90, end: 0 },
    farLeg: { upper: -92, lower: -90, end: 0 },
    nearArm: { upper: -96, lower: -84 },
    farArm: { upper: -84, lower: -76 },
  };
}

/** Standing tall, seen from the front (or back); feet a little apart. */
export function standingFront(x: number, stance = 6): PoseSpec {
  const pelvis: Point = [x, 42];
  const hips = hipsOf(pelvis, 90);
  const shoulders = shouldersOf(pelvis, 90);
  return {
    view: "front",
    pelvis,
    trunk: 90,
    nearLeg: leg(hips.near, [x + stance, 0.5], { bend: "cw" }),
    farLeg: leg(hips.far, [x - stance, 0.5]),
    nearArm: arm(shoulders.near, [shoulders.near[0] + 3, shoulders.near[1] - 27], "cw"),
    farArm: arm(shoulders.far, [shoulders.far[0] - 3, shoulders.far[1] - 27], "ccw"),
  };
}

/** Lying on the back, head to the left, knees bent and feet flat at `feetX`. */
export function supineKneesBent(pelvisX: number, feetX: number): PoseSpec {
  const pelvis: Point = [pelvisX, 5];
  const shoulder = shoulderOf(pelvis, 180);
  return {
    pelvis,
    trunk: 180,
    nearLeg: leg(pelvis, [feetX, 2], { foot: 5 }),
    farLeg: leg(pelvis, [feetX + 1, 2], { foot: 5 }),
    nearArm: arm(shoulder, [shoulder[0] + 26, 2], "cw"),
    farArm: arm(shoulder, [shoulder[0] + 25, 2.5], "cw"),
  };
}

/** On hands and knees, head to the right, seen from the side. */
export function quadruped(pelvisX: number): PoseSpec {
  const pelvis: Point = [pelvisX, 24];
  const shoulder: Point = [pelvisX + 25, 25];
  const trunk = direction(pelvis, shoulder);
  return {
    pelvis,
    trunk,
    head: trunk + 10,
    nearLeg: { upper: -90, lower: 180, end: 180 },
    farLeg: { upper: -92, lower: 180, end: 180 },
    nearArm: straightArm(shoulderOf(pelvis, trunk), [pelvisX + 26, 0.5]),
    farArm: straightArm(shoulderOf(pelvis, trunk), [pelvisX + 24, 0.5]),
  };
}

/** Pelvis height when lying on one side, seen from the front. */
export const SIDE_LYING_PELVIS_Y = 13;

/**
 * Lying on the lower side, seen from the front, head to the left, head resting on the
 * lower arm and the upper hand on the upper hip. Near limbs are the upper ones.
 */
export function sideLying(pelvisX: number, legs: { near: LimbPose; far: LimbPose }): PoseSpec {
  const pelvis: Point = [pelvisX, SIDE_LYING_PELVIS_Y];
  const shoulders = shouldersOf(pelvis, 180);
  const hips = hipsOf(pelvis, 180);
  return {
    view: "front",
    pelvis,
    trunk: 180,
    nearLeg: legs.near,
    farLeg: legs.far,
    nearArm: armThrough([
      shoulders.near,
      [shoulders.near[0] + 12, shoulders.near[1] + 0.5],
      [hips.near[0] - 2, hips.near[1] + 1],
    ]),
    farArm: armThrough([shoulders.far, [shoulders.far[0] - 12, 2.5], [shoulders.far[0] - 25, 3]]),
  };
}

/**
 * Side plank on the lower forearm, seen from the front, head to the left, body in a straight
 * line from the feet at `feet` rising at `rise` degrees. Near limbs are the upper ones.
 */
export function sidePlank(
  feet: Point,
  rise: number,
  topFoot: Point = [feet[0] - 1, feet[1] + 4],
): PoseSpec {
  const trunk = 180 - rise;
  const pelvis = step(feet, trunk, BODY.thigh + BODY.shank);
  const hips = hipsOf(pelvis, trunk);
  const shoulders = shouldersOf(pelvis, trunk);
  const elbow: Point = [shoulders.far[0], 0.8];
  return {
    view: "front",
    pelvis,
    trunk,
    head: trunk + 8,
    nearLeg: frontLeg(hips.near, topFoot),
    farLeg: frontLeg(hips.far, feet),
    nearArm: armThrough([
      shoulders.near,
      [shoulders.near[0] + 12, shoulders.near[1] - 1],
      [hips.near[0] - 2, hips.near[1] + 1],
    ]),
    farArm: armThrough([shoulders.far, elbow, [elbow[0] + 13, 1.2]]),
  };
}

/** A mini-squat seen from the front, hands on hips, feet at the given x positions. */
export function miniSquat(pelvisX: number, nearFootX: number, farFootX: number): PoseSpec {
  const pelvis: Point = [pelvisX, 37];
  const hips = hipsOf(pelvis, 90);
  const shoulders = shouldersOf(pelvis, 90);
  return {
    view: "front",
    pelvis,
    trunk: 90,
    nearLeg: frontLeg(hips.near, [nearFootX, 0.5]),
    farLeg: frontLeg(hips.far, [farFootX, 0.5]),
    nearArm: armThrough([
      shoulders.near,
      [shoulders.near[0] + 8, shoulders.near[1] - 9],
      [hips.near[0] + 2, hips.near[1] + 3],
    ]),
    farArm: armThrough([
      shoulders.far,
      [shoulders.far[0] - 8, shoulders.far[1] - 9],
      [hips.far[0] - 2, hips.far[1] + 3],
    ]),
  };
}

/** The same pose moved by (dx, dy); fixed band ends move with it. */
export function moved(spec: PoseSpec, dx: number, dy: number): PoseSpec {
  const shift = (p: Point): Point => [p[0] + dx, p[1] + dy];
  return {
    ...spec,
    pelvis: shift(spec.pelvis),
    ...(spec.bands && {
      bands: spec.bands.map((band) => ({
        from: isPoint(band.from) ? shift(band.from) : band.from,
        to: isPoint(band.to) ? shift(band.to) : band.to,
      })),
    }),
  };
}

/**
 * A side-view pose built from where the hips, hands and feet are. Knees bow forward
 * (towards +x) and elbows backward unless told otherwise.
 */
export function sidePose(options: {
  pelvis: Point;
  trunk: number;
  head?: number;
  nearFoot: Point;
  farFoot: Point;
  nearHand: Point;
  farHand: Point;
  knees?: readonly [Bend, Bend];
  elbows?: readonly [Bend, Bend];
  feet?: readonly [number | undefined, number | undefined];
}): PoseSpec {
  const shoulder = shoulderOf(options.pelvis, options.trunk);
  const knees = options.knees ?? ["ccw", "ccw"];
  const elbows = options.elbows ?? ["cw", "cw"];
  const feet = options.feet ?? [undefined, undefined];
  return {
    pelvis: options.pelvis,
    trunk: options.trunk,
    ...(options.head !== undefined && { head: options.head }),
    nearLeg: leg(options.pelvis, options.nearFoot, { bend: knees[0], foot: feet[0] }),
    farLeg: leg(options.pelvis, options.farFoot, { bend: knees[1], foot: feet[1] }),
    nearArm: arm(shoulder, options.nearHand, elbows[0]),
    farArm: arm(shoulder, options.farHand, elbows[1]),
  };
}
