import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AROUND_RUN_STRETCH_DOSE,
  DAILY_STRETCH_DOSE,
  formatDose,
  formatRange,
  totalReps,
  totalSeconds,
} from "./dose.js";
import type { Dose, Range } from "./exercise.types.js";
import { findExercise } from "./library.js";

describe("formatDose", () => {
  it.each([
    ["side-lying-clamshell", "3 × 12–15 per side"],
    ["single-leg-glute-bridge", "3 × 8–12 per side"],
    ["lateral-band-walk", "3 × 60 s"],
    ["lateral-band-walk-band-at-feet", "2–3 × 7.6 m"],
    ["fire-hydrant", "2–3 × 10–15 per side"],
    ["side-plank-from-knees", "2 × 30–40 s per side"],
    ["glute-bridge", "3 × 10"],
    ["kneeling-hip-flexor-stretch", "2 × 30 s per side"],
    ["standing-groin-stretch", "1–2 × 20–30 s per side"],
    ["glute-squeeze-standing", "1 × 6–10 (10 s each)"],
    ["side-shuffle", "2–3 × 15–20 m per side"],
  ] as const)("%s reads %j", (id, text) => {
    expect(formatDose(findExercise(id).dose)).toBe(text);
  });

  it("writes a single value once and a range with an en dash", () => {
    expect(formatRange([3, 3])).toBe("3");
    expect(formatRange([12, 15])).toBe("12–15");
    expect(formatRange([30, 30], "s")).toBe("30 s");
  });
});

describe("dose totals", () => {
  it("counts both sides for a per-side dose: 3 × 12–15 per side is 72–90 repetitions", () => {
    expect(totalReps(findExercise("side-lying-clamshell").dose)).toEqual([72, 90]);
    expect(totalReps(findExercise("lateral-band-walk").dose)).toBeUndefined();
  });

  it("gives 2 minutes of holding for each daily stretch and 40–120 s around a run", () => {
    expect(totalSeconds(DAILY_STRETCH_DOSE)).toEqual([120, 120]);
    expect(totalSeconds(AROUND_RUN_STRETCH_DOSE)).toEqual([40, 120]);
  });

  const range = (max: number) =>
    fc
      .tuple(fc.integer({ min: 1, max }), fc.integer({ min: 0, max }))
      .map(([min, extra]): Range => [min, min + extra]);
  const repsDose = fc.record({ sets: range(6), reps: range(30), perSide: fc.boolean() });

  it("totals repetitions as sets × reps × sides, lower end never above the upper", () => {
    fc.assert(
      fc.property(repsDose, (dose: Dose) => {
        const total = totalReps(dose);
        const sides = dose.perSide ? 2 : 1;
        expect(total).toEqual([
          dose.sets[0] * (dose.reps?.[0] ?? 0) * sides,
          dose.sets[1] * (dose.reps?.[1] ?? 0) * sides,
        ]);
        expect(total?.[0]).toBeLessThanOrEqual(total?.[1] ?? 0);
      }),
    );
  });

  it("doubles the hold time exactly when a timed dose is per side", () => {
    fc.assert(
      fc.property(range(5), range(120), (sets, seconds) => {
        const oneSide = totalSeconds({ sets, seconds, perSide: false });
        const bothSides = totalSeconds({ sets, seconds, perSide: true });
        expect(bothSides).toEqual(oneSide?.map((s) => s * 2));
      }),
    );
  });

  it("always names the sets first and says per side only for per-side doses", () => {
    fc.assert(
      fc.property(repsDose, (dose: Dose) => {
        const text = formatDose(dose);
        expect(text.startsWith(`${formatRange(dose.sets)} × `)).toBe(true);
        expect(text.endsWith(" per side")).toBe(dose.perSide);
      }),
    );
  });
});
