import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../core/calendar-date.js";
import {
  BROWSER_TIMEOUT,
  DESKTOP,
  type Harness,
  logIn,
  seeCount,
  seeText,
  seeValue,
  startHarness,
} from "./browser.js";
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

type Trials = Record<string, { lever: string; left: string[]; right: string[] }>;

/** Seed 000's dynamometer trials (N): the right hip abductors and rotators are weak. */
const TRIALS: Trials = {
  "Hip abduction": { lever: "78", left: ["112", "116", "114"], right: ["78", "81", "79"] },
  "Hip external rotation": {
    lever: "30",
    left: ["142", "148", "145"],
    right: ["118", "121", "116"],
  },
  "Hip extension": { lever: "45", left: ["210", "205", "214"], right: ["200", "206", "203"] },
  "Knee extension": { lever: "35", left: ["418", "425", "421"], right: ["420", "428", "416"] },
  "Knee flexion": { lever: "35", left: ["228", "232", "230"], right: ["226", "234", "229"] },
};

/** Six weeks on: the right hip abductors have caught up most of the way. */
const RETEST_TRIALS: Trials = {
  ...TRIALS,
  "Hip abduction": { lever: "78", left: ["114", "117", "115"], right: ["104", "107", "105"] },
  "Hip external rotation": {
    lever: "30",
    left: ["144", "147", "146"],
    right: ["136", "139", "137"],
  },
};

async function fillStrength(h: Harness, trials: Trials) {
  const { page } = h;
  for (const [test, t] of Object.entries(trials)) {
    await page.getByLabel(`${test}: lever arm (cm)`).fill(t.lever);
    for (const side of ["left", "right"] as const)
      for (const [i, value] of t[side].entries())
        await page.getByLabel(`${test} ${side} trial ${i + 1}`).fill(value);
  }
}

async function fillSingleLegSquat(h: Harness) {
  const right = { overall: "Fair", trunk: "Good", pelvis: "Poor", hip: "Fair", knee: "Fair" };
  for (const [criterion, rating] of Object.entries(right)) {
    await h.page
      .getByRole("group", { name: `Single-leg squat on the left leg: ${criterion}` })
      .getByRole("radio", { name: "Good" })
      .check();
    await h.page
      .getByRole("group", { name: `Single-leg squat on the right leg: ${criterion}` })
      .getByRole("radio", { name: rating })
      .check();
  }
}

