import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRunnerVideo } from "../../vision/test-support/render-runner.js";
import { BROWSER_TIMEOUT, type Harness, logIn, PHONE, seeText, startHarness } from "./browser.js";
import { PageChecks } from "./journey-steps.js";

describe("running video analysed in the browser", () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness(PHONE);
    dir = await mkdtemp(join(tmpdir(), "hipcheck-web-video-"));
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  }, BROWSER_TIMEOUT);

  it(
    "measures a generated clip on the device; no request carries the video",
    async () => {
      const clip = join(dir, "run.mp4");
      await writeRunnerVideo(clip, { view: "rear", fps: 30, durationS: 6, scale: 0.5 });
      const clipBytes = (await stat(clip)).size;
      const { page } = h;
      const checks = new PageChecks(page, "phone");
      await logIn(page, h.server.url, "jo@runner.example");
      await page.getByRole("link", { name: "Video" }).click();
      await page.getByRole("heading", { level: 1, name: "Analyse a running video" }).waitFor();
      const before = h.requests.length;
      await page.getByLabel("Running video").setInputFiles(clip);
      await page.getByRole("radio", { name: "30", exact: true }).check();
      await page.getByRole("radio", { name: "Behind" }).check();
      await page.getByRole("button", { name: "Analyse on this device" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: /Analysing frame/ })
        .waitFor();
      const table = page.getByTestId("video-metrics");
      await table.waitFor({ timeout: 400_000 });
      const cadence = await seeText(table.locator("tr", { hasText: "Cadence" }), /\d/);
      const [left] = cadence.match(/\d+(\.\d+)?/g)!.map(Number);
      expect(Math.abs(left! - 170)).toBeLessThan(8);
      await seeText(table, "Contralateral pelvic drop");
      await checks.check("video-analysis");

      await page.getByRole("button", { name: "Save the measurements to my record" }).click();
      await seeText(page.locator("main"), "The video stayed on this device");
      const sent = h.requests.slice(before);
      // The model and its WebAssembly came from this server, only now; no request carried the clip.
      expect(sent.some((r) => r.url.endsWith("/vision/movenet-lightning.bin"))).toBe(true);
      expect(sent.filter((r) => r.bytes >= clipBytes / 2)).toEqual([]);
      expect(sent.filter((r) => r.contentType.startsWith("multipart/"))).toEqual([]);
      expect(sent.some((r) => r.url.includes("/analyses"))).toBe(false);
      const saved = await page.evaluate(async () => {
        const session = await (await fetch("/api/session")).json();
        const list = await (
          await fetch(`/api/runners/${session.user.runnerId}/assessments?limit=1`)
        ).json();
        return list.items[0].input.movement as { source?: string }[];
      });
      expect(saved.length).toBeGreaterThan(0);
      expect(checks.violations).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    "a clinic uploads a clip: a progress bar, then the server's measurements and annotated frames",
    async () => {
      const clip = join(dir, "run.mp4");
      const { page } = h;
      await page.getByRole("button", { name: "Log out" }).click();
      await logIn(page, h.server.url, "physio@riverside.example");
      await page.getByRole("link", { name: "Sam Seed" }).click();
      await page.getByRole("heading", { level: 1, name: "Sam Seed" }).waitFor();
      const section = page.locator("section", {
        has: page.getByRole("heading", { name: "Video analysis on the server" }),
      });
      await section.getByLabel("Running video to upload").setInputFiles(clip);
      await section.getByRole("button", { name: "Upload and analyse" }).click();
      await section.locator("progress").waitFor();
      await section.getByTestId("video-metrics").waitFor({ timeout: 400_000 });
      await seeText(section.getByTestId("video-metrics"), "Cadence");
      const pictures = section.locator("img.annotated");
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>("img.annotated")].some(
          (i) => i.complete && i.naturalWidth > 0,
        ),
      );
      expect(await pictures.count()).toBeGreaterThan(0);
      // The record lists the analysis; its measurements go into Sam's latest assessment.
      const analyses = page.locator("section", {
        has: page.getByRole("heading", { name: "Video analyses" }),
      });
      await seeText(
        analyses.getByTestId("analyses"),
        /running \(rear\): pelvic drop left .*knee FPPA/,
      );
      await analyses.getByRole("button", { name: /^Use in this assessment/ }).click();
      await seeText(
        analyses.getByRole("status"),
        /Added to the assessment of .*, which was assessed again with it\./,
      );
      const added = await page.evaluate(async () => {
        const runners = await (await fetch("/api/runners?q=sam")).json();
        const list = await (await fetch(`/api/runners/${runners.items[0].id}/assessments`)).json();
        return (list.items as { kind: string; result: { videoAnalyses: unknown[] } }[]).map((a) => [
          a.kind,
          a.result.videoAnalyses.length,
        ]);
      });
      // The default is the newest assessment: the retest.
      expect(added.sort()).toEqual([
        ["initial", 0],
        ["retest", 1],
      ]);
      const checks = new PageChecks(page, "phone");
      await checks.check("clinic-video-upload");
      expect(checks.violations).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
