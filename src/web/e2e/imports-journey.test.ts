import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_TIMEOUT,
  type Harness,
  logIn,
  PHONE,
  seeCount,
  seeText,
  startHarness,
} from "./browser.js";
import { PageChecks } from "./journey-steps.js";

/** Another device's export: its own column names, semicolons, forces in kgf, no position column. */
const OTHER_DEVICE = [
  "Movement;Limb;Peak kgf;Rep",
  "hip abduction;L;11.8;1",
  "hip abduction;L;11.6;2",
  "hip abduction;R;8.3;1",
  "hip abduction;R;8.1;2",
].join("\n");

const csvFile = (name: string, text: string) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(text),
});

describe("imports on a phone", () => {
  let h: Harness;
  let checks: PageChecks;
  beforeAll(async () => {
    h = await startHarness(PHONE);
    checks = new PageChecks(h.page, "phone");
  }, BROWSER_TIMEOUT);
  afterAll(async () => h?.close(), BROWSER_TIMEOUT);

  it(
    "previews the CSV, maps its columns, sees a comma decimal refused by line and column, saves the mapping and imports",
    async () => {
      const { page } = h;
      await logIn(page, h.server.url, "physio@riverside.example");
      await page.getByLabel("Search by name").fill("sam");
      await page.getByRole("button", { name: "Search" }).click();
      await seeCount(page.locator(".runner-list > li"), (n) => n === 1, "one runner");
      await page.getByRole("link", { name: "Sam Seed" }).click();
      await page.getByRole("heading", { level: 1, name: "Sam Seed" }).waitFor();
      const runnerId = page.url().split("#/runners/")[1]!;
      await page.getByRole("link", { name: "Import files" }).click();
      await page.getByRole("heading", { level: 1, name: "Import files: Sam Seed" }).waitFor();

      // A file with a comma decimal first: the preview names its line and column.
      await page.getByRole("radio", { name: "Another layout: I choose the columns" }).check();
      await page
        .getByLabel("Dynamometer file (CSV)")
        .setInputFiles(csvFile("other-device.csv", OTHER_DEVICE.replace("8.1", "8,1")));
      const section = page.locator("section", {
        has: page.getByRole("heading", { name: "Dynamometer file" }),
      });
      await page.getByLabel("Column for: Test (required)").selectOption("Movement");
      await page.getByLabel("Column for: Side (left or right) (required)").selectOption("Limb");
      await page.getByLabel("Column for: Peak force (required)").selectOption("Peak kgf");
      await page.getByLabel("Column for: Trial number").selectOption("Rep");
      await page.getByRole("radio", { name: "kgf", exact: true }).check();
      await page.getByLabel("Body position", { exact: true }).selectOption("side-lying");
      await seeText(
        section.getByRole("alert"),
        'line 5, column Peak kgf: "8,1" uses a comma as the decimal separator; write 8.1',
      );
      await expect(
        section.getByRole("button", { name: "Import into the assessment" }).isDisabled(),
      ).resolves.toBe(true);
      await checks.check("import-problem");

      // The corrected file: its rows under the columns they fill, and what the import does.
      await page
        .getByLabel("Dynamometer file (CSV)")
        .setInputFiles(csvFile("other-device.csv", OTHER_DEVICE));
      await seeText(section.locator("caption").first(), "other-device.csv: the first 4 of 4 rows");
      await seeText(section.locator("thead").first(), /Peak kgf\s*Peak force/);
      await seeText(
        section.locator("table").nth(1),
        /Hip abduction\s+right\s+side lying\s+8\.3, 8\.1 kgf/,
      );

      await page.getByLabel("Save this mapping for the clinic as").fill("Other device");
      await page.getByRole("button", { name: "Save the mapping" }).click();
      await seeText(section, "Saved “Other device” for the clinic.");
      await seeText(page.getByLabel("Saved column mapping of the clinic"), "Other device (kgf");
      await checks.check("import-preview");

      await section.getByRole("button", { name: "Import into the assessment" }).click();
      await seeText(section.getByRole("status").last(), /Imported 2 tests \(4 trials\) into the/);

      // The server has the entries, in kgf as written, and the clinic has the mapping.
      const stored = await page.evaluate(async (id) => {
        const list = await (await fetch(`/api/runners/${id}/assessments?limit=1`)).json();
        const mappings = await (await fetch("/api/column-mappings")).json();
        return { tests: list.items[0].input.strength.tests, mappings: mappings.items };
      }, runnerId);
      expect(stored.tests.filter((t: { test: string }) => t.test === "hip-abduction")).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ side: "right", unit: "kgf", trials: [8.3, 8.1] }),
          expect.objectContaining({ side: "left", unit: "kgf", trials: [11.8, 11.6] }),
        ]),
      );
      expect(stored.mappings).toEqual([
        expect.objectContaining({
          name: "Other device",
          unit: "kgf",
          mapping: { test: "Movement", side: "Limb", force: "Peak kgf", repetition: "Rep" },
          savedBy: "Chris Physio",
        }),
      ]);
      expect(checks.violations).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    "a runner picks two watch files, sees the runs, gives the pain of each and imports them",
    async () => {
      const { page } = h;
      await page.getByRole("button", { name: "Log out" }).click();
      await logIn(page, h.server.url, "sam@runner.example");
      await page.getByRole("link", { name: "Runs from a watch" }).click();
      await page.getByRole("heading", { level: 1, name: "Runs from your watch" }).waitFor();
      const runnerId = page.url().split("#/runners/")[1]!.split("/")[0]!;
      await page.getByLabel("Watch files (FIT or GPX)").setInputFiles([
        {
          name: "run-2026-11-14.fit",
          mimeType: "application/octet-stream",
          buffer: await readFile("examples/run-2026-11-14.fit"),
        },
        {
          name: "run-2026-11-17.gpx",
          mimeType: "application/gpx+xml",
          buffer: await readFile("examples/run-2026-11-17.gpx"),
        },
      ]);
      const table = page.getByRole("region", { name: "The runs in the files" });
      await seeText(table, "5.3 km in 40 min (7:35 /km) · 154 steps/min · 143 bpm");
      await seeText(table, "4.7 km in 30 min (6:25 /km) · 168 steps/min · 151 bpm");
      await page.getByLabel("Pain during the run of 14 Nov 2026 (0–10)").fill("2");
      await page.getByLabel("Pain during the run of 17 Nov 2026 (0–10)").fill("3");
      await page.getByLabel("Pain after the run of 17 Nov 2026 (0–10)").fill("2");
      await checks.check("runs-import");
      await page.getByRole("button", { name: "Import 2 runs into the training log" }).click();
      await seeText(page.getByRole("status").last(), "2 runs imported.");
      const logs = await page.evaluate(async (id) => {
        const reply = await (await fetch(`/api/runners/${id}/logs?limit=200`)).json();
        return reply.items.filter((l: { entry: { run?: { notes?: string } } }) =>
          l.entry.run?.notes?.startsWith("From the watch file"),
        );
      }, runnerId);
      expect(
        logs.map((l: { entry: { run: { distance: number } } }) => l.entry.run.distance),
      ).toEqual([expect.closeTo(4.68, 2), 5.28]);
      expect(checks.violations).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