describe("the clinician's journey in the browser", () => {
  let h: Harness;
  let checks: PageChecks;
  beforeAll(async () => {
    h = await startHarness(DESKTOP);
    checks = new PageChecks(h.page, "desktop");
  }, BROWSER_TIMEOUT);
  afterAll(async () => h?.close(), BROWSER_TIMEOUT);

  it(
    "assesses the seed-000 runner through the forms, edits the programme, follows two weeks of logs and a retest",
    async () => {
      const { page } = h;
      const base = h.server.url;
      const today = await page.evaluate(() => new Date().toLocaleDateString("sv-SE"));
      const start = addDays(today, -14);

      await page.goto(`${base}/`);
      await checks.check("login");
      await logIn(page, base, "physio@riverside.example");
      await page.getByRole("heading", { name: "Runners" }).waitFor();
      // The demo's red-flag runner comes first: attention first.
      await seeText(page.locator(".runner-list > li").first(), "red flag");
      await checks.check("runner-list");
      await page.getByLabel("Search by name").fill("sam");
      await page.getByRole("button", { name: "Search" }).click();
      await seeCount(page.locator(".runner-list > li"), (n) => n === 1, "one runner");

      // A new runner record, assessed step by step.
      await page.getByLabel("New runner's name").fill("Alex Seed");
      await page.getByRole("button", { name: "Add runner" }).click();
      await page.getByRole("heading", { level: 1, name: "Alex Seed" }).waitFor();
      const runnerUrl = page.url();
      await page.getByRole("button", { name: "New assessment" }).click();
      await page.getByRole("heading", { name: /Assessment: About the runner/ }).waitFor();
      await fillAbout(page, start);
      await checks.check("assessment-about");
      await next(page, /Pain/);
      await fillPain(page);
      await checks.check("assessment-pain-map");
      await next(page, /Red flags/);
      await answerRedFlags(page);
      await next(page, /Running/);
      await fillTraining(page);
      await next(page, /Dynamometer/);
      await fillStrength(h, TRIALS);
      // Live figures from the core as the trials are typed: torque, Nm/kg and the LSI.
      await seeText(page.getByTestId("lsi-hip-abduction"), /LSI 70 %.*right weaker/);
      await seeText(page.getByTestId("figures-hip-abduction-right"), "63.2 Nm");
      await seeText(page.getByTestId("figures-hip-abduction-right"), "1.02 Nm/kg");
      await checks.check("assessment-dynamometer");
      // The half-finished intake is on the server: a reload keeps every trial.
      await page.getByText("All changes saved").waitFor({ timeout: 10_000 });
      await page.reload();
      await seeValue(page.getByLabel("Hip abduction right trial 2"), "81");
      await next(page, /Self-tests/);
      await fillStance(page);
      await fillSingleLegSquat(h);
      await checks.check("assessment-self-tests");
      await next(page, /Questionnaires/);
      await fillQuestionnaires(page, AKPS_SEED_000, 6);
      await next(page, /Findings/);

      // The findings name the right hip.
      const hip = page.locator('[data-finding="hip-driven-knee-pain"]');
      await seeText(hip.locator("h3"), /Likely: .*\(right side\)/);
      await hip.getByText(/Evidence and sources/).click();
      await seeText(hip, /hip abduction/i);
      await checks.check("findings");

      // A programme from the findings, started two weeks ago; one swap with its reason.
      await page.getByLabel("Start on").fill(start);
      await page.getByRole("button", { name: "Make the programme" }).click();
      await page.getByRole("heading", { level: 1, name: /Programme/ }).waitFor();
      const programmeUrl = page.url();
      const swapped = await page
        .getByLabel("Exercise in the programme")
        .locator("option")
        .first()
        .textContent();
      const replacement = (await page
        .getByLabel("Replace with")
        .locator("option")
        .nth(1)
        .textContent())!;
      await page.getByLabel("Replace with").selectOption({ label: replacement });
      await page
        .getByLabel("Reason for the change")
        .fill("Band at hand at home; progresses the clamshell she already knows");
      await page.getByRole("button", { name: "Save the change" }).click();
      await seeText(page.locator(".edits"), `for ${replacement} — because: “Band at hand at home`);
      await seeText(page.locator(".cards"), replacement);
      expect(swapped).toBeTruthy();
      await checks.check("programme");

      // The runner joins by the invite link and logs two weeks of the plan.
      await page.goto(runnerUrl);
      await page.getByRole("button", { name: "Invite the runner to the app" }).click();
      const link = (await page.getByTestId("invite-link").textContent())!;
      await page.getByRole("button", { name: "Log out" }).click();
      await page.goto(`${base}${new URL(link).pathname}`);
      await page.getByRole("heading", { name: "Accept your invite" }).waitFor();
      await page.getByLabel("Email").fill("alex@runner.example");
      await page.getByLabel("Password").fill("alex-runs-again");
      await page.getByRole("button", { name: "Accept your invite" }).click();
      await page.getByRole("heading", { name: /Hello, Alex Seed/ }).waitFor();
      const logged = await page.evaluate(
        async ({ from, to }) => {
          const session = await (await fetch("/api/session")).json();
          const runnerId = session.user.runnerId as string;
          const summary = await (await fetch(`/api/runners/${runnerId}`)).json();
          const row = await (await fetch(`/api/programmes/${summary.activeProgramme.id}`)).json();
          let count = 0;
          for (const s of row.programme.sessions) {
            if (s.date < from || s.date >= to || s.kind === "rest") continue;
            const entry =
              s.kind === "run"
                ? {
                    date: s.date,
                    type: "run",
                    run: {
                      level: s.run.level?.level ?? 0,
                      durationMin: s.run.minutes,
                      painDuring: 1,
                      painAfter: 1,
                      painNextMorning: 0,
                    },
                  }
                : {
                    date: s.date,
                    type: "strength",
                    exercises: s.strength.map(
                      (p: {
                        exercise: string;
                        sets: number;
                        reps?: number[];
                        seconds?: number[];
                      }) => ({
                        exercise: p.exercise,
                        sets: p.sets,
                        ...(p.reps ? { reps: p.reps[1] } : {}),
                        ...(p.seconds ? { durationSec: p.seconds[1] } : {}),
                        effort: 4,
                        pain: 0,
                      }),
                    ),
                  };
            const reply = await fetch(`/api/runners/${runnerId}/logs`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
              body: JSON.stringify({ entry }),
            });
            if (reply.status !== 201)
              throw new Error(`log ${s.date}: ${reply.status} ${await reply.text()}`);
            count++;
          }
          return count;
        },
        { from: start, to: today },
      );
      expect(logged).toBeGreaterThanOrEqual(8);
      await page.getByRole("button", { name: "Log out" }).click();

      // Back as the clinician: the progress charts and the next decision show the two weeks.
      await logIn(page, base, "physio@riverside.example");
      await page.goto(`${runnerUrl}/progress`);
      await page.getByRole("heading", { name: /Progress: Alex Seed/ }).waitFor();
      const painChart = page.locator("figure.chart").filter({ hasText: "Pain per run" });
      await painChart.getByText("The numbers").click();
      await seeCount(painChart.locator("tbody tr"), (n) => n > 0, "some");
      await seeText(page.getByTestId("decisions"), /Move up|Repeat the same/);
      await checks.check("progress-two-weeks");
      await page.goto(programmeUrl);
      await page.getByTestId("decisions").waitFor();

      // The retest, six weeks' work later in one step: the change beside the last assessment.
      await page.goto(runnerUrl);
      await page.getByRole("button", { name: "Retest" }).click();
      await page.getByRole("heading", { name: /Retest: About the runner/ }).waitFor();
      await seeValue(page.getByLabel(/age \(years\)/i), "34");
      await page.getByLabel("Date of the assessment").fill(today);
      await next(page, /Pain/);
      await next(page, /Red flags/);
      await answerRedFlags(page);
      await next(page, /Running/);
      await next(page, /Dynamometer/);
      await fillStrength(h, RETEST_TRIALS);
      await seeText(page.getByTestId("lsi-hip-abduction"), /LSI 91 %/);
      await next(page, /Self-tests/);
      await fillStance(page);
      await fillSingleLegSquat(h);
      await next(page, /Questionnaires/);
      await fillQuestionnaires(page, { ...AKPS_SEED_000, 4: 10, 5: 5, 6: 8, 9: 8 }, 3);
      await next(page, /Findings/);
      await page.goto(`${runnerUrl}/progress`);
      // The core's comparison: the LSI against the change a retest shows by chance (7.1 points).
      const lsi = page.getByTestId("retest").locator("tr", { hasText: "hip abduction LSI" });
      await seeText(lsi, "70 %");
      await seeText(lsi, "91 %");
      await seeText(lsi, /improved.*more than the 7\.1-point change a retest can show by chance/);
      await seeCount(
        page.locator("figure.chart").filter({ hasText: "Symmetry" }).locator("path[stroke]"),
        (n) => n > 0,
        "some",
      );
      await checks.check("progress-retest");

      expect(checks.violations).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
