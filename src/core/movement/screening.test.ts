import { describe, expect, it } from "vitest";
import { movementEvidenceSchema } from "./evidence.schema.js";
import { singleLegSquatEvidence, singleLegStanceEvidence } from "./screening-evidence.js";
import { analyzeSingleLegSquat } from "./single-leg-squat.js";
import { analyzeSingleLegStance } from "./single-leg-stance.js";
import { syntheticScreening } from "./test-support/synthetic-screening.js";

const squat = (overrides: Partial<Parameters<typeof syntheticScreening>[0]> = {}) =>
  syntheticScreening({
    stance: "right",
    fps: 30,
    durationS: 12,
    reps: 5,
    depthPx: 90,
    fppaDeg: 17,
    dropDeg: 4,
    leanDeg: 6,
    ...overrides,
  });

describe("single-leg squat", () => {
  it.each([
    { stance: "right", fppaDeg: 17, noisePx: 0 },
    { stance: "left", fppaDeg: 8, noisePx: 0 },
    { stance: "right", fppaDeg: 12, noisePx: 1.5 },
  ] as const)(
    "counts 5 reps on the $stance leg and finds FPPA $fppaDeg° (noise $noisePx px)",
    ({ stance, fppaDeg, noisePx }) => {
      const result = analyzeSingleLegSquat(squat({ stance, fppaDeg, noisePx }));
      expect(result.reps).toHaveLength(5);
      expect(result.reps.every((r) => r.side === stance)).toBe(true);
      const m = result.metrics[stance];
      expect(Math.abs((m.kneeFppa?.mean ?? 0) - fppaDeg)).toBeLessThan(noisePx > 0 ? 1.5 : 0.5);
      expect(Math.abs((m.pelvicDrop?.mean ?? 0) - 4)).toBeLessThan(noisePx > 0 ? 1.5 : 0.3);
      expect(Math.abs((m.trunkLean?.mean ?? 0) - 6)).toBeLessThan(noisePx > 0 ? 1 : 0.3);
      expect(m.depthPct?.mean).toBeCloseTo((90 / 410) * 100, -1);
    },
  );

  it("reports knee valgus above 13.5° with the published reference values", () => {
    const evidence = singleLegSquatEvidence(analyzeSingleLegSquat(squat()));
    const valgus = evidence.find((e) => e.sign === "knee-valgus");
    expect(valgus?.present).toBe(true);
    expect(valgus?.side).toBe("right");
    expect(valgus?.confidence).toBe("moderate");
    expect(valgus?.measured?.reference).toContain("PFP 16.8 ± 5.4° (Herrington 2014)");
    expect(valgus?.observation).toMatch(
      /^Single-leg squat on the right leg, 5 reps: knee frontal plane projection angle 1[67]\.\d° at the deepest point/,
    );
    expect(evidence.find((e) => e.sign === "trunk-lean")?.present).toBe(true);
    expect(evidence.find((e) => e.sign === "pelvic-drop")?.present).toBe(false);
    for (const item of evidence) expect(movementEvidenceSchema.safeParse(item).success).toBe(true);
  });

  it("warns and gives low confidence with only two squats", () => {
    const result = analyzeSingleLegSquat(squat({ reps: 2, durationS: 6 }));
    expect(result.reps).toHaveLength(2);
    expect(result.warnings[0]?.message).toContain("Only 2 squats on the right leg");
    expect(singleLegSquatEvidence(result).every((e) => e.confidence === "low")).toBe(true);
  });

  it("finds no squats when the person stands on both feet", () => {
    const series = squat();
    const left = series.tracks.leftAnkle;
    const right = series.tracks.rightAnkle;
    if (left && right) left.y.set(right.y);
    const result = analyzeSingleLegSquat(series);
    expect(result.reps).toHaveLength(0);
    expect(result.warnings[0]?.code).toBe("no-steps");
    expect(singleLegSquatEvidence(result)).toEqual([]);
  });
});

describe("single-leg stance", () => {
  it.each([
    [2, false],
    [9, true],
  ])("a %d° drop of the lifted side over 30 s is positive: %s", (dropDeg, positive) => {
    const series = syntheticScreening({
      stance: "left",
      fps: 30,
      durationS: 31,
      reps: 0,
      depthPx: 0,
      fppaDeg: 0,
      dropDeg,
      leanDeg: 0,
      noisePx: 1,
    });
    const result = analyzeSingleLegStance(series);
    expect(result.holds).toHaveLength(1);
    const hold = result.holds[0];
    expect(hold?.side).toBe("left");
    expect(hold?.durationS).toBeCloseTo(31, 0);
    expect(Math.abs((hold?.pelvicDrop.mean ?? 0) - dropDeg)).toBeLessThan(0.5);
    expect(result.warnings).toEqual([]);
    const [evidence] = singleLegStanceEvidence(result);
    expect(evidence?.present).toBe(positive);
    expect(evidence?.task).toBe("single-leg-stance");
    expect(evidence?.observation).toContain(
      "Standing on the left leg for 31 s: the right side of the pelvis",
    );
  });

  it("says how long of the 30 s the stance lasted", () => {
    const series = syntheticScreening({
      stance: "right",
      fps: 30,
      durationS: 12,
      reps: 0,
      depthPx: 0,
      fppaDeg: 0,
      dropDeg: 3,
      leanDeg: 0,
    });
    const result = analyzeSingleLegStance(series);
    expect(result.warnings[0]?.message).toBe("The right leg stance lasted 12 s of the 30 s test.");
  });
});
