import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { imageCount, pdfInfo, pdfText } from "../report/test-support/pdf-tools.js";
import { runCli, tempFile } from "./test-support/run-cli.js";

const SEED = "examples/seed-000-hip-weakness.json";
const LATER = "examples/seed-000-six-weeks-later.json";

describe("hipcheck report and handout", () => {
  it("writes the report PDF with the plan and two pictures of an analysis folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hipcheck-report-"));
    const plan = await runCli(["plan", SEED, "--start", "2026-11-23", "--json"]);
    const planPath = join(dir, "plan.json");
    await writeFile(planPath, plan.stdout);
    const frames = join(dir, "analysis");
    const png = new PNG({ width: 32, height: 24 });
    png.data.fill(128);
    await mkdir(frames);
    for (const name of ["left-contact.png", "right-pelvic-drop.png", "left-pelvic-drop.png"])
      await writeFile(join(frames, name), PNG.sync.write(png));
    const out = join(dir, "report.pdf");
    const run = await runCli([
      "report",
      SEED,
      "--pdf",
      out,
      "--page",
      "letter",
      "--for",
      "runner",
      "--plan",
      planPath,
      "--frames",
      frames,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`wrote the report to ${out}`);
    expect(pdfInfo(out)["Page size"]).toContain("612 x 792");
    const text = pdfText(out);
    expect(text).toContain("Left leg: largest pelvic drop");
    expect(text).toContain("Right leg: largest pelvic drop");
    expect(text).not.toContain("typical foot contact");
    expect(text).toContain("2026-11-23 to");
    expect(imageCount(out)).toBe(2);
  }, 60_000);

  it("writes the handout from a plan file", async () => {
    const plan = await runCli(["plan", SEED, "--start", "2026-11-23", "--json"]);
    const planPath = await tempFile("plan.json", plan.stdout);
    const out = planPath.replace("plan.json", "handout.pdf");
    const run = await runCli(["handout", planPath, "--pdf", out, "--name", "Zoë Lefèvre"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/wrote \d+ exercises to/);
    expect(pdfText(out)).toContain("Your exercises — Zoë Lefèvre");
  }, 60_000);

  it("writes the progress report of a retest, given in order or with --previous", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hipcheck-progress-"));
    const inOrder = join(dir, "in-order.pdf");
    const run = await runCli(["report", SEED, LATER, "--pdf", inOrder]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`wrote the progress report to ${inOrder}`);
    const text = pdfText(inOrder);
    expect(text).toContain("Progress since 2026-11-20 (2 assessments)");
    expect(text).toMatch(/right hip abduction LSI\s+70 %\s+93 %\s+\+23 points/);
    const withPrevious = join(dir, "with-previous.pdf");
    expect((await runCli(["report", LATER, "--previous", SEED, "--pdf", withPrevious])).code).toBe(
      0,
    );
    expect(pdfText(withPrevious)).toBe(text);
  }, 60_000);

  it("refuses a bad page size, a missing folder and a file that is not a plan", async () => {
    const page = await runCli(["report", SEED, "--pdf", "/tmp/x.pdf", "--page", "a5"]);
    expect(page.code).toBe(2);
    expect(page.stderr).toContain("'a5' is invalid. Use one of: a4, letter.");
    const frames = await runCli([
      "report",
      SEED,
      "--pdf",
      "/tmp/x.pdf",
      "--frames",
      "/nonexistent/dir",
    ]);
    expect(frames.code).toBe(1);
    expect(frames.stderr).toContain("/nonexistent/dir: no such folder");
    const handout = await runCli(["handout", SEED, "--pdf", "/tmp/x.pdf"]);
    expect(handout.code).toBe(1);
    expect(handout.stderr).toContain("not a hipcheck plan");
  }, 60_000);
});
