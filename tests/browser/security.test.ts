import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../apps/server/src/http/headers.ts";
import {
  type Account,
  clickAtEnd,
  cspViolations,
  DEMO_DRAFT,
  FACILITATOR,
  launchBrowser,
  numbered,
  openAs,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
  textOf,
  waitForEditor,
} from "./harness.ts";

const KENYA: Account = { email: "kenya@demo.plenary", password: "demo-delegate-ke" };
const PROCESS = "/processes/demo-review";

describe("the web app under its security headers", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens `path` in the page; expects the headers on the page and nothing refused by the CSP so far. */
  async function visit(page: Page, path: string, ready: () => Promise<unknown>): Promise<void> {
    const response = await page.goto(path);
    const headers = response?.headers() ?? {};
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(headers[name], `${name} on ${path}`).toBe(value);
    await ready();
    expect(await cspViolations(page), `CSP on ${path}`).toEqual([]);
  }

  it("every page works with nothing refused by the Content-Security-Policy: editing, suggesting, carets, reports", async () => {
    const chair = await openAs(browser, server, "Amina Diallo", "/", { account: FACILITATOR });
    const kenya = await openAs(browser, server, "Joseph Mwangi", `/drafts/${DEMO_DRAFT}`, { account: KENYA });
    const { page } = chair;

    await visit(page, "/", () => page.getByRole("link", { name: /zero draft/ }).waitFor(SEEN_WITHIN));
    await visit(page, `/drafts/${DEMO_DRAFT}`, () => waitForEditor(page));
    await waitForEditor(kenya.page);

    // The delegate suggests; the chair sees the suggestion and the delegate's caret (styled inline by the editor).
    await clickAtEnd(numbered(kenya.page, "OP 1"));
    await kenya.page.keyboard.type(" under the CSP");
    await expect.poll(() => textOf(numbered(page, "OP 1")), SEEN_WITHIN).toContain("under the CSP");
    await page.locator(".collaboration-carets__caret").first().waitFor(SEEN_WITHIN);
    await page.locator(".suggestion-card").first().waitFor(SEEN_WITHIN);
    expect(await cspViolations(page)).toEqual([]);
    expect(await cspViolations(kenya.page)).toEqual([]);

    const pages: [string, () => Promise<unknown>][] = [
      [PROCESS, () => page.getByTestId("process-parties").waitFor(SEEN_WITHIN)],
      [`${PROCESS}/participants`, () => page.getByTestId("participants").waitFor(SEEN_WITHIN)],
      [`${PROCESS}/applications`, () => page.getByRole("heading", { level: 1 }).waitFor(SEEN_WITHIN)],
      [`/drafts/${DEMO_DRAFT}/revisions`, () => page.getByRole("heading", { level: 1 }).waitFor(SEEN_WITHIN)],
      [`/drafts/${DEMO_DRAFT}/report`, () => page.getByRole("heading", { level: 1 }).waitFor(SEEN_WITHIN)],
      [`${PROCESS}/metrics`, () => page.getByRole("heading", { level: 1 }).waitFor(SEEN_WITHIN)],
      ["/account", () => page.getByRole("heading", { level: 1, name: "My account" }).waitFor(SEEN_WITHIN)],
      [`${PROCESS}/apply`, () => page.getByRole("heading", { level: 1 }).waitFor(SEEN_WITHIN)],
      ["/sign-in", () => page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor(SEEN_WITHIN)],
      ["/invite/not-a-token", () => page.getByRole("heading", { level: 1 }).waitFor(SEEN_WITHIN)],
      ["/no/such/page", () => page.getByRole("heading", { level: 1 }).waitFor(SEEN_WITHIN)],
    ];
    for (const [path, ready] of pages) await visit(page, path, ready);
    await chair.context.close();
    await kenya.context.close();
  });

  it("cannot be framed by another page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(`<iframe id="frame" src="${server.url}/" width="800" height="600"></iframe>`);
    await page.locator("#frame").waitFor(SEEN_WITHIN);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    // The browser refuses to show it (frame-ancestors 'none'): the frame holds an error page, not Plenary.
    await expect.poll(() => frame?.url(), SEEN_WITHIN).not.toBe("about:blank");
    expect(frame?.url().startsWith(server.url)).toBe(false);
    await context.close();
  });
});
