import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import axe from "axe-core";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { serverConfigFromEnv } from "../../server/config.js";
import { type RunningServer, serve } from "../../server/serve.js";

/** Browser tests drive Debian's Chromium against a real server on a fresh PGlite directory. */

export const CHROMIUM = process.env.HIPCHECK_CHROMIUM ?? "/usr/bin/chromium";
// Generous: the suite shares two cores with everything else; a slow machine must not fail it.
export const BROWSER_TIMEOUT = 600_000;
export const SCREENSHOTS = join(process.cwd(), "test-output", "screenshots");
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

export interface Harness {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** Every request the page made: method, URL and body size, for the no-upload check. */
  requests: { method: string; url: string; bytes: number; contentType: string }[];
  close(): Promise<void>;
}

export async function startHarness(viewport = DESKTOP): Promise<Harness> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install the Debian package "chromium" (.ci/run does it)`,
    );
  const dataDir = await mkdtemp(join(tmpdir(), "hipcheck-web-data-"));
  const filesDir = await mkdtemp(join(tmpdir(), "hipcheck-web-files-"));
  const profile = await mkdtemp(join(tmpdir(), "hipcheck-chromium-"));
  const server = await serve({
    store: { kind: "pglite", dataDir },
    config: serverConfigFromEnv({}, { port: 0, filesDir, workers: 1 }),
    demo: true,
    print: () => {},
  });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: "en-GB",
    // axe is injected as a script; the app's own CSP stays on for everything it loads.
    bypassCSP: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  context.setDefaultTimeout(90_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: Harness["requests"] = [];
  page.on("request", (request) => {
    requests.push({
      method: request.method(),
      url: request.url(),
      bytes: request.postDataBuffer()?.length ?? 0,
      contentType: request.headers()["content-type"] ?? "",
    });
  });
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    server,
    context,
    page,
    requests,
    async close() {
      await context.close();
      await server.close();
      await Promise.all(
        [dataDir, filesDir, profile].map((d) => rm(d, { recursive: true, force: true })),
      );
    },
  };
}

export async function logIn(page: Page, base: string, email: string, password = "hipcheck-demo") {
  await page.goto(`${base}/`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Log out" }).waitFor();
}

/** axe-core on the page as it is: the serious and critical violations, named. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ["violations"],
    }),
  )) as axe.AxeResults;
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-screen.png`) });
}

/** Waits until `read` gives something `ok` accepts; fails naming what was last seen. */
async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch {
      // Not on the page yet.
    }
    if (Date.now() > deadline)
      throw new Error(`expected ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const matches = (text: string, want: string | RegExp) =>
  typeof want === "string" ? text.includes(want) : want.test(text);

/** The locator's text comes to contain (or match) what a person would look for. */
export function seeText(
  locator: Locator,
  want: string | RegExp,
  timeoutMs?: number,
): Promise<string> {
  return until(
    () => locator.innerText({ timeout: 1000 }),
    (t) => matches(t, want),
    `text ${want}`,
    timeoutMs,
  );
}

export function seeValue(locator: Locator, want: string): Promise<string> {
  return until(
    () => locator.inputValue({ timeout: 1000 }),
    (v) => v === want,
    `value "${want}"`,
  );
}

export function seeCount(
  locator: Locator,
  ok: (n: number) => boolean,
  what: string,
): Promise<number> {
  return until(() => locator.count(), ok, what);
}
