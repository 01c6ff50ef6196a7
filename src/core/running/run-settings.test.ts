import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings.js";
import { resolveRunPlanSettings } from "./run-settings.js";
import { parseRunSettingsOverrides } from "./run-settings.schema.js";

describe("run settings", () => {
  it("joins the clinic's load and pain thresholds with run overrides over the defaults", () => {
    const settings = resolveRunPlanSettings(DEFAULT_SETTINGS, {
      repeatsPerLevel: 3,
      entry: { hopSec: 30 },
    });
    expect(settings.load.singleRunSpikePercent).toBe(10);
    expect(settings.pain.acceptableMax).toBe(5);
    expect(settings.run).toMatchObject({
      repeatsPerLevel: 3,
      minRestDaysBetweenRuns: 1,
      runsPerWeek: 3,
    });
    expect(settings.run.entry).toEqual({ briskWalkMin: 30, singleLegSquatReps: 10, hopSec: 30 });
  });

  it("reads a clinic's overrides and template", () => {
    expect(
      parseRunSettingsOverrides({
        repeatsPerLevel: 3,
        template: [{ walkMin: 4, runMin: 1, repeats: 6 }],
      }),
    ).toEqual({ run: { repeatsPerLevel: 3 }, template: [{ walkMin: 4, runMin: 1, repeats: 6 }] });
  });

  it.each([
    {
      data: { repeatsPerLevel: 0 },
      message: "repeatsPerLevel: repeats per level must be between 1 and 10; got 0",
    },
    {
      data: { runsPerWeek: 4 },
      message: "runsPerWeek: 4 runs a week cannot keep 1 rest day(s) between runs: at most 3",
    },
    {
      data: { template: [{ walkMin: 5, runMin: 1, repeats: 2.5 }] },
      message: "template[0].repeats: repeats must be a whole number",
    },
    { data: { restDays: 2 }, message: '(whole file): unknown field "restDays"' },
  ])("refuses $data", ({ data, message }) => {
    expect(() => parseRunSettingsOverrides(data)).toThrow(message);
  });
});
