import { describe, expect, it } from "vitest";
import type { KeypointSeries } from "./keypoints.types.js";
import { analyzeRunning } from "./running-analysis.js";
import { syntheticRun } from "./test-support/synthetic-runner.js";

const asymmetricRunner = {
  pelvicDropDeg: { left: 3, right: 8 },
  fppaDeg: { left: 4, right: 12 },
  trunkLeanDeg: { left: 1, right: 5 },
  footFromMidline: { left: 0.05, right: -0.02 },
};

describe("running analysis from behind", () => {
  it.each([
    { label: "clean, 60 fps", fps: 60, noisePx: 0, dropout: 0, dropTol: 0.2, fppaTol: 1.5 },
    { label: "2 px noise, 60 fps", fps: 60, noisePx: 2, dropout: 0, dropTol: 0.6, fppaTol: 2 },
    {
      label: "2 px noise and 5 % dropouts, 30 fps",
      fps: 30,
      noisePx: 2,
      dropout: 0.05,
      dropTol: 0.8,
      fppaTol: 2.5,
    },
  ])("recovers the set angles per side ($label)", ({ fps, noisePx, dropout, dropTol, fppaTol }) => {
    const { series } = syntheticRun({ ...asymmetricRunner, fps, noisePx, dropout, seed: 7 });
    const result = analyzeRunning(series);
    expect(result.view).toBe("rear");
    expect(result.viewSource).toBe("detected");
    expect(Math.abs((result.cadence?.mean ?? 0) - 170)).toBeLessThan(1);
    expect(Math.abs((result.metrics.left.pelvicDrop?.mean ?? 0) - 3)).toBeLessThan(dropTol);
    expect(Math.abs((result.metrics.right.pelvicDrop?.mean ?? 0) - 8)).toBeLessThan(dropTol);
    expect(Math.abs((result.metrics.left.kneeFppa?.mean ?? 0) - 4)).toBeLessThan(fppaTol);
    expect(Math.abs((result.metrics.right.kneeFppa?.mean ?? 0) - 12)).toBeLessThan(fppaTol);
    expect(Math.abs((result.metrics.right.trunkLean?.mean ?? 0) - 5)).toBeLessThan(dropTol + 0.3);
    // The right foot lands 2 cm across the midline: about −11 % of an 18 cm hip width.
    expect(result.metrics.right.footFromMidline?.mean).toBeLessThan(-5);
    expect(result.metrics.left.footFromMidline?.mean).toBeGreaterThan(20);
    expect(Math.abs((result.asymmetry.pelvicDrop ?? 0) - 5)).toBeLessThan(2 * dropTol);
    expect(result.quality.stepsUsed.left).toBeGreaterThanOrEqual(14);
  });

  it("matches the construction with a distant camera (no perspective), less a little smoothing", () => {
    const { series } = syntheticRun({ ...asymmetricRunner, cameraDistance: 40, focalPx: 14000 });
    const result = analyzeRunning(series);
    expect(Math.abs((result.metrics.right.pelvicDrop?.mean ?? 0) - 8)).toBeLessThan(0.2);
    expect(Math.abs((result.metrics.right.kneeFppa?.mean ?? 0) - 12)).toBeLessThan(0.5);
    expect(Math.abs((result.metrics.left.trunkLean?.mean ?? 0) - 1)).toBeLessThan(0.1);
  });

  it("measures contact time at 60 fps and refuses it at 30 fps", () => {
    const at60 = analyzeRunning(syntheticRun({ fps: 60 }).series);
    // 0.65 of a 353 ms step: 229 ms
    expect(Math.abs((at60.metrics.left.contactTime?.mean ?? 0) - 229)).toBeLessThan(12);
    const at30 = analyzeRunning(syntheticRun({ fps: 30 }).series);
    expect(at30.metrics.left.contactTime).toBeUndefined();
    expect(at30.warnings.map((w) => w.code)).toContain("no-contact-time");
  });
});

describe("running analysis from the side", () => {
  it("measures knee flexion and shank angle at contact", () => {
    const { series, truth } = syntheticRun({ view: "side", fps: 120, noisePx: 1 });
    const result = analyzeRunning(series);
    expect(result.view).toBe("side");
    expect(result.facing).toBe("image-right");
    for (const side of ["left", "right"] as const) {
      const m = result.metrics[side];
      expect(
        Math.abs((m.kneeFlexionContact?.mean ?? 0) - truth.kneeFlexionAtContactDeg),
      ).toBeLessThan(2);
      expect(
        Math.abs((m.shankAngleContact?.mean ?? 0) - truth.shankAngleAtContactDeg),
      ).toBeLessThan(2.5);
      // pelvis rise and fall 8.1 cm over a 88 cm leg
      expect(m.verticalOscillation?.mean).toBeCloseTo(
        (100 * truth.verticalOscillationM) / truth.legLengthM,
        0,
      );
      expect(m.pelvicDrop).toBeUndefined();
    }
  });

  it("reads a runner facing left the same way", () => {
    const { series } = syntheticRun({ view: "side", fps: 60 });
    const mirrored: KeypointSeries = {
      ...series,
      tracks: Object.fromEntries(
        Object.entries(series.tracks).map(([name, track]) => [
          name,
          { ...track, x: track.x.map((x) => series.width - x) },
        ]),
      ),
    };
    const a = analyzeRunning(series);
    const b = analyzeRunning(mirrored);
    expect(b.facing).toBe("image-left");
    expect(b.metrics.left.heelAheadOfHip?.mean).toBeCloseTo(
      a.metrics.left.heelAheadOfHip?.mean ?? 0,
      1,
    );
    expect(b.metrics.left.shankAngleContact?.mean).toBeCloseTo(
      a.metrics.left.shankAngleContact?.mean ?? 0,
      1,
    );
  });
});

