import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { butterworthLowPass, derivative, fillGaps, lowPassZeroPhase } from "./signal.js";

/** Magnitude of a biquad's response at frequency f. */
function gainAt(f: number, fs: number, cutoff: number): number {
  const { b0, b1, b2, a1, a2 } = butterworthLowPass(cutoff, fs);
  const w = (2 * Math.PI * f) / fs;
  const re = (c0: number, c1: number, c2: number) => c0 + c1 * Math.cos(w) + c2 * Math.cos(2 * w);
  const im = (c1: number, c2: number) => -c1 * Math.sin(w) - c2 * Math.sin(2 * w);
  const num = Math.hypot(re(b0, b1, b2), im(b1, b2));
  const den = Math.hypot(re(1, a1, a2), im(a1, a2));
  return num / den;
}

const sine = (n: number, fs: number, hz: number) =>
  Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * hz * i) / fs));

describe("Butterworth low-pass", () => {
  it.each([
    [10, 100],
    [6, 60],
    [12, 240],
  ])("passes DC and is 3 dB down at the cut-off (%d Hz at %d Hz)", (cutoff, fs) => {
    expect(gainAt(0, fs, cutoff)).toBeCloseTo(1, 10);
    expect(gainAt(cutoff, fs, cutoff)).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it("refuses a cut-off at or above Nyquist", () => {
    expect(() => butterworthLowPass(30, 60)).toThrow("cut-off 30 Hz must be between 0 and 30 Hz");
  });
});

describe("zero-phase low-pass", () => {
  it("keeps a slow wave's timing and size, and removes a fast one", () => {
    const fs = 120;
    const slow = sine(1200, fs, 1.5);
    const fast = sine(1200, fs, 40);
    const mixed = slow.map((v, i) => v + 0.5 * (fast[i] ?? 0));
    const out = lowPassZeroPhase(mixed, { cutoffHz: 8, sampleHz: fs });
    let worst = 0;
    for (let i = 60; i < 1140; i++)
      worst = Math.max(worst, Math.abs((out[i] ?? 0) - (slow[i] ?? 0)));
    expect(worst).toBeLessThan(0.02);
  });

  it("filters each run between missing samples separately", () => {
    const values = Float64Array.from({ length: 40 }, (_, i) => (i === 20 ? Number.NaN : 5));
    const out = lowPassZeroPhase(values, { cutoffHz: 5, sampleHz: 50 });
    expect(Number.isNaN(out[20])).toBe(true);
    expect(out[0]).toBeCloseTo(5, 10);
    expect(out[39]).toBeCloseTo(5, 10);
  });

  it("leaves any straight line unchanged (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.integer({ min: 60, max: 300 }),
        (offset, slope, n) => {
          const line = Float64Array.from({ length: n }, (_, i) => offset + slope * i);
          const out = lowPassZeroPhase(line, { cutoffHz: 6, sampleHz: 60 });
          // exact up to a start-up transient of about 2e-6 per unit of slope
          const tolerance = 1e-5 * (1 + Math.abs(offset) + Math.abs(slope));
          return out.every((v, i) => Math.abs(v - (line[i] ?? 0)) < tolerance);
        },
      ),
    );
  });
});

describe("gap filling", () => {
  it("draws straight lines over short gaps and leaves long ones", () => {
    const values = Float64Array.from([
      0,
      Number.NaN,
      Number.NaN,
      3,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      8,
    ]);
    expect(fillGaps(values, 2)).toBe(2);
    expect(Array.from(values.subarray(0, 4))).toEqual([0, 1, 2, 3]);
    expect(Number.isNaN(values[5])).toBe(true);
  });

  it("holds the nearest value at the ends", () => {
    const values = Float64Array.from([Number.NaN, 4, 5, Number.NaN]);
    expect(fillGaps(values, 3)).toBe(2);
    expect(Array.from(values)).toEqual([4, 4, 5, 5]);
  });

  it("recovers any line with holes shorter than the limit (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 3, maxLength: 200 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (holes, slope) => {
          const n = holes.length;
          const line = Float64Array.from({ length: n }, (_, i) => 7 + slope * i);
          const punched = line.map((v, i) => (holes[i] && i > 0 && i < n - 1 ? Number.NaN : v));
          fillGaps(punched, n);
          return punched.every(
            (v, i) => Math.abs(v - (line[i] ?? 0)) < 1e-6 * (1 + Math.abs(slope) * n),
          );
        },
      ),
    );
  });
});

describe("derivative", () => {
  it("gives the slope per second", () => {
    const out = derivative(Float64Array.from([0, 2, 4, 6]), 50);
    expect(Array.from(out)).toEqual([100, 100, 100, 100]);
  });
});
