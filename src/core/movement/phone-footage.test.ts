import { describe, expect, it } from "vitest";
import type { KeypointSeries } from "./keypoints.types.js";
import { analyzeRunning, type RunningAnalysis } from "./running-analysis.js";
import { runningEvidence } from "./running-evidence.js";
import {
  passingBy,
  shrinking,
  silhouette,
  slowMotion,
  withBackgroundPerson,
  withDroppedLeg,
  withLegSwaps,
  withSpeedJitter,
} from "./test-support/phone-footage.js";
import { syntheticRun } from "./test-support/synthetic-runner.js";

const codes = (a: RunningAnalysis) => a.warnings.map((w) => w.code);
const message = (a: RunningAnalysis, code: string) =>
  a.warnings.find((w) => w.code === code)?.message;
const withheldIds = (a: RunningAnalysis) => [
  ...new Set(a.withheld.map((w) => `${w.metric}${w.side ? `:${w.side}` : ""}`)),
];

/** A measured cadence: within 2 steps/min of the truth, with the rhythm's agreement figure. */
function expectCadence(a: RunningAnalysis, truth: number): void {
  expect(a.cadence).toBeDefined();
  expect(Math.abs((a.cadence?.mean ?? 0) - truth)).toBeLessThan(2);
  expect(Math.abs((a.rhythm?.cadenceFromRhythm ?? 0) - truth)).toBeLessThan(2);
  expect(a.rhythm?.agreementPct).toBeLessThan(3);
  expect(a.withheld.some((w) => w.metric === "cadence")).toBe(false);
}

// A phone clip as people film it: portrait, 60 fps, side view on a treadmill, 6.5 s.
const treadmillSide = syntheticRun({ view: "side", fps: 60, durationS: 6.5, cadence: 166.5 });
const blurred = withSpeedJitter(treadmillSide.series, { basePx: 2, share: 0.5, seed: 3 });

