import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { assess } from "../../core/assessment/assess.js";
import { generateProgramme } from "../../core/program/programme.js";
import { strengthFromCsv } from "../dynamometer/strength-import.js";
import {
  imageCount,
  pdfFonts,
  pdfInfo,
  pdfText,
  renderPages,
  savePdf,
} from "../test-support/pdf-tools.js";
import { assessmentPdf } from "./assessment-pdf.js";

const seed000 = JSON.parse(readFileSync("examples/seed-000-hip-weakness.json", "utf8"));
const lockedKnee = JSON.parse(readFileSync("examples/red-flag-locked-knee.json", "utf8"));

/** seed-000 with a measured running observation, so the movement table holds a number in degrees. */
const withPelvicDrop = {
  ...seed000,
  movement: [
    {
      task: "running",
      sign: "pelvic-drop",
      present: true,
      side: "right",
      measured: { value: 7.4, unit: "°", reference: "runners about 5 ± 2°" },
      confidence: "moderate",
      method: "video",
      observation: "Pelvis drops on the left while standing on the right.",
      source: "seed-004",
    },
  ],
};

function solidPng(rgb: [number, number, number]): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i);
  return PNG.sync.write(png);
}

describe("assessment report PDF", () => {
  const result = assess(withPelvicDrop);

  it("prints the runner, the date, the findings, the strength figures and the sources", async () => {
    const path = savePdf(
      "report-seed-000",
      await assessmentPdf(result, { audience: "clinician", page: "a4" }),
    );
    renderPages(path, "report-seed-000");
    const text = pdfText(path);
    expect(text).toContain("Zoë Lefèvre");
    expect(text).toContain("2026-11-20");
    expect(text).toMatch(
      /Hip-driven knee pain \(right\)\s+LIKELY · confidence high — for: hip symmetry/,
    );
    // Strength table: best right hip abduction 81 N, LSI 70 %, right 1.02 Nm/kg against 1.46 left.
    expect(text).toMatch(/Hip abduction \(side-lying,[\s\S]*116 N[\s\S]*81 N[\s\S]*70 %/);
    expect(text).toContain("1.46 / 1.02");
    // The chart's value labels are text beside vector bars.
    expect(text).toContain("R 1.02 Nm/kg");
    expect(text).toContain("L 1.46 Nm/kg");
    // Characters outside Latin-1 come through the embedded font.
    expect(text).toContain("≥ 6 h/day");
    expect(text).toContain("7.4 °");
    expect(text).toContain("2.08–2.74 Nm/kg");
    expect(text).toContain("AKPS");
    expect(text).toContain("[ramskov-2014]");
    expect(text).toMatch(/Ramskov/);
    expect(pdfFonts(path).every((f) => f.embedded)).toBe(true);
    expect(
      pdfFonts(path)
        .map((f) => f.name)
        .join(" "),
    ).toContain("DejaVuSans");
    const info = pdfInfo(path);
    expect(info["Page size"]).toContain("A4");
    expect(info.CreationDate).toContain("2026");
    // Charts are vector drawings: no picture was given, so none is embedded.
    expect(imageCount(path)).toBe(0);
  });

  it("gives the same bytes for the same assessment (the date comes from the file, not the clock)", async () => {
    const a = await assessmentPdf(result, { audience: "runner", page: "letter" });
    const b = await assessmentPdf(result, { audience: "runner", page: "letter" });
    expect(Buffer.compare(a, b)).toBe(0);
    const path = savePdf("report-seed-000-letter", a);
    expect(pdfInfo(path)["Page size"]).toContain("612 x 792");
    // The runner reads plain words: the clinical wording is left out.
    const text = pdfText(path);
    expect(text).not.toContain("Proximal (hip) weakness pattern");
    expect(text).toContain("for the runner");
  });

  it("shows the device's rate of force development and time to peak from a VALD-style import", async () => {
    const { tests } = strengthFromCsv(readFileSync("examples/dynamometer-vald-style.csv", "utf8"), {
      format: "vald",
    });
    const path = savePdf(
      "report-vald-import",
      await assessmentPdf(assess({ ...seed000, strength: { tests } }), {
        audience: "clinician",
        page: "a4",
      }),
    );
    expect(pdfText(path).replace(/\s+/g, " ")).toContain(
      "Device, right hip abduction (strongest trial): rate of force development 402 N/s, time to peak 770 ms.",
    );
  });

  it("puts the referral first and makes no programme when a red flag is raised", async () => {
    const path = savePdf(
      "report-locked-knee",
      await assessmentPdf(assess(lockedKnee), { audience: "runner", page: "a4" }),
    );
    const text = pdfText(path);
    const referral = text.indexOf("Referral needed — read this first");
    expect(referral).toBeGreaterThan(-1);
    expect(referral).toBeLessThan(text.indexOf("Findings"));
    expect(text).toContain("No programme: a professional should see the knee first.");
  });

  it("adds the programme summary and two annotated frames when given", async () => {
    const programme = generateProgramme({
      assessment: result,
      availability: { daysPerWeek: 5, minutesPerSession: 40, equipment: ["band"] },
      start: "2026-11-23",
      weeks: 8,
    });
    const frames = [
      { caption: "Right leg: largest pelvic drop", png: solidPng([200, 40, 40]) },
      { caption: "Left leg: largest pelvic drop", png: solidPng([40, 40, 200]) },
      { caption: "never printed", png: solidPng([0, 0, 0]) },
    ];
    const path = savePdf(
      "report-seed-000-programme",
      await assessmentPdf(result, { audience: "clinician", page: "a4", programme, frames }),
    );
    const text = pdfText(path);
    expect(text).toContain("2026-11-23 to");
    expect(text).toContain("8 weeks, 5 days a week, up to 40 min a session");
    expect(text).toMatch(/Side-lying clamshell|Banded clamshell/);
    expect(text).toContain("Right leg: largest pelvic drop");
    expect(text).not.toContain("never printed");
    expect(imageCount(path)).toBe(2);
  });
});
