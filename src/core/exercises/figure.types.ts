/**
 * Data for the exercise figures: stick-figure poses in a small world where y points up,
 * the floor is y = 0 and one unit is about 2 cm of a 1.75 m adult. Angles are in degrees
 * in world space: 0 points right (the way a side-view figure faces), 90 points up.
 */
export type Point = readonly [x: number, y: number];

/** A limb: direction of its upper and lower segments, and of the foot for a leg. */
export interface LimbPose {
  upper: number;
  lower: number;
  /** Foot direction; by default square to the shank (side view) or turned out (front view). */
  end?: number;
  /** Length factors for [upper, lower] when a segment points towards the viewer. */
  scale?: readonly [number, number];
}

/**
 * "side": seen from the side, near limbs dark and far limbs grey. "front": seen from the
 * front or back (or, lying on one side, from the front), hips and shoulders shown apart.
 */
export type View = "side" | "front";

export type SegmentName =
  | "trunk"
  | "nearThigh"
  | "nearShank"
  | "nearFoot"
  | "farThigh"
  | "farShank"
  | "farFoot"
  | "nearUpperArm"
  | "nearForearm"
  | "farUpperArm"
  | "farForearm";

/** A point on a body segment: `at` 0 is its proximal end, 1 its distal end; `shift` moves it. */
export interface Anchor {
  on: SegmentName;
  at: number;
  shift?: Point;
}

/** An elastic band between two body points, or a fixed point and a body point. */
export interface BandSpec {
  from: Anchor | Point;
  to: Anchor | Point;
}

export interface PoseSpec {
  view?: View;
  /** Centre of the pelvis. */
  pelvis: Point;
  /** Direction from pelvis to neck. */
  trunk: number;
  /** Length factor for the trunk when it points towards or away from the viewer. */
  trunkScale?: number;
  /** Length factor for the neck-to-head-centre distance, when the head faces away. */
  headScale?: number;
  /** Direction from neck to head; defaults to the trunk's. */
  head?: number;
  nearLeg: LimbPose;
  farLeg: LimbPose;
  nearArm: LimbPose;
  farArm: LimbPose;
  bands?: readonly BandSpec[];
  /** Dumbbells held at these points (usually the hands). */
  weights?: readonly Anchor[];
}

export type Prop =
  | { kind: "step"; x: number; width: number; height: number }
  | { kind: "chair"; x: number; width: number; seatHeight: number; backOnRight?: boolean }
  | { kind: "roller"; at: Point; radius?: number }
  | { kind: "ball"; at: Point; radius: number }
  | { kind: "post"; x: number; height: number }
  | { kind: "sink"; x: number };

/** One end of an arrow: a fixed point, or a point on the start or end pose. */
export type ArrowEnd = Point | { pose: "start" | "end"; anchor: Anchor };

export interface ArrowSpec {
  from: ArrowEnd;
  to: ArrowEnd;
  /** Sideways bow of the arrow, world units; positive bows to the left of its direction. */
  bend?: number;
}

export interface Panel {
  /** The pose held first, drawn solid. */
  start: PoseSpec;
  /** The pose moved into, drawn lighter over the start pose. */
  end?: PoseSpec;
  props?: readonly Prop[];
  arrows?: readonly ArrowSpec[];
  /** Where the work should be felt, marked on the start pose. */
  focus?: readonly Anchor[];
  /** Ground slope in degrees (uphill to the right); `false` for no ground line. */
  ground?: number | false;
  /** A few words under the panel. */
  caption?: string;
}

/** One or two panels side by side; each shows a pose, or a start pose with its end pose. */
export interface Illustration {
  panels: readonly Panel[];
  /** Panel width in world units (default 120). */
  width?: number;
}
