/** A body side. Left and right are the person's own, never the camera's. */
export type Side = "left" | "right";
export const SIDES: readonly Side[] = ["left", "right"];

/** Where a symptom is felt: one side or both. */
export type Laterality = Side | "both";

export const otherSide = (side: Side): Side => (side === "left" ? "right" : "left");

/** "left" → "Left", for the start of a sentence. */
export const sideLabel = (side: Side): string => (side === "left" ? "Left" : "Right");
