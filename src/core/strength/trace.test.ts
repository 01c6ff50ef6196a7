import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { as, type Newtons } from "../units.js";
import { analyseForceTrace } from "./trace.js";

/** Rest at 0 N, a straight rise at `slope` N/s, then a plateau. */
function ramp(options: {
  rateHz: number;
  restS: number;
  riseS: number;
  holdS: number;
  slope: number;
}) {
  const dt = 1 / options.rateHz;
  const restCount = Math.round(options.restS * options.rateHz);
  const riseCount = Math.round(options.riseS * options.rateHz);
  const holdCount = Math.round(options.holdS * options.rateHz);
  const samples: Newtons[] = [];
  for (let i = 0; i < restCount; i++) samples.push(as<Newtons>(0));
  for (let i = 0; i <= riseCount; i++) samples.push(as<Newtons>(options.slope * i * dt));
  const peak = options.slope * riseCount * dt;
  for (let i = 0; i < holdCount; i++) samples.push(as<Newtons>(peak));
  return { rateHz: options.rateHz, samplesN: samples };
}

describe("analyseForceTrace", () => {
  it("finds onset, peak, time to peak and RFD on a 5,000 N/s ramp at 1,000 Hz", () => {
    const result = analyseForceTrace(
      ramp({ rateHz: 1000, restS: 0.1, riseS: 0.3, holdS: 0.2, slope: 5000 }),
    );
    expect(result.baselineN).toBe(0);
    expect(result.peakN).toBeCloseTo(1500, 6);
    // threshold 2.5 % of 1,500 N = 37.5 N, reached 7.5 ms into the rise
    expect(result.onsetMs).toBeCloseTo(107.5, 6);
    expect(result.timeToPeakMs).toBeCloseTo(292.5, 6);
    expect(result.rateOfForceDevelopment.map((r) => r.windowMs)).toEqual([50, 100, 200]);
    for (const rfd of result.rateOfForceDevelopment)
      expect(rfd.newtonsPerSecond).toBeCloseTo(5000, 6);
    expect(result.onsetMethod).toContain("2.5 % of the rise to peak");
  });

  it("gives the slope of a linear ramp as its RFD in every window", () => {
    fc.assert(
      fc.property(
        fc.record({
          rateHz: fc.integer({ min: 200, max: 2000 }),
          restS: fc.double({ min: 0, max: 0.3, noNaN: true }),
          riseS: fc.double({ min: 0.4, max: 1, noNaN: true }),
          holdS: fc.double({ min: 0, max: 0.5, noNaN: true }),
          slope: fc.double({ min: 100, max: 20_000, noNaN: true }),
        }),
        (options) => {
          const result = analyseForceTrace(ramp(options));
          for (const rfd of result.rateOfForceDevelopment) {
            expect(Math.abs(rfd.newtonsPerSecond - options.slope) / options.slope).toBeLessThan(
              1e-9,
            );
          }
        },
      ),
    );
  });

  it("refuses a trace that ends before 200 ms after onset", () => {
    const short = ramp({ rateHz: 1000, restS: 0.1, riseS: 0.15, holdS: 0, slope: 5000 });
    expect(() => analyseForceTrace(short)).toThrow(
      "The force trace ends 146 ms after the contraction starts; it must run at least 200 ms past onset to give the rate of force development.",
    );
  });

  it.each([0, -225, Number.NaN])("refuses a sampling rate of %s Hz", (rateHz) => {
    const trace = {
      ...ramp({ rateHz: 1000, restS: 0.1, riseS: 0.4, holdS: 0, slope: 5000 }),
      rateHz,
    };
    expect(() => analyseForceTrace(trace)).toThrow(
      `The force trace's sampling rate must be above 0 Hz, got ${rateHz}.`,
    );
  });

  it("refuses a flat trace and a single sample", () => {
    const flat = { rateHz: 225, samplesN: Array.from({ length: 100 }, () => as<Newtons>(3)) };
    expect(() => analyseForceTrace(flat)).toThrow("never rises above its resting level");
    expect(() => analyseForceTrace({ rateHz: 225, samplesN: [as<Newtons>(5)] })).toThrow(
      "The force trace has 1 sample; it needs a rise from rest to peak.",
    );
  });
});
