import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  DEMO_DRAFT,
  FACILITATOR,
  launchBrowser,
  openAs,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
  waitForEditor,
} from "./harness.ts";

const PROCESS = "/processes/demo-review";
const PROCESS_TITLE = "Review of the Global Framework on Digital Cooperation";

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
    const { page, context } = await openAs(browser, server, "Amina Diallo", "/", { account: FACILITATOR });
    await page.getByRole("link", { name: /zero draft/ }).waitFor(SEEN_WITHIN);
    expect(await htmlDirection(page)).toEqual(["en", "ltr"]);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/drafts/${DEMO_DRAFT}`);
    await waitForEditor(page);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Your account: Amina Diallo" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor(SEEN_WITHIN);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("has no axe violations on the sign-in page and the process page, in English", async () => {
    const visitor = await openAs(browser, server, "Visitor", "/sign-in");
    const { page } = visitor;
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor(SEEN_WITHIN);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter your password.").waitFor(SEEN_WITHIN);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(PROCESS);
    await page.getByTestId("process-parties").waitFor(SEEN_WITHIN);
    expect(await axeViolations(page)).toEqual([]);
    await visitor.context.close();

    const facilitator = await openAs(browser, server, "Amina Diallo", PROCESS, { account: FACILITATOR });
    await facilitator.page.getByRole("navigation", { name: "Facilitation" }).waitFor(SEEN_WITHIN);
    expect(await axeViolations(facilitator.page)).toEqual([]);
    await facilitator.page.getByRole("link", { name: "Participants" }).click();
    await facilitator.page.getByTestId("participants").waitFor(SEEN_WITHIN);
    expect(await axeViolations(facilitator.page)).toEqual([]);
    await facilitator.context.close();
  });

  it("has no axe violations in Arabic, laid out right to left", async () => {
    const { page, context } = await openAs(browser, server, "أمينة", "/");
    await page.getByLabel("Interface language").selectOption("ar");
    await expect.poll(() => htmlDirection(page), SEEN_WITHIN).toEqual(["ar", "rtl"]);
    await page.getByRole("heading", { level: 1, name: "المسودات" }).waitFor(SEEN_WITHIN);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /zero draft/ }).click();
    await page.getByRole("textbox", { name: "نص المسودة" }).waitFor(SEEN_WITHIN);
    await expect.poll(() => page.getByTestId("connection").getAttribute("data-state"), SEEN_WITHIN).toBe("connected");
    expect(await htmlDirection(page)).toEqual(["ar", "rtl"]);
    expect(await page.getByRole("button", { name: "OP: فقرة من المنطوق" }).count()).toBe(1);
    await page.getByRole("heading", { name: "أنت تقرأ هذه المسودة" }).waitFor(SEEN_WITHIN);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "سجّل الدخول للمشاركة" }).click();
    await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor(SEEN_WITHIN);
    expect(await htmlDirection(page)).toEqual(["ar", "rtl"]);
    expect(await axeViolations(page)).toEqual([]);

    await page.goBack();
    await page.getByTestId("draft-context").getByRole("link", { name: PROCESS_TITLE }).click();
    await page.getByRole("heading", { name: "الأطراف المشاركة" }).waitFor(SEEN_WITHIN);
    expect(await page.getByTestId("process-parties").textContent()).toContain("Kenya (دولة عضو · الدول الأفريقية)");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
