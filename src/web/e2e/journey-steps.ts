import type { Page } from "playwright-core";
import { axeViolations, shoot } from "./browser.js";

/** Form steps the journeys share, filled the way a person would: by label. */

export const SEED_000 = {
  person: { age: "34", height: "168", mass: "62" },
  pain: { rest: "0", during: "6", after: "4", onset: "1.6", weeks: "30" },
};

/** Screenshot and axe on the page as it is; the violations are collected for one assertion. */
export class PageChecks {
  readonly violations: string[] = [];
  constructor(
    private readonly page: Page,
    private readonly size: "phone" | "desktop",
  ) {}

  async check(name: string): Promise<void> {
    await this.page.waitForLoadState("networkidle");
    await shoot(this.page, `${this.size}-${name}`);
    for (const v of await axeViolations(this.page)) this.violations.push(`${name}: ${v}`);
  }
}

export async function next(page: Page, heading: RegExp): Promise<void> {
  await page.getByRole("button", { name: /Save and continue|See the findings/ }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

export async function fillAbout(page: Page, date?: string): Promise<void> {
  if (date) await page.getByLabel("Date of the assessment").fill(date);
  await page.getByLabel(/age \(years\)/i).fill(SEED_000.person.age);
  await page.getByRole("radio", { name: "Female" }).check();
  await page.getByLabel("Height (cm)").fill(SEED_000.person.height);
  await page.getByLabel(/^Body mass \(/).fill(SEED_000.person.mass);
  await page.getByRole("radio", { name: "kg", exact: true }).check();
}

/** Seed 000: the right knee hurts at the front, 6/10 running, stairs and squats. */
export async function fillPain(page: Page): Promise<void> {
  await page
    .getByRole("checkbox", {
      name: "right knee, front (around the kneecap) (anterior), front view",
    })
    .click();
  await page.getByText("Marked: right anterior.").waitFor();
  await page.getByLabel("Pain at rest (0–10)").fill(SEED_000.pain.rest);
  await page.getByLabel("Pain during a run (0–10)").fill(SEED_000.pain.during);
  await page.getByLabel("Pain after a run (0–10)").fill(SEED_000.pain.after);
  await page.getByLabel(/Pain starts after/).fill(SEED_000.pain.onset);
  await page.getByLabel("Weeks it has hurt").fill(SEED_000.pain.weeks);
  await page.getByRole("radio", { name: "The same" }).check();
  await page.getByRole("checkbox", { name: "Stairs" }).check();
  await page.getByRole("checkbox", { name: "Squats" }).check();
  await page.getByLabel("Hours sitting per day").fill("4");
}

/** Answers every red-flag question on the page; `yes` names one to answer yes. */
export async function answerRedFlags(page: Page, yes?: RegExp): Promise<void> {
  const groups = page.locator("fieldset.choice");
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const legend = (await group.locator("legend").textContent()) ?? "";
    await group.getByRole("radio", { name: yes?.test(legend) ? "Yes" : "No", exact: true }).check();
  }
}

export async function fillTraining(page: Page): Promise<void> {
  await page.getByRole("radio", { name: "km", exact: true }).check();
  await page.getByLabel(/Weekly distance for the last weeks/).fill("0, 4, 0, 5, 6, 6, 7, 7.5");
  await page.getByLabel(/Longest recent run/).fill("3");
  await page.getByLabel(/Latest run/).fill("3.2");
  await page.getByLabel(/Break from running before this/).fill("130");
  await page.getByLabel(/Running again since/).fill("6");
}

export async function fillStance(page: Page): Promise<void> {
  await page
    .getByRole("group", { name: "Standing on the left leg, the pelvis…" })
    .getByRole("radio", { name: "stays level" })
    .check();
  await page.getByLabel("Seconds held on the left leg").fill("30");
  await page
    .getByRole("group", { name: "Standing on the right leg, the pelvis…" })
    .getByRole("radio", { name: "drops on the lifted side" })
    .check();
  await page.getByLabel("Seconds held on the right leg").fill("30");
  for (const q of [
    "Squat: do the knees cave in?",
    "Squat: is all the effort in the front of the thighs?",
    "Squat: does the weight shift onto the toes?",
  ])
    await page
      .getByRole("group", { name: q })
      .getByRole("radio", { name: "No", exact: true })
      .check();
}

/** AKPS and NPRS answers by score, as in the seed-000 example. */
export async function fillQuestionnaires(
  page: Page,
  akps: Record<string, number>,
  nprs: number,
): Promise<void> {
  for (const [item, score] of Object.entries(akps))
    await page.locator(`input[name="akps-${item}"][value="${score}"]`).check();
  await page.locator(`input[name="nprs-pain"][value="${nprs}"]`).check();
}

export const AKPS_SEED_000 = {
  1: 5,
  2: 5,
  3: 5,
  4: 8,
  5: 4,
  6: 3,
  7: 7,
  8: 10,
  9: 3,
  10: 10,
  11: 10,
  12: 5,
  13: 5,
};
