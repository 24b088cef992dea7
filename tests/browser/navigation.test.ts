import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_DRAFT,
  editor,
  launchBrowser,
  numbered,
  openAs,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
  textOf,
  waitForReader,
} from "./harness.ts";

const DEMO_TITLE = "Review of the Global Framework on Digital Cooperation: zero draft of the outcome document";

describe("finding a draft", () => {
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

  it("lists the demo draft and opens it in the editor", async () => {
    const { page, context } = await openAs(browser, server, "Chen Wei", "/");
    const link = page.getByRole("link", { name: DEMO_TITLE });
    await link.waitFor(SEEN_WITHIN);
    expect(await page.getByRole("listitem").filter({ has: link }).textContent()).toMatch(/Last change: /);

    await link.click();
    await page.waitForURL(`**/drafts/${DEMO_DRAFT}`);
    await page.getByRole("heading", { level: 1, name: DEMO_TITLE }).waitFor(SEEN_WITHIN);
    await waitForReader(page);
    expect(await editor(page).getAttribute("aria-multiline")).toBe("true");
    expect(await textOf(numbered(page, "PP 1"))).toMatch(/^Recalling the purposes/);
    expect(await page.getByTestId("presence").textContent()).toContain("Chen Wei (you)");
    await context.close();
  });

  it("says so when a draft does not exist", async () => {
    const { page, context } = await openAs(browser, server, "Chen Wei", "/drafts/no-such-draft");
    await page.getByRole("heading", { level: 1, name: "Draft not found" }).waitFor(SEEN_WITHIN);
    expect(await page.getByTestId("not-found").textContent()).toContain("There is no draft at this address");
    await page.getByRole("link", { name: "Back to the list of drafts" }).click();
    await page.getByRole("link", { name: DEMO_TITLE }).waitFor(SEEN_WITHIN);
    await context.close();
  });

  it("says clearly when there are no drafts, and when the list cannot be loaded", async () => {
    const empty = await startTestServer({ seedDemo: false });
    try {
      const { page, context } = await openAs(browser, empty, "Chen Wei", "/");
      await page.getByRole("heading", { name: "No drafts yet" }).waitFor(SEEN_WITHIN);
      expect(await page.getByRole("list").filter({ hasText: "Last change" }).count()).toBe(0);
      await context.close();
    } finally {
      await empty.close();
    }

    let failing = true;
    const { page, context } = await openAs(browser, server, "Chen Wei", "/", {
      prepare: (ctx) =>
        ctx.route("**/api/drafts", (route) =>
          failing
            ? route.fulfill({ status: 500, json: { error: { code: "internal_error", message: "Down for a moment" } } })
            : route.continue(),
        ),
    });
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent(), SEEN_WITHIN).toContain("The drafts could not be loaded");
    failing = false;
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("link", { name: DEMO_TITLE }).waitFor(SEEN_WITHIN);
    await context.close();
  });
});
