import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assess } from "../../core/assessment/assess.js";
import { assessmentSchema } from "../../core/assessment/assessment.schema.js";
import { InputError, parseWith } from "../../core/errors.js";
import { strengthSchema } from "../../core/strength/strength.schema.js";
import { strengthFromTrace } from "./force-trace-csv.js";
import { strengthToCsv } from "./strength-export.js";
import { parseColumnMap, strengthFromCsv } from "./strength-import.js";

const seed000 = JSON.parse(readFileSync("examples/seed-000-hip-weakness.json", "utf8"));
const valdExample = readFileSync("examples/dynamometer-vald-style.csv", "utf8");

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("VALD-style dynamometer export", () => {
  it("reads one row per trial into one entry per test and side, with RFD and time to peak", () => {
    const { tests } = strengthFromCsv(valdExample, { format: "vald" });
    expect(tests).toHaveLength(6);
    expect(tests[1]).toEqual({
      test: "hip-abduction",
      side: "right",
      position: "side-lying",
      method: "make",
      unit: "N",
      leverArmCm: 78,
      trials: [78, 81, 79],
      trialMetrics: [
        { rfd: 380, timeToPeakMs: 810 },
        { rfd: 402, timeToPeakMs: 770 },
        { rfd: 391, timeToPeakMs: 790 },
      ],
    });
    // Assessed in place of seed-000's typed strength: the same right hip abduction deficit.
    const result = assess({ ...seed000, strength: { tests } });
    const abduction = result.strength?.tests.find((t) => t.test === "hip-abduction");
    expect(abduction?.lsiPercent).toBeCloseTo(69.83, 1);
    expect(abduction?.sides.right?.bestTrialMetrics).toEqual({ rfdNPerS: 402, timeToPeakMs: 770 });
  });

  it("round-trips seed-000's strength section through the CSV export", () => {
    const original = parseWith(assessmentSchema, seed000).strength;
    if (!original) throw new Error("seed-000 has strength tests");
    const csv = strengthToCsv(original);
    expect(csv.split("\n")[0]).toBe(
      "Test,Position,Method,Laterality,Repetition,maxForceNewtons,leverArmCm,RFD,timeToPeakSeconds",
    );
    expect(csv.trim().split("\n")).toHaveLength(31);
    const back = parseWith(strengthSchema, strengthFromCsv(csv, { format: "vald" }));
    expect(back).toEqual(original);
  });

  it("names the missing column and imports nothing", () => {
    const noForce = valdExample.replace("maxForceNewtons", "force");
    expect(problems(() => strengthFromCsv(noForce, { format: "vald" }))).toEqual([
      'line 1: missing column for force: expected one of "maxForceNewtons", "Max Force (N)", "Peak Force (N)"',
    ]);
  });

  it("catches a comma decimal that splits a row, and a comma decimal in a semicolon file", () => {
    const lines = valdExample.split("\n");
    lines[3] = lines[3]?.replace(",114,", ",114,5,") ?? "";
    expect(problems(() => strengthFromCsv(lines.join("\n"), { format: "vald" }))).toEqual([
      "line 4: 11 values where the header has 10: is a decimal written with a comma (312,5)? Write it with a point (312.5) or quote it",
    ]);
    const semicolons =
      "Test;Position;Laterality;maxForceNewtons\nHip Abduction;Side Lying;Left;112,5\nHip Abduction;Side Lying;Right;80\n";
    expect(problems(() => strengthFromCsv(semicolons, { format: "vald" }))).toEqual([
      'line 2, column maxForceNewtons: "112,5" uses a comma as the decimal separator; write 112.5',
    ]);
  });

  it("reports every bad cell with its line and column", () => {
    const bad =
      "Test,Position,Laterality,maxForceNewtons\nHip Abduction,Side Lying,Middle,112\nHip Abductoin,Side Lying,Left,abc\nHip Abduction,Side Lying,Right,-5\n";
    expect(problems(() => strengthFromCsv(bad, { format: "vald" }))).toEqual([
      'line 2, column Laterality: expected Left or Right, got "Middle"',
      expect.stringMatching(/^line 3, column Test: "hip-abductoin" is not one of hip-abduction, /),
      'line 3, column maxForceNewtons: expected a number, got "abc"',
      "line 4, column maxForceNewtons: a peak force must be above 0, got -5",
    ]);
  });
});

