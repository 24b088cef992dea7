import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  DEMO_DRAFT,
  launchBrowser,
  openAs,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
  waitForEditor,
} from "./harness.ts";

async function htmlDirection(page: Page): Promise<[string | null, string | null]> {
  return page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
}

describe("accessibility", () => {
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

  it("has no axe violations on the list of drafts and in the editor, in English", async () => {
    const { page, context } = await openAs(browser, server, "Amina Diallo", "/");
    await page.getByRole("link", { name: /Review of the Global Framework/ }).waitFor(SEEN_WITHIN);
    expect(await htmlDirection(page)).toEqual(["en", "ltr"]);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/drafts/${DEMO_DRAFT}`);
    await waitForEditor(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("has no axe violations in Arabic, laid out right to left", async () => {
    const { page, context } = await openAs(browser, server, "أمينة", "/");
    await page.getByLabel("Interface language").selectOption("ar");
    await expect.poll(() => htmlDirection(page), SEEN_WITHIN).toEqual(["ar", "rtl"]);
    await page.getByRole("heading", { level: 1, name: "المسودات" }).waitFor(SEEN_WITHIN);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /Review of the Global Framework/ }).click();
    await page.getByRole("textbox", { name: "نص المسودة" }).waitFor(SEEN_WITHIN);
    await expect.poll(() => page.getByTestId("connection").getAttribute("data-state"), SEEN_WITHIN).toBe("connected");
    expect(await htmlDirection(page)).toEqual(["ar", "rtl"]);
    expect(await page.getByRole("button", { name: "OP: فقرة من المنطوق" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
