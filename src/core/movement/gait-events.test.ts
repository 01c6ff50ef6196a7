import { describe, expect, it } from "vitest";
import { detectGaitEvents } from "./gait-events.js";
import { prepareSeries } from "./prepare.js";
import { syntheticRun } from "./test-support/synthetic-runner.js";

function contactErrorsMs(overrides: Parameters<typeof syntheticRun>[0]) {
  const { series, truth } = syntheticRun(overrides);
  const events = detectGaitEvents(series, prepareSeries(series));
  const errors: number[] = [];
  let wrongSide = 0;
  for (const step of events.steps) {
    const nearest = truth.contacts.reduce((a, b) =>
      Math.abs(b.t - step.contact) < Math.abs(a.t - step.contact) ? b : a,
    );
    errors.push((step.contact - nearest.t) * 1000);
    if (nearest.side !== step.side) wrongSide++;
  }
  const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
  const meanAbs = errors.reduce((a, b) => a + Math.abs(b), 0) / errors.length;
  return {
    steps: events.steps.length,
    expected: truth.contacts.length,
    mean,
    meanAbs,
    wrongSide,
    events,
  };
}

describe("gait events from pelvis motion", () => {
  it.each([
    ["rear", 60, 0],
    ["rear", 30, 0],
    ["side", 120, 0],
    ["rear", 60, 1.5],
    ["side", 60, 1.5],
  ] as const)(
    "finds every contact and its side (%s view, %d fps, noise %d px)",
    (view, fps, noisePx) => {
      const result = contactErrorsMs({ view, fps, noisePx, durationS: 10 });
      expect(result.steps).toBeGreaterThanOrEqual(result.expected - 3);
      expect(result.wrongSide).toBe(0);
      expect(result.meanAbs).toBeLessThan(noisePx > 0 ? 20 : 12);
      expect(result.events.sideConflicts).toBe(0);
    },
  );
});
