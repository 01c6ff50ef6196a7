import { describe, expect, it } from "vitest";
import { SOURCES } from "../sources.js";
import { movementEvidenceSchema } from "./evidence.schema.js";
import { analyzeRunning } from "./running-analysis.js";
import { runningEvidence } from "./running-evidence.js";
import { syntheticRun } from "./test-support/synthetic-runner.js";

const rear = analyzeRunning(
  syntheticRun({
    pelvicDropDeg: { left: 3, right: 8 },
    fppaDeg: { left: 4, right: 16 },
    trunkLeanDeg: { left: 1, right: 7 },
    footFromMidline: { left: 0.05, right: -0.03 },
    cadence: 156,
    noisePx: 1,
  }).series,
);
const rearEvidence = runningEvidence(rear);
const find = (sign: string, side?: string) =>
  rearEvidence.find((e) => e.sign === sign && e.side === side);

describe("running evidence from a rear view", () => {
  it.each([
    ["pelvic-drop", "right", true],
    ["pelvic-drop", "left", false],
    ["knee-valgus", "right", true],
    ["knee-valgus", "left", false],
    ["trunk-lean", "right", true],
    ["trunk-lean", "left", false],
    ["crossover", "right", true],
    ["crossover", "left", false],
    ["low-cadence", undefined, true],
  ] as const)("%s on the %s side: present %s", (sign, side, present) => {
    expect(find(sign, side)?.present).toBe(present);
  });

  it("states the value, the threshold and the source in words", () => {
    const drop = find("pelvic-drop", "right");
    expect(drop?.measured?.unit).toBe("°");
    expect(Math.abs((drop?.measured?.value ?? 0) - 8)).toBeLessThan(0.6);
    expect(drop?.observation).toMatch(
      /^Running, right foot on the ground: the left side of the pelvis dropped [78]\.\d° on average \(SD \d\.\d°, \d+ steps\), above the 5\.0° threshold\.$/,
    );
    expect(drop?.source).toBe("bramah-2018");
    expect(find("knee-valgus", "right")?.measured?.reference).toContain("healthy women 8.4 ± 5.1°");
    expect(find("low-cadence")?.observation).toContain("Cadence 156 steps/min");
  });

  it("caps frontal-plane signs at moderate confidence and lets trunk lean be high", () => {
    expect(find("pelvic-drop", "right")?.confidence).toBe("moderate");
    expect(find("knee-valgus", "right")?.confidence).toBe("moderate");
    expect(find("trunk-lean", "right")?.confidence).toBe("high");
  });

  it("produces evidence the assessment file schema accepts, citing known sources", () => {
    for (const item of rearEvidence) {
      expect(movementEvidenceSchema.safeParse(item).success).toBe(true);
      expect(SOURCES[item.source]).toBeDefined();
    }
  });
});

describe("confidence and views", () => {
  it("gives low confidence with fewer than 7 steps per side (Dingenen 2018)", () => {
    const short = runningEvidence(analyzeRunning(syntheticRun({ durationS: 4 }).series));
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((e) => e.confidence === "low")).toBe(true);
  });

  it("reports overstriding from the side view, not pelvic drop", () => {
    const side = runningEvidence(
      analyzeRunning(syntheticRun({ view: "side", footAheadAtContact: 0.45, fps: 120 }).series),
    );
    expect(side.some((e) => e.sign === "pelvic-drop")).toBe(false);
    const over = side.find((e) => e.sign === "overstride" && e.side === "left");
    expect(over?.present).toBe(true);
    expect(over?.measured?.value).toBeGreaterThan(10);
    expect(over?.observation).toContain("ahead of the knee");
  });

  it("says nothing when no steps were found", () => {
    const { series } = syntheticRun({ durationS: 3 });
    for (const track of Object.values(series.tracks)) track.score.fill(0);
    expect(runningEvidence(analyzeRunning(series))).toEqual([]);
  });
});
