import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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
  waitForEditor,
  waitForReader,
} from "./harness.ts";

const KENYA = { email: "kenya@demo.plenary", password: "demo-delegate-ke" };
const PROCESS_TITLE = "Review of the Global Framework on Digital Cooperation";
const DRAFT_TITLE = `${PROCESS_TITLE}: zero draft of the outcome document`;

describe("reading without an account, and signing in", () => {
  let browser: Browser;
  let server: TestServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a visitor opens the process and reads the draft, read-only, and is told how to take part", async () => {
    const visitor = await openAs(browser, server, "Visitor", "/");
    contexts.push(visitor.context);
    const { page } = visitor;
    await page
      .getByRole("region", { name: "Negotiation processes" })
      .getByRole("link", { name: PROCESS_TITLE })
      .click();
    await page.getByRole("heading", { level: 1, name: PROCESS_TITLE }).waitFor(SEEN_WITHIN);
    expect(await page.getByTestId("process-role").textContent()).toContain("You are reading as a member of the public");
    expect(await page.getByRole("link", { name: "Apply for accreditation" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Participants" }).count()).toBe(0);
    const parties = await page.getByTestId("process-parties").getByRole("listitem").allTextContents();
    expect(parties).toContain("Kenya (Member State · African States)");
    expect(parties).toContain("Open Networks Alliance (Organisation · Civil society · India)");

    await page.getByRole("link", { name: DRAFT_TITLE }).click();
    await page.waitForURL(`**/drafts/${DEMO_DRAFT}`);
    await waitForReader(page);
    expect(await textOf(numbered(page, "PP 1"))).toMatch(/^Recalling the purposes/);
    expect(await editor(page).getAttribute("contenteditable")).toBe("false");
    expect(await page.getByTestId("draft-role").textContent()).toBe("Your role: Public");
    const note = page.getByTestId("read-only-note");
    expect(await note.getByRole("heading").textContent()).toBe("You are reading this draft");
    expect(await note.textContent()).toContain("Only participants can propose changes.");

    // Coming back to the draft: a reader keeps no copy that could be sent back, and refused.
    await page.getByTestId("draft-context").getByRole("link", { name: PROCESS_TITLE }).click();
    await page.getByRole("link", { name: DRAFT_TITLE }).click();
    await waitForReader(page);
    expect(await page.getByRole("alert").count()).toBe(0);

    await note.getByRole("link", { name: "Sign in to take part" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor(SEEN_WITHIN);
    expect(new URL(page.url()).searchParams.get("next")).toBe(`/drafts/${DEMO_DRAFT}`);
  });

  it("says when sign-in fails, then returns the person to where they were, with their role", async () => {
    const joseph = await openAs(browser, server, "Joseph", `/sign-in?next=%2Fdrafts%2F${DEMO_DRAFT}`);
    contexts.push(joseph.context);
    const { page } = joseph;
    await page.getByRole("button", { name: "Sign in" }).click();
    const email = page.getByLabel("E-mail address");
    await expect.poll(() => email.evaluate((input) => input === document.activeElement), SEEN_WITHIN).toBe(true);
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("Enter an e-mail address, like name@example.org.").isVisible()).toBe(true);

    await email.fill(KENYA.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent(), SEEN_WITHIN).toBe("The e-mail address or the password is wrong.");
    expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.getByLabel("Password").fill(KENYA.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**/drafts/${DEMO_DRAFT}`, SEEN_WITHIN);
    await waitForEditor(page);
    expect(await page.getByTestId("draft-role").textContent()).toBe("Your role: Delegate");
    expect(await page.getByTestId("read-only-note").count()).toBe(0);

    const menuButton = page.getByRole("button", { name: "Your account: Joseph Mwangi" });
    await menuButton.click();
    expect(await menuButton.getAttribute("aria-expanded")).toBe("true");
    const panel = page.locator(`#${await menuButton.getAttribute("aria-controls")}`);
    expect(await panel.textContent()).toContain("Kenya (Member State · African States)");
    expect(await panel.textContent()).toContain(`Delegate in ${PROCESS_TITLE}`);
    await page.keyboard.press("Escape");
    expect(await menuButton.getAttribute("aria-expanded")).toBe("false");
    expect(await menuButton.evaluate((button) => button === document.activeElement)).toBe(true);

    await menuButton.click();
    await panel.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in", exact: true }).waitFor(SEEN_WITHIN);
    await waitForReader(page);
    expect(await page.getByTestId("draft-role").textContent()).toBe("Your role: Public");
  });

  it("tells a person who failed too often how many minutes to wait", async () => {
    const person = await openAs(browser, server, "Someone", "/sign-in");
    contexts.push(person.context);
    for (let attempt = 0; attempt < 5; attempt++) {
      await person.context.request.post("/api/auth/sign-in", { data: { email: KENYA.email, password: "wrong" } });
    }
    await person.page.getByLabel("E-mail address").fill(KENYA.email);
    await person.page.getByLabel("Password").fill(KENYA.password);
    await person.page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => person.page.getByRole("alert").textContent(), SEEN_WITHIN)
      .toMatch(/^Too many failed attempts with this e-mail address\. Try again in 1[45] min\.$/);
  });
});