describe("warnings instead of made-up numbers", () => {
  const codes = (series: KeypointSeries) => analyzeRunning(series).warnings.map((w) => w.code);

  it.each([
    ["too-few-steps", { durationS: 4 }],
    ["low-fps", { fps: 15 }],
    ["runner-too-small", { cameraDistance: 25 }],
  ] as const)("warns %s", (code, overrides) => {
    expect(codes(syntheticRun(overrides).series)).toContain(code);
  });

  it("flags a tilted camera", () => {
    const { series } = syntheticRun({});
    const tilt = (6 * Math.PI) / 180;
    const rotated: KeypointSeries = {
      ...series,
      tracks: Object.fromEntries(
        Object.entries(series.tracks).map(([name, track]) => [
          name,
          {
            ...track,
            x: track.x.map((x, i) => x * Math.cos(tilt) - (track.y[i] ?? 0) * Math.sin(tilt)),
            y: track.y.map((y, i) => (track.x[i] ?? 0) * Math.sin(tilt) + y * Math.cos(tilt)),
          },
        ]),
      ),
    };
    const result = analyzeRunning(rotated);
    // 6° of camera roll, read within 0.1° (the steps' windows do not cover whole strides exactly).
    expect(result.warnings.find((w) => w.code === "camera-tilted")?.message).toMatch(
      /tilted by (5\.9|6\.0|6\.1)°/,
    );
  });

  it("reports no steps and no measures for a person standing still", () => {
    const { series } = syntheticRun({ durationS: 4 });
    const still: KeypointSeries = {
      ...series,
      tracks: Object.fromEntries(
        Object.entries(series.tracks).map(([name, track]) => [
          name,
          {
            ...track,
            x: track.x.map(() => track.x[0] ?? 0),
            y: track.y.map(() => track.y[0] ?? 0),
          },
        ]),
      ),
    };
    const result = analyzeRunning(still);
    expect(result.steps).toHaveLength(0);
    expect(result.metrics.left).toEqual({});
    expect(result.cadence).toBeUndefined();
    expect(result.warnings[0]?.code).toBe("no-steps");
  });

  it("warns when several people are in the picture", () => {
    const { series } = syntheticRun({});
    series.people = { maxInFrame: 2, framesWithSeveral: series.t.length };
    expect(codes(series)).toContain("several-people");
  });
});

describe("left and right legs swapped by the pose model", () => {
  it("puts swapped legs back and measures as if nothing happened", () => {
    const { series } = syntheticRun({ view: "side", fps: 60, noisePx: 1, seed: 5 });
    const clean = analyzeRunning(series);
    const names = ["Knee", "Ankle", "Heel", "BigToe"] as const;
    const swappedSeries: KeypointSeries = {
      ...series,
      tracks: Object.fromEntries(
        Object.entries(series.tracks).map(([name, track]) => [
          name,
          { x: track.x.slice(), y: track.y.slice(), score: track.score.slice() },
        ]),
      ),
    };
    // Single-frame swaps every 13 frames and one run of 12 frames.
    const swapFrames = new Set<number>();
    for (let i = 20; i < series.t.length; i += 13) swapFrames.add(i);
    for (let i = 300; i < 312; i++) swapFrames.add(i);
    for (const i of swapFrames) {
      for (const part of names) {
        const l = swappedSeries.tracks[`left${part}`];
        const r = swappedSeries.tracks[`right${part}`];
        if (!l || !r) continue;
        for (const key of ["x", "y"] as const) {
          const v = l[key][i] ?? 0;
          l[key][i] = r[key][i] ?? 0;
          r[key][i] = v;
        }
      }
    }
    const fixed = analyzeRunning(swappedSeries);
    expect(fixed.quality.legSwapsFixed).toBeGreaterThanOrEqual(swapFrames.size - 4);
    expect(fixed.steps.length).toBe(clean.steps.length);
    expect(fixed.metrics.left.kneeFlexionContact?.mean).toBeCloseTo(
      clean.metrics.left.kneeFlexionContact?.mean ?? 0,
      0,
    );
    expect(fixed.warnings.map((w) => w.code)).toContain("sides-confused");
    expect(clean.quality.legSwapsFixed).toBe(0);
  });
});