describe("phone footage as pose detectors see it", () => {
  it("keeps the cadence of a clip whose fast limbs jitter (blur)", () => {
    const a = analyzeRunning(blurred);
    expectCadence(a, 166.5);
    // Contacts scatter with the jitter, but every one keeps to the rhythm.
    expect(a.cadence?.sd).toBeGreaterThan(5);
    expect(a.rhythm?.contactsOffRhythm).toBe(0);
  });

  it("puts swapped legs back, counts the swaps, and keeps the cadence", () => {
    const { series, swappedFrames } = withLegSwaps(blurred, {
      everyFrames: 20,
      frames: 4,
      seed: 4,
    });
    const a = analyzeRunning(series);
    expectCadence(a, 166.5);
    expect(a.quality.legSwapsFixed).toBeGreaterThan(0.6 * swappedFrames);
    expect(a.quality.legSwaps).toBeGreaterThanOrEqual(10);
    expect(message(a, "sides-confused")).toMatch(
      /^The pose model mixed up the left and right legs in \d+ frames \(\d+ times\)/,
    );
  });

  it("bridges a far leg the model keeps losing", () => {
    const a = analyzeRunning(withDroppedLeg(treadmillSide.series, { share: 0.3, seed: 5 }));
    expectCadence(a, 166.5);
    expect(a.quality.lowScoreFraction).toBeGreaterThan(0.05);
    expect(codes(a)).not.toContain("runner-cut-off");
    expect(a.metrics.left.kneeFlexionMidstance).toBeDefined();
  });

  it("keeps the rhythm when the tracker follows a background runner for 1.5 s", () => {
    const own = syntheticRun({ fps: 30, durationS: 12 }).series;
    const other = syntheticRun({
      fps: 30,
      durationS: 12,
      cadence: 150,
      cameraDistance: 7,
      seed: 9,
    });
    const a = analyzeRunning(withBackgroundPerson(own, other.series, { fromS: 5, toS: 6.5 }));
    expectCadence(a, 170);
    expect(a.quality.outliers).toBeGreaterThan(0);
    expect(message(a, "several-people")).toContain("More than one person was seen");
  });

  it("warns about a runner running away (half their size by the end), keeps the timing, withholds what is in leg lengths", () => {
    const a = analyzeRunning(
      shrinking(syntheticRun({ fps: 30, durationS: 10, cadence: 163.6 }).series, 0.5),
    );
    expectCadence(a, 163.6);
    expect(a.quality.scaleChange).toBeLessThan(0.65);
    expect(message(a, "runner-changes-size")).toMatch(
      /^The runner shrinks to 0\.\d\d× their size over the clip: they are moving away from the camera\./,
    );
    expect(a.withheld).toContainEqual(
      expect.objectContaining({ metric: "verticalOscillation", warning: "runner-changes-size" }),
    );
    expect(a.metrics.left.verticalOscillation).toBeUndefined();
    // Angles are still shown, with low confidence; cadence keeps its own.
    const evidence = runningEvidence(a);
    expect(evidence.find((e) => e.sign === "pelvic-drop")?.confidence).toBe("low");
    expect(evidence.find((e) => e.sign === "low-cadence")?.confidence).toBe("high");
  });

  it("withholds the cadence of a slow-motion clip and says which --fps to give", () => {
    // Filmed at 120 fps, stored at 30: a runner at 170 steps/min shows 42.5 in video time.
    const a = analyzeRunning(slowMotion({ view: "side", fps: 120, durationS: 8 }, 30));
    expect(a.cadence).toBeUndefined();
    expect(a.withheld).toContainEqual(
      expect.objectContaining({ metric: "cadence", warning: "implausible-cadence" }),
    );
    expect(message(a, "implausible-cadence")).toMatch(
      /^The clip's rhythm gives 42 steps\/min, outside running's 130–230: it is not reported, nor anything built on it\. This looks like a slow-motion clip: between steps the body falls at 0\.\d m\/s² instead of 9\.8, as if time ran [34]\.\d× slower\. Give the rate it was filmed at with --fps \(probably --fps 120\)\.$/,
    );
    // Slow motion leaves the geometry right: knee angles stay; no cadence advice is built.
    expect(a.metrics.left.kneeFlexionMidstance).toBeDefined();
    expect(runningEvidence(a).some((e) => e.sign === "low-cadence")).toBe(false);
  });

  it("measures the same clip right when the capture rate is given", () => {
    const clip = slowMotion({ view: "side", fps: 120, durationS: 8 }, 30);
    const a = analyzeRunning({ ...clip, fps: 120, t: clip.t.map((_, i) => i / 120) });
    expectCadence(a, 170);
  });

  it("refuses a 1.1 s clip outright", () => {
    const a = analyzeRunning(syntheticRun({ durationS: 1.1, fps: 30 }).series);
    expect(message(a, "clip-too-short")).toMatch(
      /^The clip lasts 1\.1 s and shows \d steps?: at least 3 s of running \(6 steps\) are needed to measure anything/,
    );
    expect(a.cadence).toBeUndefined();
    expect(a.metrics.left).toEqual({});
    expect(withheldIds(a)).toContain("cadence");
    expect(runningEvidence(a)).toEqual([]);
    expect(codes(a)).not.toContain("too-few-steps");
  });

  it("flags a panning silhouette: legs mixed up, implausible knee and shin angles withheld", () => {
    const a = analyzeRunning(silhouette({}, 11));
    expect(codes(a)).toEqual(
      expect.arrayContaining(["camera-panning", "sides-confused", "low-confidence"]),
    );
    expect(message(a, "camera-panning")).toContain(
      "The camera moved: the background shifted in 100 % of the frames compared.",
    );
    // Either a cadence within 2 steps/min, or none at all.
    if (a.cadence) expectCadence(a, 170);
    else expect(withheldIds(a)).toContain("cadence");
    expect(message(a, "implausible-value")).toMatch(
      /is outside what runners show \(-25 to 35°; shin from vertical at foot strike\)/,
    );
    expect(a.metrics.left.shankAngleContact).toBeUndefined();
    // Panning lowers everything that is still shown.
    expect(runningEvidence(a).every((e) => e.confidence === "low")).toBe(true);
  });

  it("tells a side-view camera that is not level by the ground line under a passing runner", () => {
    // Belt speed 1 m/s, about 330 px per metre at 4 m: moving the body 350 px/s plants the stance foot.
    const level = analyzeRunning(
      passingBy(syntheticRun({ view: "side", fps: 60, durationS: 3.5, speed: 1 }).series, {
        pxPerS: 350,
        startPx: -600,
      }),
    );
    expect(codes(level)).not.toContain("camera-tilted");
    const tilted = analyzeRunning(
      passingBy(syntheticRun({ view: "side", fps: 60, durationS: 3.5, speed: 1 }).series, {
        pxPerS: 350,
        startPx: -600,
        rollDeg: 5,
      }),
    );
    expect(message(tilted, "camera-tilted")).toMatch(
      /^The ground \(the standing foot at each midstance\) is tilted by [45]\.\d° in the picture/,
    );
    expect(tilted.warnings.find((w) => w.code === "camera-tilted")?.downgrades).toContain(
      "shankAngleContact",
    );
  });

  it("says so when nothing repeats: a person fidgeting in place", () => {
    const { series } = syntheticRun({ durationS: 8 });
    let seed = 5;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const fidget: KeypointSeries = {
      ...series,
      tracks: Object.fromEntries(
        Object.entries(series.tracks).map(([name, track]) => [
          name,
          {
            ...track,
            x: track.x.map(() => (track.x[0] ?? 0) + 6 * random()),
            y: track.y.map(() => (track.y[0] ?? 0) + 6 * random()),
          },
        ]),
      ),
    };
    const a = analyzeRunning(fidget);
    expect(a.cadence).toBeUndefined();
    expect(runningEvidence(a).some((e) => e.sign === "low-cadence")).toBe(false);
    expect(codes(a).some((c) => c === "no-steps" || c === "no-clear-rhythm")).toBe(true);
  });
});

describe("withheld measures are no evidence", () => {
  it("skips a measure listed as withheld even if an edited analysis still carries its value", () => {
    const a = analyzeRunning(syntheticRun({ cadence: 150 }).series);
    expect(runningEvidence(a).some((e) => e.sign === "low-cadence")).toBe(true);
    const edited: RunningAnalysis = {
      ...a,
      withheld: [
        {
          status: "withheld",
          metric: "cadence",
          unit: "steps/min",
          warning: "implausible-cadence",
        },
      ],
    };
    expect(runningEvidence(edited).some((e) => e.sign === "low-cadence")).toBe(false);
  });
});
