import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfInfo, pdfText, TEST_OUTPUT } from "../../report/test-support/pdf-tools.js";
import {
  BROWSER_TIMEOUT,
  DESKTOP,
  type Harness,
  logIn,
  PHONE,
  seeText,
  startHarness,
} from "./browser.js";
import { PageChecks } from "./journey-steps.js";

describe("exports and the calendar link in the browser", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(DESKTOP);
  }, BROWSER_TIMEOUT);
  afterAll(async () => h?.close(), BROWSER_TIMEOUT);

  it(
    "a clinician downloads the report PDF; the runner makes a calendar link on a phone and revokes it",
    async () => {
      const { page } = h;
      const base = h.server.url;
      const desktop = new PageChecks(page, "desktop");

      await logIn(page, base, "physio@riverside.example");
      await page.getByLabel("Search by name").fill("sam");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("link", { name: "Sam Seed" }).click();
      await page.getByRole("heading", { level: 1, name: "Sam Seed" }).waitFor();
      const files = page.getByRole("region", { name: "Reports and files" });
      await files.getByRole("radio", { name: "Letter" }).check();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        files.getByRole("button", { name: "Assessment report (PDF)" }).click(),
      ]);
      // The name of the file says what it is and when, never who.
      expect(download.suggestedFilename()).toMatch(/^hipcheck-assessment-\d{4}-\d{2}-\d{2}\.pdf$/);
      const path = join(TEST_OUTPUT, "browser-assessment-report.pdf");
      await download.saveAs(path);
      expect(pdfInfo(path)["Page size"]).toContain("612 x 792");
      const text = pdfText(path);
      expect(text).toContain("Assessment report — Sam Seed");
      expect(text).toContain("for the clinician");
      await seeText(files.getByRole("status"), /saved as hipcheck-assessment-/);
      await desktop.check("record-exports");

      // A refusal in plain words: with the connection gone, the page says so.
      await h.context.setOffline(true);
      await files.getByRole("button", { name: "FHIR record (JSON)" }).click();
      await seeText(files.getByRole("alert"), "the server could not be reached");
      await h.context.setOffline(false);
      await page.getByRole("button", { name: "Log out" }).click();

      // The runner, on a phone.
      await page.setViewportSize(PHONE);
      const phone = new PageChecks(page, "phone");
      await logIn(page, base, "sam@runner.example");
      const panel = page.getByRole("region", { name: "Subscribe in your phone's calendar" });
      await seeText(panel, "no name and no findings");
      await panel.getByRole("button", { name: "Make a calendar link" }).click();
      const linkBox = panel.getByLabel("Calendar link");
      await linkBox.waitFor();
      const link = await linkBox.inputValue();
      expect(link).toMatch(/^http:\/\/localhost:\d+\/api\/calendar\/hf_[A-Za-z0-9_-]{43}\.ics$/);
      expect(
        await panel.getByRole("link", { name: "Open in the calendar app" }).getAttribute("href"),
      ).toBe(link.replace(/^http:/, "webcal:"));
      await h.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
      await panel.getByRole("button", { name: "Copy the link" }).click();
      await seeText(panel.getByRole("status"), "Link copied.");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await phone.check("runner-calendar-link");

      // What a phone's calendar gets: the programme, without a cookie.
      const feed = await fetch(link);
      expect(feed.status).toBe(200);
      const ics = await feed.text();
      expect(ics).toMatch(/^BEGIN:VCALENDAR/);
      expect(ics).toContain("BEGIN:VEVENT");
      expect(ics).not.toContain("Sam");

      await panel.getByRole("button", { name: "Revoke the calendar link" }).click();
      await seeText(panel.getByRole("status"), "The link is revoked");
      await panel.getByRole("button", { name: "Make a calendar link" }).waitFor();
      expect((await fetch(link)).status).toBe(404);
      expect([...desktop.violations, ...phone.violations]).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
