import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assess } from "../../core/assessment/assess.js";
import { findExercise } from "../../core/exercises/library.js";
import { generateProgramme } from "../../core/program/programme.js";
import { imageCount, pdfInfo, pdfText, renderPages, savePdf } from "../test-support/pdf-tools.js";
import { handoutPdf } from "./handout-pdf.js";

const programme = generateProgramme({
  assessment: assess(JSON.parse(readFileSync("examples/seed-000-hip-weakness.json", "utf8"))),
  availability: { daysPerWeek: 6, minutesPerSession: 45, equipment: ["band"] },
  start: "2026-11-23",
  weeks: 8,
});

describe("exercise handout PDF", () => {
  it("prints every exercise with its dose per side, steps and cues, figures as vectors", async () => {
    const path = savePdf(
      "handout-seed-000",
      await handoutPdf(programme, { page: "a4", name: "Zoë Lefèvre" }),
    );
    renderPages(path, "handout-seed-000");
    const text = pdfText(path).replace(/\s+/g, " ");
    expect(text).toContain("Your exercises — Zoë Lefèvre");
    for (const id of programme.exercises) {
      const exercise = findExercise(id);
      expect(text).toContain(exercise.name);
      expect(text).toContain(exercise.steps[0]?.slice(0, 30));
    }
    // The right side carries extra volume in seed-000: the dose says so per side.
    expect(text).toMatch(/Dose: 3 × 12–15 per side \(right 4 sets\)/);
    expect(text).toContain("Cues:");
    expect(text).toContain("45°");
    // 18 exercises at three to five a page, and no raster picture: the figures are paths.
    const pages = Number(pdfInfo(path).Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(Math.ceil(programme.exercises.length / 3));
    expect(imageCount(path)).toBe(0);
  });

  it("lays out on Letter too", async () => {
    const path = savePdf(
      "handout-seed-000-letter",
      await handoutPdf(programme, { page: "letter" }),
    );
    expect(pdfInfo(path)["Page size"]).toContain("612 x 792");
    expect(pdfText(path)).toContain("Your exercises");
  });
});
