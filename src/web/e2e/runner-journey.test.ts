import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_TIMEOUT, type Harness, PHONE, seeText, startHarness } from "./browser.js";
import {
  AKPS_SEED_000,
  answerRedFlags,
  fillAbout,
  fillPain,
  fillQuestionnaires,
  fillStance,
  fillTraining,
  next,
  PageChecks,
} from "./journey-steps.js";

async function signUp(h: Harness, name: string, email: string) {
  const { page } = h;
  await page.goto(`${h.server.url}/`);
  await page.getByRole("button", { name: "Start on your own" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill("run-again-slowly");
  await page.getByRole("button", { name: "Start on your own" }).click();
  await page.getByRole("heading", { name: `Hello, ${name}` }).waitFor();
}

describe("the self-guided runner's journey on a phone", () => {
  let h: Harness;
  let checks: PageChecks;
  beforeAll(async () => {
    h = await startHarness(PHONE);
    checks = new PageChecks(h.page, "phone");
  }, BROWSER_TIMEOUT);
  afterAll(async () => h?.close(), BROWSER_TIMEOUT);

  it(
    "does the home self-tests, reads the findings, follows today's session with the timer, logs a run offline and shares with a clinic",
    async () => {
      const { page } = h;
      await page.goto(`${h.server.url}/`);
      await checks.check("login");
      await signUp(h, "Robin Runner", "robin@runner.example");
      await checks.check("runner-home");
      await page.getByRole("button", { name: "Start the self-tests" }).click();
      await page.getByRole("heading", { name: /Self-tests/ }).waitFor();
      await fillStance(page);
      await checks.check("self-tests");
      await next(page, /About the runner/);
      await fillAbout(page);
      await next(page, /Pain/);
      await fillPain(page);
      await checks.check("pain-map");
      await next(page, /Red flags/);
      await answerRedFlags(page);
      await next(page, /Running/);
      await fillTraining(page);
      await next(page, /Questionnaires/);
      await fillQuestionnaires(page, AKPS_SEED_000, 6);
      await next(page, /Findings/);
      // Plain words for the runner, and the advice to see a professional.
      await seeText(page.locator('[data-finding="hip-driven-knee-pain"]'), /right/);
      await seeText(page.locator(".advice-box"), "physiotherapist");
      await checks.check("findings");

      await page.getByRole("button", { name: "Make the programme" }).click();
      await page.getByRole("heading", { level: 1, name: /Programme/ }).waitFor();
      await checks.check("plan-calendar");

      await page.getByRole("link", { name: "Today" }).click();
      await page.getByRole("heading", { level: 1, name: /Today/ }).waitFor();
      // The first timed piece of work on the page: its timer counts down once started.
      const timer = page.locator("section.timer").first();
      await timer.getByRole("button", { name: "Start timer" }).click();
      const first = await timer.getByTestId("timer-clock").innerText();
      await seeText(timer.getByTestId("timer-phase"), /\(1 of \d+\)/);
      await page.waitForTimeout(2200);
      const later = await timer.getByTestId("timer-clock").innerText();
      expect(later).not.toBe(first);
      await checks.check("today");

      // At the gym without a connection: Today still opens, and the run is kept, then sent.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await h.context.setOffline(true);
      await page.reload();
      await page.getByRole("heading", { level: 1, name: /Today/ }).waitFor();
      await page.getByLabel("Minutes, walking included").first().fill("30");
      await page.getByLabel("Knee pain during the run (0–10)").fill("2");
      await page.getByLabel("Knee pain after the run (0–10)").fill("1");
      await page.getByRole("button", { name: "Log the run" }).click();
      await seeText(
        page.locator("main"),
        "Saved on this phone: the run will be sent when you are back online",
      );
      await checks.check("today-offline");
      await h.context.setOffline(false);
      await seeText(page.locator("main"), "1 log saved while offline was sent.");
      const logs = await page.evaluate(async () => {
        const session = await (await fetch("/api/session")).json();
        return (await fetch(`/api/runners/${session.user.runnerId}/logs`)).json();
      });
      expect(logs.items[0].entry.run.painDuring).toBe(2);

      await page.getByRole("link", { name: "My record" }).click();
      await page.getByLabel("Clinic").selectOption({ label: "Riverside Physio (demo)" });
      await page.getByRole("button", { name: "Share my record with this clinic" }).click();
      await seeText(page.getByTestId("shares"), "Shared with Riverside Physio (demo)");
      await checks.check("shared");
      expect(checks.violations).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    "stops at a red-flag answer and shows the referral with its urgency",
    async () => {
      const { page } = h;
      // A section kept on the device until complete is health data: logging out removes it.
      await page.evaluate(() =>
        localStorage.setItem("hipcheck.draft.unsaved", JSON.stringify({ person: { age: 34 } })),
      );
      await page.getByRole("button", { name: "Log out" }).click();
      await page
        .getByRole("button", { name: /log in/i })
        .first()
        .waitFor();
      expect(await page.evaluate(() => localStorage.getItem("hipcheck.draft.unsaved"))).toBeNull();
      await signUp(h, "Kim Locked", "kim@runner.example");
      await page.getByRole("button", { name: "Start the self-tests" }).click();
      await next(page, /About the runner/);
      await fillAbout(page);
      await next(page, /Pain/);
      await fillPain(page);
      await next(page, /Red flags/);
      await answerRedFlags(page, /locked|lock/i);
      await page.getByRole("button", { name: "Save and continue" }).click();
      await page.getByRole("heading", { level: 1, name: "The assessment stops here" }).waitFor();
      await seeText(
        page.locator(".referral"),
        "Urgency: emergency. Stop running and get seen today",
      );
      await seeText(page.locator(".referral"), "Locked knee");
      await seeText(page.locator(".referral"), "No exercise programme is made");
      await checks.check("red-flag-referral");
      // The record page says it first, and offers no plan.
      await page.getByRole("link", { name: "See the record of this screen" }).click();
      await page.locator(".referral").first().waitFor();
      expect(await page.getByRole("button", { name: "Make the programme" }).count()).toBe(0);
      expect(checks.violations).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
