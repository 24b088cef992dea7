import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_WEB_ROOT } from "@plenary/server";
import { type Browser, chromium, type Page } from "playwright-core";
import { type NotMeasured, notMeasured } from "./not-measured.ts";
import type { Account } from "./servers.ts";

// The machine notes' flags for Debian's Chromium.
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The Chromium to drive: PLENARY_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.PLENARY_CHROMIUM ?? "/usr/bin/chromium";
}

/** Why the browser workloads cannot run here (web app not built, no Chromium), or undefined when they can. */
export function browserUnavailable(executablePath = chromiumPath()): NotMeasured | undefined {
  if (!existsSync(join(DEFAULT_WEB_ROOT, "index.html"))) return notMeasured("web app not built (apps/web/dist)");
  if (!existsSync(executablePath)) return notMeasured(`no Chromium at ${executablePath}`);
  return undefined;
}

/** Launches headless Chromium through playwright-core. */
export function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

/** Selector of the draft's text once it is shown. */
export const DRAFT_TEXT = '[role="textbox"][aria-label="Text of the draft"]';

/**
 * Opens a draft in a new browser context (empty cache and storage, as a new
 * viewer's) as a person named "Bench typist", signed in with `account` if given
 * (else as the public); resolves once `blocks` blocks of the text are in the
 * page, with the time that took from navigation.
 */
export async function openDraftPage(
  browser: Browser,
  baseURL: string,
  draftId: string,
  blocks: number,
  options: { account?: Account | null } = {},
): Promise<{ page: Page; ms: number; close(): Promise<void> }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  if (options.account) {
    // The context's request client shares its cookies with the pages.
    const answer = await context.request.post("/api/auth/sign-in", { data: options.account });
    if (!answer.ok()) throw new Error(`Sign-in of ${options.account.email} refused: ${await answer.text()}`);
  }
  await context.addInitScript(() => {
    window.localStorage.setItem("plenary.displayName", "Bench typist");
    window.localStorage.setItem("plenary.language", "en");
  });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`/drafts/${draftId}`);
  await page.waitForFunction(
    ([selector, count]) => (document.querySelector(selector as string)?.children.length ?? 0) >= (count as number),
    [DRAFT_TEXT, blocks] as const,
    { timeout: 60_000, polling: "raf" },
  );
  return { page, ms: performance.now() - started, close: () => context.close() };
}
