import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assess } from "../../core/assessment/assess.js";
import { pdfText, renderPages, savePdf } from "../test-support/pdf-tools.js";
import { assessmentPdf } from "./assessment-pdf.js";

const read = (name: string) => JSON.parse(readFileSync(`examples/${name}`, "utf8"));
const before = assess(read("seed-000-hip-weakness.json"));
const sixWeeks = read("seed-000-six-weeks-later.json");
const after = assess(sixWeeks, before);

/** The line of pdftotext -layout output that starts with `measure`. */
function row(text: string, measure: string): string {
  return text.split("\n").find((l) => l.trimStart().startsWith(`${measure} `)) ?? "";
}

describe("progress report PDF", () => {
  it("puts the retest beside the previous assessment, each change against its error", async () => {
    const path = savePdf(
      "progress-seed-000",
      await assessmentPdf(after, { audience: "clinician", page: "a4", earlier: [before] }),
    );
    const text = pdfText(path);
    expect(text).toContain("Progress report — Runner");
    expect(text).toContain("Progress since 2026-11-20 (2 assessments)");
    expect(row(text, "right hip abduction LSI")).toMatch(
      /70 %\s+93 %\s+\+23 points\s+MDC 7\.1 points\s+↑ yes, improved$/,
    );
    expect(row(text, "left hip abduction Nm/kg")).toMatch(
      /1\.46 Nm\/kg\s+1\.47 Nm\/kg\s+\+0\.01 \(\+1 %\)\s+MDC 5 %\s+no$/,
    );
    expect(row(text, "AKPS")).toMatch(/80\s+93\s+\+13 points\s+MCID 10 points\s+↑ yes, improved$/);
    expect(text).toMatch(/Hip-driven knee pain: was likely on 2026-11-20, now unlikely/);
    // The chart: one row per test, LSI and Nm/kg with each assessment's date and value.
    expect(text).toContain("Strength over the assessments: LSI and Nm/kg per test");
    const chart = text.slice(text.indexOf("Strength over the assessments"));
    for (const label of ["L 1.46", "L 1.47", "R 1.02", "R 1.37", "R 0.59", "R 0.68"])
      expect(chart).toContain(label);
    expect(chart.match(/2026-11-20\s+2027-01-01/g)?.length).toBeGreaterThanOrEqual(10);
    renderPages(path, "progress-seed-000");
  }, 60_000);

  it("charts three assessments, the middle one without strength tests", async () => {
    const withoutStrength = { ...sixWeeks, assessedOn: "2026-12-10" };
    delete withoutStrength.strength;
    const middle = assess(withoutStrength);
    const pdf = await assessmentPdf(after, {
      audience: "runner",
      page: "letter",
      earlier: [before, middle],
    });
    const text = pdfText(savePdf("progress-three", pdf));
    expect(text).toContain("Progress since 2026-11-20 (3 assessments)");
    expect(text).toMatch(/2026-11-20\s+2026-12-10\s+2027-01-01/);
    // The overall change is first to last; the middle day has no strength to show.
    expect(row(text, "right hip abduction LSI")).toMatch(/70 %\s+93 %/);
  }, 60_000);

  it("adds no progress beside a referral", async () => {
    const locked = assess(read("red-flag-locked-knee.json"));
    const pdf = await assessmentPdf(locked, {
      audience: "clinician",
      page: "a4",
      earlier: [before],
    });
    const text = pdfText(savePdf("progress-referral", pdf));
    expect(text).toContain("Referral needed");
    expect(text).not.toContain("Progress since");
  }, 60_000);
});
