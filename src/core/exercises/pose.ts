import type { Anchor, LimbPose, Point, PoseSpec, SegmentName, View } from "./figure.types.js";

/** Segment lengths in world units (about 2 cm each), proportioned like an adult. */
export const BODY = {
  thigh: 21,
  shank: 21,
  footSide: 7,
  footFront: 4,
  trunk: 28,
  neck: 3,
  headRadius: 6,
  upperArm: 14,
  forearm: 14,
  /** Half the distance between the hip joints, seen from the front. */
  pelvisHalfWidth: 5,
  /** Half the distance between the shoulders, seen from the front. */
  shoulderHalfWidth: 8,
  /** Shoulders sit this far below the neck along the trunk. */
  shoulderDrop: 3,
} as const;

/** A pose with every joint placed. */
export interface ResolvedPose {
  view: View;
  head: Point;
  neck: Point;
  pelvis: Point;
  segments: Readonly<Record<SegmentName, readonly [Point, Point]>>;
}

const RADIANS_PER_DEGREE = Math.PI / 180;

/** The point `length` units from `from` in direction `degrees`. */
export function step(from: Point, degrees: number, length: number): Point {
  const radians = degrees * RADIANS_PER_DEGREE;
  return [from[0] + Math.cos(radians) * length, from[1] + Math.sin(radians) * length];
}

/** Direction in degrees from one point to another. */
export function direction(from: Point, to: Point): number {
  return Math.atan2(to[1] - from[1], to[0] - from[0]) / RADIANS_PER_DEGREE;
}

function limb(
  root: Point,
  pose: LimbPose,
  lengths: readonly [number, number],
): readonly [Point, Point] {
  const upper = lengths[0] * (pose.scale?.[0] ?? 1);
  const lower = lengths[1] * (pose.scale?.[1] ?? 1);
  const middle = step(root, pose.upper, upper);
  return [middle, step(middle, pose.lower, lower)];
}

/**
 * Places every joint of a pose by walking out from the pelvis along the given directions.
 * Seen from the front, near limbs hang from the right-hand side of the trunk's direction.
 */
export function resolvePose(spec: PoseSpec): ResolvedPose {
  const view = spec.view ?? "side";
  const across = spec.trunk - 90; // perpendicular to the trunk: near side
  const hipOffset = view === "front" ? BODY.pelvisHalfWidth : 0;
  const shoulderOffset = view === "front" ? BODY.shoulderHalfWidth : 0;

  const pelvis = spec.pelvis;
  const trunkLength = BODY.trunk * (spec.trunkScale ?? 1);
  const neck = step(pelvis, spec.trunk, trunkLength);
  const head = step(
    neck,
    spec.head ?? spec.trunk,
    (BODY.neck + BODY.headRadius) * (spec.headScale ?? 1),
  );
  const shoulderCentre = step(pelvis, spec.trunk, trunkLength - BODY.shoulderDrop);

  const nearHip = step(pelvis, across, hipOffset);
  const farHip = step(pelvis, across + 180, hipOffset);
  const nearShoulder = step(shoulderCentre, across, shoulderOffset);
  const farShoulder = step(shoulderCentre, across + 180, shoulderOffset);

  const legLengths = [BODY.thigh, BODY.shank] as const;
  const armLengths = [BODY.upperArm, BODY.forearm] as const;
  const [nearKnee, nearAnkle] = limb(nearHip, spec.nearLeg, legLengths);
  const [farKnee, farAnkle] = limb(farHip, spec.farLeg, legLengths);
  const [nearElbow, nearHand] = limb(nearShoulder, spec.nearArm, armLengths);
  const [farElbow, farHand] = limb(farShoulder, spec.farArm, armLengths);

  const footLength = view === "front" ? BODY.footFront : BODY.footSide;
  const footDirection = (leg: LimbPose, outward: number): number =>
    leg.end ?? (view === "front" ? outward : leg.lower + 90);
  const nearToe = step(nearAnkle, footDirection(spec.nearLeg, across), footLength);
  const farToe = step(farAnkle, footDirection(spec.farLeg, across + 180), footLength);

  return {
    view,
    head,
    neck,
    pelvis,
    segments: {
      trunk: [pelvis, neck],
      nearThigh: [nearHip, nearKnee],
      nearShank: [nearKnee, nearAnkle],
      nearFoot: [nearAnkle, nearToe],
      farThigh: [farHip, farKnee],
      farShank: [farKnee, farAnkle],
      farFoot: [farAnkle, farToe],
      nearUpperArm: [nearShoulder, nearElbow],
      nearForearm: [nearElbow, nearHand],
      farUpperArm: [farShoulder, farElbow],
      farForearm: [farElbow, farHand],
    },
  };
}

/** The world position of an anchor on a resolved pose. */
export function anchorPoint(pose: ResolvedPose, anchor: Anchor): Point {
  const [a, b] = pose.segments[anchor.on];
  const shift = anchor.shift ?? [0, 0];
  return [a[0] + (b[0] - a[0]) * anchor.at + shift[0], a[1] + (b[1] - a[1]) * anchor.at + shift[1]];
}

/** True when a band or arrow end is a fixed point rather than a body anchor. */
export function isPoint(value: Anchor | Point): value is Point {
  return Array.isArray(value);
}
