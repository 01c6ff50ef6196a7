import type { Dose, Range } from "./exercise.types.js";

/**
 * Minutes of focused hip stretching a day (seed-001: 5–10 min, all at once or spread over
 * the day, or at the start and end of training). The four seed-001 stretches fit in it.
 */
export const DAILY_STRETCH_MINUTES: Range = [5, 10];

/**
 * The dose shared by the daily hip stretches: two 30 s holds a side. The daily total is
 * seed-001's; 30 s is the hold that gained range as well as longer ones (bandy-1997).
 */
export const DAILY_STRETCH_DOSE: Dose = {
  sets: [2, 2],
  seconds: [30, 30],
  perSide: true,
  note: "Part of 5–10 minutes of stretching a day (seed-001); a 30 s hold is enough to gain range (bandy-1997). Stretch to a strong pull, never to pain.",
};

/**
 * The dose for the stretches done before and after each run (seed-002 says when, not how
 * long): one or two holds of 20–30 s a side, short enough not to blunt the run.
 */
export const AROUND_RUN_STRETCH_DOSE: Dose = {
  sets: [1, 2],
  seconds: [20, 30],
  perSide: true,
  note: "Before and after each run (seed-002), which gives no hold time; 20–30 s holds (bandy-1997).",
};

/** "12–15" for a range, "10" when both ends agree; whole numbers stay whole. */
export function formatRange(range: Range, unit = ""): string {
  const [min, max] = range;
  const text = min === max ? `${min}` : `${min}–${max}`;
  return unit === "" ? text : `${text} ${unit}`;
}

/**
 * A dose as a clinician writes it: "3 × 12–15 per side", "3 × 60 s", "2 × 30 s per side",
 * "2–3 × 7.6 m", and "1 × 10 (10 s each)" for repeated holds.
 */
export function formatDose(dose: Dose): string {
  const seconds = dose.seconds && formatRange(dose.seconds, "s");
  const metres = dose.metres && formatRange(dose.metres, "m");
  let amount: string;
  if (dose.reps) amount = `${formatRange(dose.reps)}${seconds ? ` (${seconds} each)` : ""}`;
  else amount = [seconds, metres].filter((part) => part !== undefined).join(", ") || "1";
  return `${formatRange(dose.sets)} × ${amount}${dose.perSide ? " per side" : ""}`;
}

/**
 * Total repetitions of a dose at its lower and upper ends, both sides counted when
 * `perSide`; undefined when the dose is timed or measured in distance instead.
 */
export function totalReps(dose: Dose): Range | undefined {
  if (!dose.reps) return undefined;
  const sides = dose.perSide ? 2 : 1;
  return [dose.sets[0] * dose.reps[0] * sides, dose.sets[1] * dose.reps[1] * sides];
}

/**
 * Total time under a hold or timed bout, seconds, at the lower and upper ends, both sides
 * counted when `perSide`; undefined when the dose is counted in repetitions.
 */
export function totalSeconds(dose: Dose): Range | undefined {
  if (!dose.seconds) return undefined;
  const sides = dose.perSide ? 2 : 1;
  const reps = dose.reps ?? [1, 1];
  return [
    dose.sets[0] * reps[0] * dose.seconds[0] * sides,
    dose.sets[1] * reps[1] * dose.seconds[1] * sides,
  ];
}
