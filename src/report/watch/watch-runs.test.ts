import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assess } from "../../core/assessment/assess.js";
import { InputError } from "../../core/errors.js";
import { runsFromFit } from "./fit-runs.js";
import { runsFromGpx } from "./gpx-runs.js";
import { trainingRuns, watchCadenceEvidence } from "./watch-run.js";

const fit = readFileSync("examples/run-2026-11-14.fit");
const gpx = readFileSync("examples/run-2026-11-17.gpx", "utf8");
const seed000 = JSON.parse(readFileSync("examples/seed-000-hip-weakness.json", "utf8"));

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("runs from watches", () => {
  it("reads the FIT example: date in local time, duration, distance, pace, cadence in steps, heart rate", () => {
    expect(runsFromFit(fit, "run.fit")).toEqual([
      {
        file: "run.fit",
        startTime: "2026-11-14T07:00:00.000Z",
        date: "2026-11-14",
        durationMin: 40,
        distanceKm: 5.28,
        paceMinPerKm: 7.58,
        cadenceSpm: 154,
        heartRateBpm: 143,
      },
    ]);
  });

  it("reads the GPX example: distance along the track, heart rate and doubled one-foot cadence", () => {
    const [run] = runsFromGpx(gpx, "run.gpx");
    expect(run).toMatchObject({ date: "2026-11-17", durationMin: 30, cadenceSpm: 168 });
    // 2.6 m/s for 30 minutes due east: 4.68 km.
    expect(run?.distanceKm).toBeCloseTo(4.68, 2);
    expect(run?.heartRateBpm).toBe(151);
  });

  it("feeds the load rules and the cadence evidence of an assessment", () => {
    const runs = [...runsFromGpx(gpx, "b.gpx"), ...runsFromFit(fit, "a.fit")];
    const entries = trainingRuns(runs);
    expect(entries.map((r) => r.date)).toEqual(["2026-11-14", "2026-11-17"]);
    const evidence = watchCadenceEvidence(runs);
    expect(evidence).toHaveLength(1);
    // (154 × 40 + 168 × 30) ÷ 70 = 160: below the 163 steps/min line.
    expect(evidence[0]).toMatchObject({
      sign: "low-cadence",
      present: true,
      method: "watch",
      measured: { value: 160 },
    });
    const result = assess({
      ...seed000,
      training: { ...seed000.training, runs: entries },
      movement: evidence,
    });
    expect(result.movement.some((m) => m.method === "watch" && m.sign === "low-cadence")).toBe(
      true,
    );
    const overstride = result.findings.find((f) => f.id === "overstriding");
    expect(
      overstride?.evidence.some((e) => e.statement.startsWith("Watch cadence 160 steps/min")),
    ).toBe(true);
    expect(result.load.some((c) => c.detail.includes("4.7 km"))).toBe(true);
  });

  it("refuses a truncated FIT file, a file that is not FIT, and a GPX without a track", () => {
    expect(refusal(() => runsFromFit(fit.subarray(0, fit.length - 200), "cut.fit"))).toContain(
      "cut.fit: is truncated or damaged",
    );
    expect(refusal(() => runsFromFit(Buffer.from("hello, not a watch file"), "x.fit"))).toContain(
      "is not a FIT file",
    );
    const noTrack =
      '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="51.5" lon="-0.1"/></gpx>';
    expect(refusal(() => runsFromGpx(noTrack, "wpt.gpx"))).toContain(
      "wpt.gpx: has no track (<trk>)",
    );
    const noTimes = gpx.replace(/<time>[^<]*<\/time>/g, "");
    expect(refusal(() => runsFromGpx(noTimes, "t.gpx"))).toContain("has no times on its points");
    expect(refusal(() => runsFromGpx("<gpx><trk>", "broken.gpx"))).toContain(
      "broken.gpx: is not valid XML",
    );
  });
});
