// Browser-test harness: the real server on a free loopback port with a fresh data
// folder, Debian's Chromium through playwright-core, and helpers to act as a person.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { type RunningServer, startServer } from "../../apps/server/src/index.ts";
import type { DraftResponse } from "../../packages/protocol/src/index.ts";

/** An account to sign in with. */
export interface Account {
  email: string;
  password: string;
}

/** The demo facilitator, and a second facilitator each test server gets: two people who may edit the text directly. */
export const FACILITATOR: Account = { email: "facilitator@demo.plenary", password: "demo-facilitator" };
export const CO_FACILITATOR: Account = { email: "co-facilitator@test.plenary", password: "co-facilitator-pass" };

/** The id of the demo draft the server loads on first start. */
export const DEMO_DRAFT = "demo-zero-draft";

/** How long to wait for something a person would see happen. */
export const SEEN_WITHIN = { timeout: 30_000, interval: 50 };

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium (PLENARY_CHROMIUM, else Debian's /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PLENARY_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/** A real server on a free port, storing into a temporary folder that `close` removes. */
export interface TestServer {
  url: string;
  server: RunningServer;
  close(): Promise<void>;
}

/**
 * Starts the real server (serving the built web app: apps/web/dist, or PLENARY_WEB_ROOT), with the
 * demo draft unless told otherwise.
 */
export async function startTestServer(options: { seedDemo?: boolean } = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "plenary-browser-"));
  const server = await startServer({
    port: 0,
    dataDir,
    seedDemo: options.seedDemo ?? true,
    passwordCost: 12,
    // Another build of the web app can be tested without touching apps/web/dist.
    ...(process.env.PLENARY_WEB_ROOT ? { webRoot: process.env.PLENARY_WEB_ROOT } : {}),
  });
  if (server.seededDemo) {
    await server.accounts.createAccount({
      ...CO_FACILITATOR,
      displayName: "Bruno Costa",
      partyId: "party-secretariat",
      processId: "demo-review",
      role: "facilitator",
    });
  }
  return {
    url: server.url,
    server,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One person in their own browser context (own storage, own IndexedDB, own identity). */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** Opens `path` as a person who has chosen the display name `name`; `prepare` runs before the page loads. */
export async function openAs(
  browser: Browser,
  server: TestServer,
  name: string,
  path: string,
  options: { language?: string; account?: Account; prepare?: (context: BrowserContext) => Promise<unknown> } = {},
): Promise<Person> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
  if (options.account) {
    // Signs in through the API; the context's request client shares its cookies with the pages.
    const answer = await context.request.post("/api/auth/sign-in", { data: options.account });
    if (!answer.ok()) throw new Error(`Sign-in of ${options.account.email} refused: ${await answer.text()}`);
  }
  await context.addInitScript(
    ([displayName, language]) => {
      try {
        window.localStorage.setItem("plenary.displayName", displayName);
        window.localStorage.setItem("plenary.language", language);
      } catch {
        // about:blank has no storage.
      }
    },
    [name, options.language ?? "en"] as const,
  );
  await context.addInitScript(() => {
    // Every breach of the Content-Security-Policy the page meets, for cspViolations().
    const seen: string[] = [];
    (window as unknown as { plenaryCspViolations: string[] }).plenaryCspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  await options.prepare?.(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${name}] page error:`, error));
  page.on("console", (message) => {
    if (/Content Security Policy/.test(message.text())) console.error(`[${name}] CSP:`, message.text());
  });
  await page.goto(path);
  return { name, context, page };
}

/** What the page's Content-Security-Policy refused since it loaded (as "directive blocked source:line"). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { plenaryCspViolations?: string[] }).plenaryCspViolations ?? []);
}

/** The connection indicator. */
export function connection(page: Page): Locator {
  return page.getByTestId("connection");
}

/** Waits until the indicator says `state` ("connected", "offline", …). */
export async function waitForConnection(page: Page, state: string): Promise<void> {
  await expect.poll(() => connection(page).getAttribute("data-state"), SEEN_WITHIN).toBe(state);
}

/** The draft's text, as the labelled textbox. */
export function editor(page: Page): Locator {
  return page.getByRole("textbox", { name: "Text of the draft" });
}

/** The block whose margin shows `label` ("OP 3"). */
export function numbered(page: Page, label: string): Locator {
  return page.locator(`.draft-text > [data-label="${label}"]`);
}

/** The number shown in the margin of an element, as the style sheet draws it. */
export function marginLabel(block: Locator): Promise<string> {
  return block.evaluate((element) => getComputedStyle(element, "::before").content.replace(/^"|"$/g, ""));
}

/** Each block's text as people read it (others' caret labels left out). */
export function blockTexts(page: Page): Promise<string[]> {
  return page.locator(".draft-text").evaluate((root) =>
    Array.from(root.children).map((block) => {
      const copy = block.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      return copy.textContent ?? "";
    }),
  );
}

/** One block's text as people read it (others' caret labels left out). */
export function textOf(block: Locator): Promise<string> {
  return block.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent ?? "";
  });
}

/**
 * Puts the caret at the end of a block, by clicking just after its last line, as
 * a person would; clicks again if the page moved under the pointer (panels
 * filling in around the text) and the caret landed anywhere else.
 */
export async function clickAtEnd(block: Locator): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const box = await block.boundingBox();
    if (!box) throw new Error("The block is not visible");
    await block.click({ position: { x: box.width - 2, y: box.height - 8 } });
    const atEnd = await block.evaluate((element) => {
      const selection = window.getSelection();
      if (!selection?.focusNode || !element.contains(selection.focusNode)) return false;
      const after = document.createRange();
      after.setStart(selection.focusNode, selection.focusOffset);
      after.setEnd(element, element.childNodes.length);
      return after.toString().trim() === "";
    });
    if (atEnd) return;
  }
  throw new Error("Could not put the caret at the end of the block");
}

/** Waits until the editor is connected, holds the text and can be typed into. */
export async function waitForEditor(page: Page): Promise<void> {
  await waitForConnection(page, "connected");
  await expect.poll(() => editor(page).getAttribute("contenteditable"), SEEN_WITHIN).toBe("true");
}

/** Waits until the editor is connected and shows the text, read-only (as for a visitor without a role). */
export async function waitForReader(page: Page): Promise<void> {
  await waitForConnection(page, "connected");
  await expect.poll(() => page.locator(".draft-text-frame").getAttribute("aria-busy"), SEEN_WITHIN).toBe("false");
  await expect.poll(() => editor(page).getAttribute("aria-readonly"), SEEN_WITHIN).toBe("true");
}

/** The draft as the API serves it. */
export async function fetchDraftJSON(server: TestServer, id = DEMO_DRAFT): Promise<DraftResponse> {
  const response = await fetch(`${server.url}/api/drafts/${id}`);
  if (!response.ok) throw new Error(`GET /api/drafts/${id} answered ${response.status}`);
  return (await response.json()) as DraftResponse;
}

/** Runs axe-core on the page; returns its violations as short readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: an inline <script> would be refused by the page's CSP.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  return violations.map((violation) => `${violation.id}: ${violation.help} (${violation.targets.join(", ")})`);
}
