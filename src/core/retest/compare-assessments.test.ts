import { describe, expect, it } from "vitest";
import { assess } from "../assessment/assess.js";
import { DomainError } from "../errors.js";
import { assessmentFile, pairedTest } from "../test-support/assessment.builder.js";
import { compareAssessments } from "./compare-assessments.js";
import { lsiMdcPoints, SIDE_MDC_PERCENT } from "./strength-change.js";

const frontPain = {
  pain: { locations: [{ area: "anterior", side: "right" }], atRest: 0, duringRun: 5, afterRun: 3 },
  aggravators: {},
  trauma: { recent: false },
};
const nprs = (date: string, pain: number) => ({ instrument: "nprs", date, answers: { pain } });
const visit = (date: string, left: number, right: number, pain: number) =>
  assess(
    assessmentFile({
      assessedOn: date,
      symptoms: frontPain,
      strength: { tests: pairedTest("hip-abduction", left, right) },
      questionnaires: [nprs(date, pain)],
    }),
  );

describe("compareAssessments", () => {
  it.each([
    {
      name: "76 % → 93 %: improved beyond the MDC, now within the line",
      right: [182, 223],
      judgement: "improved",
      statement:
        "Right hip abduction improved from 76 % to 93 % of the left (+17 points, more than the 7.1-point change a retest can show by chance); now within the 90 % line.",
    },
    {
      name: "76 % → 80 %: less than the MDC, no real change",
      right: [182, 192],
      judgement: "no real change",
      statement:
        "Right hip abduction stayed about the same: 76 % → 80 % of the left (+4 points, less than the 7.1-point change a retest can show by chance); still under the 90 % line.",
    },
    {
      name: "93 % → 76 %: worse",
      right: [223, 182],
      judgement: "worse",
      statement:
        "Right hip abduction fell from 93 % to 76 % of the left (−17 points, more than the 7.1-point change a retest can show by chance); still under the 90 % line.",
    },
  ])("$name", ({ right, judgement, statement }) => {
    const [before, after] = right as [number, number];
    const comparison = compareAssessments([
      visit("2026-11-20", 240, before, 6),
      visit("2027-01-01", 240, after, 6),
    ]);
    const lsi = comparison.overall.changes.find((c) => c.kind === "lsi");
    expect(lsi).toMatchObject({
      measure: "right hip abduction LSI",
      judgement,
      threshold: { kind: "mdc", source: "thorborg-2010" },
    });
    expect(lsi?.statement).toBe(statement);
  });

  it("per side Nm/kg against the per-side MDC, questionnaires against their MCID", () => {
    const comparison = compareAssessments([
      visit("2026-11-20", 240, 182, 6),
      visit("2027-01-01", 242, 223, 3),
    ]);
    const byMeasure = Object.fromEntries(comparison.overall.changes.map((c) => [c.measure, c]));
    expect(byMeasure["left hip abduction Nm/kg"]).toMatchObject({
      judgement: "no real change",
      threshold: { value: 5 },
    });
    expect(byMeasure["right hip abduction Nm/kg"]).toMatchObject({
      judgement: "improved",
      from: 1.21,
      to: 1.49,
    });
    expect(byMeasure.NPRS).toMatchObject({
      kind: "questionnaire",
      judgement: "improved",
      threshold: { kind: "mcid", value: 1.2, source: "piva-2009" },
    });
  });

  it("words the hip finding as progress", () => {
    const comparison = compareAssessments([
      visit("2026-11-20", 240, 170, 6),
      visit("2027-01-01", 240, 228, 2),
    ]);
    const hip = comparison.overall.findings.find((f) => f.id === "hip-driven-knee-pain");
    expect(hip).toMatchObject({ from: "likely", to: "unlikely" });
    expect(hip?.statement).toMatch(
      /^Hip-driven knee pain: was likely on 2026-11-20, now unlikely: right hip abduction improved from 71 % to 95 %/,
    );
  });

  it("three assessments: the overall change and each step", () => {
    const comparison = compareAssessments([
      visit("2026-11-20", 240, 170, 6),
      visit("2027-01-01", 240, 200, 4),
      visit("2027-02-12", 240, 228, 2),
    ]);
    expect(comparison.dates).toEqual(["2026-11-20", "2027-01-01", "2027-02-12"]);
    expect(comparison.steps.map((s) => [s.from, s.to])).toEqual([
      ["2026-11-20", "2027-01-01"],
      ["2027-01-01", "2027-02-12"],
    ]);
    expect(comparison.overall.changes.find((c) => c.kind === "lsi")).toMatchObject({
      from: 71,
      to: 95,
    });
  });

  it.each([
    [[visit("2026-11-20", 240, 170, 6)], "at least two assessments, got 1"],
    [
      [visit("2027-01-01", 240, 170, 6), visit("2026-11-20", 240, 170, 6)],
      "oldest first: 2026-11-20 comes after 2027-01-01",
    ],
  ])("refuses %#", (results, message) => {
    expect(() => compareAssessments(results)).toThrow(DomainError);
    expect(() => compareAssessments(results)).toThrow(message);
  });

  it("the LSI's detectable change is √2 × the per-side figure", () => {
    expect(lsiMdcPoints("hip-abduction")).toBe(7.1);
    expect(lsiMdcPoints("hip-extension")).toBe(11.3);
    expect(SIDE_MDC_PERCENT["hip-adduction"]).toBe(6);
  });
});