describe("other layouts", () => {
  it("reads a generic semicolon CSV in kgf through a column mapping", () => {
    const csv =
      "Movement;Limb;Peak kgf;Pos;Trial\nhip abduction;R;8.1;side-lying;2\nhip abduction;R;7.9;side-lying;1\nhip abduction;L;11.6;side-lying;1\n";
    const map = parseColumnMap(
      "test=Movement,side=Limb,force=Peak kgf,position=Pos,repetition=Trial",
    );
    const { tests } = strengthFromCsv(csv, { format: "generic", map, unit: "kgf" });
    expect(tests).toEqual([
      {
        test: "hip-abduction",
        side: "right",
        position: "side-lying",
        method: "make",
        unit: "kgf",
        trials: [7.9, 8.1],
      },
      {
        test: "hip-abduction",
        side: "left",
        position: "side-lying",
        method: "make",
        unit: "kgf",
        trials: [11.6],
      },
    ]);
    expect(
      problems(() =>
        strengthFromCsv(csv, { format: "generic", map: { test: "Movement", side: "Side" } }),
      ),
    ).toEqual([
      'line 1: no column "Side" (mapped to side); the header has "Movement", "Limb", "Peak kgf", "Pos", "Trial"',
      "line 1: map a column to force with --map force=COLUMN",
    ]);
    expect(problems(() => parseColumnMap("test=Movement,colour=Red"))).toEqual([
      '--map: unknown field "colour"; known: test, side, position, method, force, repetition, leverArmCm, rfd, timeToPeakS, timeToPeakMs',
    ]);
  });

  it("reads a raw force–time trace: its peak is the trial, its samples the trace", () => {
    const rate = 225;
    const rows = Array.from({ length: 450 }, (_, i) => {
      const t = i / rate;
      const force = t < 0.3 ? 5 : 5 + 195 * Math.min(1, (t - 0.3) / 0.6);
      return `${(t * 1000).toFixed(3)},${force.toFixed(2)}`;
    });
    const csv = `Time (ms),Force (N)\n${rows.join("\n")}\n`;
    const { tests } = strengthFromTrace(csv, {
      test: "hip-abduction",
      side: "right",
      position: "side-lying",
      leverArmCm: 78,
    });
    expect(tests[0]).toMatchObject({ trials: [200], trace: { rateHz: 225 } });
    const result = assess({
      ...seed000,
      strength: {
        tests: [
          ...seed000.strength.tests.slice(0, 5),
          tests[0],
          ...seed000.strength.tests.slice(6),
        ],
      },
    });
    const trace = result.strength?.tests.find((t) => t.test === "hip-abduction")?.sides.right
      ?.trace;
    expect(trace?.peakN).toBe(200);
    expect(trace?.timeToPeakMs).toBeGreaterThan(500);
    const uneven = csv.replace("\n8.889,", "\n9.5,");
    expect(
      problems(() =>
        strengthFromTrace(uneven, { test: "hip-abduction", side: "right", position: "side-lying" }),
      )[0],
    ).toMatch(/^line 4, column Time \(ms\): samples must be evenly spaced/);
  });
});

describe("checks after grouping", () => {
  it("points an implausible reading at its lines, and wants one metric per trial", () => {
    const csv =
      "Test,Position,Laterality,maxForceNewtons\nHip Abduction,Side Lying,Left,2500\nHip Abduction,Side Lying,Left,120\n";
    expect(problems(() => strengthFromCsv(csv, { format: "vald" }))).toEqual([
      "lines 2, 3 (left hip-abduction): trial 1: 2500 N is not a plausible hand-held reading: it must be below 2000 N (2000 N). Check the number and the unit.",
    ]);
    const entry = {
      test: "hip-abduction",
      side: "left",
      position: "side-lying",
      method: "make",
      unit: "N",
      trials: [110, 112],
      trialMetrics: [{ rfd: 500 }],
    };
    expect(problems(() => parseWith(strengthSchema, { tests: [entry] }))).toEqual([
      "tests[0].trialMetrics: give one entry per trial: 2 trials, 1 trial metrics",
    ]);
  });
});
