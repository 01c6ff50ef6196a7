import { describe, expect, it } from "vitest";
import { assess } from "../assessment/assess.js";
import { RULES_VERSION } from "../rules-version.js";
import { assessmentFile } from "../test-support/assessment.builder.js";
import { judgeMeasurements } from "./judge-movement.js";
import type { MovementMeasurement } from "./measurements.js";
import { runningMeasurements } from "./measurements.js";
import { DEFAULT_MOVEMENT_THRESHOLDS } from "./movement-thresholds.js";
import { analyzeRunning } from "./running-analysis.js";
import { syntheticRun } from "./test-support/synthetic-runner.js";

const drop = (side: "left" | "right", value: number): MovementMeasurement => ({
  task: "running",
  metric: "pelvic-drop",
  side,
  value,
  unit: "°",
  quality: "moderate",
  n: 12,
  sd: 1.1,
});
const cadence = (value: number, withheld?: string): MovementMeasurement => ({
  task: "running",
  metric: "cadence",
  value,
  unit: "steps/min",
  quality: "high",
  n: 40,
  ...(withheld ? { withheld } : {}),
});

/** A stored analysis, as `assess --movement` puts it into the assessment. */
const stored = (measurements: MovementMeasurement[]) => ({
  rulesVersion: "2026.11.1",
  task: "running",
  measurements,
  warnings: [{ code: "camera-tilted", message: "The hip line is tilted 4° on average." }],
});

describe("movement is judged when the assessment runs", () => {
  it.each([
    { pelvicDropDeg: 5, present: true },
    { pelvicDropDeg: 7, present: false },
  ])(
    "a stored 6.2° drop with the clinic's threshold $pelvicDropDeg° → present $present",
    ({ pelvicDropDeg, present }) => {
      const result = assess(
        assessmentFile({
          videoAnalyses: [stored([drop("left", 5.8), drop("right", 6.2)])],
          settings: { movement: { pelvicDropDeg, pelvicDropAsymmetryDeg: 2.8 } },
        }),
      );
      const right = result.movement.find((m) => m.sign === "pelvic-drop" && m.side === "right");
      expect(right?.present).toBe(present);
      expect(right?.measured?.reference).toContain(`threshold ${pelvicDropDeg.toFixed(1)}°`);
      expect(result.settings.movement.pelvicDropDeg).toBe(pelvicDropDeg);
      // The analysis keeps its own rules version; the judgement is the current one.
      expect(result.videoAnalyses[0]).toMatchObject({
        analysisRulesVersion: "2026.11.1",
        judgedWithRulesVersion: RULES_VERSION,
        warnings: [{ code: "camera-tilted", message: "The hip line is tilted 4° on average." }],
      });
    },
  );

  it("never judges a measurement the analysis withheld, and says why", () => {
    const result = assess(
      assessmentFile({
        videoAnalyses: [
          stored([
            cadence(95, "cadence 95 steps/min is not plausible for running: steps were missed"),
          ]),
        ],
      }),
    );
    expect(result.movement.some((m) => m.sign === "low-cadence")).toBe(false);
    expect(result.videoAnalyses[0]?.skipped).toEqual([
      {
        metric: "cadence",
        reason: "cadence 95 steps/min is not plausible for running: steps were missed",
      },
    ]);
  });

  it("the same measurements judged with the defaults give what analyze previews", () => {
    const analysis = analyzeRunning(
      syntheticRun({ pelvicDropDeg: { left: 3, right: 8 }, cadence: 156 }).series,
    );
    const measurements = runningMeasurements(analysis);
    const judged = judgeMeasurements(measurements, DEFAULT_MOVEMENT_THRESHOLDS).evidence;
    const result = assess(
      assessmentFile({ videoAnalyses: [{ ...stored(measurements), warnings: [] }] }),
    );
    expect(result.movement.filter((m) => m.method === "video")).toEqual(judged);
    expect(measurements.every((m) => ["low", "moderate", "high"].includes(m.quality))).toBe(true);
  });

  it("rejects a clinic threshold out of range, naming the field", () => {
    expect(() => assess(assessmentFile({ settings: { movement: { lowCadence: 20 } } }))).toThrow(
      /settings\.movement\.lowCadence/,
    );
  });
});
