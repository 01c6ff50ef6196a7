import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../core/calendar-date.js";
import { BROWSER_TIMEOUT, DESKTOP, type Harness, logIn, seeText, startHarness } from "./browser.js";
import { PageChecks } from "./journey-steps.js";

/** Ticks one option score on every item of an instrument's form. */
async function answerAll(h: Harness, prefix: string, items: readonly string[], score: number) {
  for (const item of items)
    await h.page.locator(`input[name="${prefix}-${item}"][value="${score}"]`).check();
}

const LEFS_ITEMS = Array.from({ length: 20 }, (_, i) => String(i + 1));
const KOOS_ITEMS = Array.from({ length: 11 }, (_, i) => `PF${i + 1}`);

describe("questionnaires in the browser", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(DESKTOP);
  }, BROWSER_TIMEOUT);
  afterAll(async () => h?.close(), BROWSER_TIMEOUT);

  it(
    "a clinician records LEFS scores between assessments and sees the change; the retest form has LEFS and KOOS-PF",
    async () => {
      const { page } = h;
      const checks = new PageChecks(page, "desktop");
      const today = await page.evaluate(() => new Date().toLocaleDateString("sv-SE"));
      await logIn(page, h.server.url, "physio@riverside.example");
      await page.getByRole("link", { name: "Sam Seed" }).click();
      await page.getByRole("heading", { level: 1, name: "Sam Seed" }).waitFor();
      const recordUrl = page.url();
      await page.getByRole("link", { name: "Progress" }).click();
      const form = page.locator("form", {
        has: page.getByRole("heading", { name: "Record a questionnaire" }),
      });
      await form.waitFor();

      // Two LEFS a week apart: 60 of 80, then 75.
      await form.getByLabel("Questionnaire").selectOption("lefs");
      await form.getByLabel("Answered on").fill(addDays(today, -7));
      await answerAll(h, "record-lefs", LEFS_ITEMS, 3);
      await form.getByRole("button", { name: "Save the LEFS" }).click();
      await seeText(form.getByRole("status"), "Saved: LEFS 60 (of 0–80)");
      await form.getByLabel("Answered on").fill(today);
      await answerAll(h, "record-lefs", LEFS_ITEMS.slice(0, 15), 4);
      await answerAll(h, "record-lefs", LEFS_ITEMS.slice(15), 3);
      await form.getByRole("button", { name: "Save the LEFS" }).click();
      await seeText(form.getByRole("status"), "Saved: LEFS 75 (of 0–80)");
      await seeText(
        page.getByTestId("questionnaire-trends"),
        /LEFS 60 → 75 \(\+15 points\) .*improved, by at least the minimal important change of 9 points/,
      );
      await checks.check("questionnaire-between-assessments");

      // A retest's questionnaires: LEFS and KOOS-PF beside AKPS and the pain rating.
      await page.goto(recordUrl);
      await page.getByRole("button", { name: "Retest" }).click();
      await page.getByRole("heading", { name: /About the runner/ }).waitFor();
      const draftUrl = page.url();
      await page.goto(`${draftUrl}?step=questionnaires`);
      await page.getByRole("heading", { level: 1, name: /Questionnaires/ }).waitFor();
      await page.getByText(/Lower Extremity Functional Scale.*20 items/).click();
      await answerAll(h, "lefs", LEFS_ITEMS, 4);
      await page.getByText(/KOOS-PF.*11 items/).click();
      await seeText(page.locator("details", { hasText: "KOOS-PF" }), "not bundled");
      await answerAll(h, "koos-pf", KOOS_ITEMS, 1);
      await seeText(
        page.locator("details", { hasText: "KOOS-PF" }).locator("summary"),
        "11 answered",
      );
      await page.getByText("All changes saved").waitFor({ timeout: 10_000 });
      await checks.check("questionnaires-step");
      const saved = await page.evaluate(async (id) => {
        const row = await (await fetch(`/api/assessments/${id}`)).json();
        return (row.input.questionnaires as { instrument: string; answers: object }[]).map((q) => [
          q.instrument,
          Object.keys(q.answers).length,
        ]);
      }, draftUrl.split("/assessments/")[1]?.split("/")[0]);
      expect(saved).toEqual(
        expect.arrayContaining([
          ["lefs", 20],
          ["koos-pf", 11],
        ]),
      );
      expect(checks.violations).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
