import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  blockTexts,
  CO_FACILITATOR,
  clickAtEnd,
  DEMO_DRAFT,
  FACILITATOR,
  launchBrowser,
  marginLabel,
  numbered,
  openAs,
  type Person,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
  textOf,
  waitForEditor,
  waitForReader,
} from "./harness.ts";

// Signed-in people appear under their account's name and party.
const AMINA = "Amina Diallo (Review Secretariat)";
const BRUNO = "Bruno Costa (Review Secretariat)";

describe("live co-editing of a numbered draft", () => {
  let browser: Browser;
  let server: TestServer;
  let alice: Person;
  let bruno: Person;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    server = await startTestServer();
    alice = await openAs(browser, server, "Alice Mwangi", `/drafts/${DEMO_DRAFT}`, { account: FACILITATOR });
    bruno = await openAs(browser, server, "Bruno Costa", `/drafts/${DEMO_DRAFT}`, { account: CO_FACILITATOR });
    await Promise.all([waitForEditor(alice.page), waitForEditor(bruno.page)]);
  });
  afterEach(async () => {
    await alice?.context.close();
    await bruno?.context.close();
    await server?.close();
  });

  it("shows what one person types to the other, with the typist's named caret", async () => {
    await clickAtEnd(numbered(alice.page, "OP 2"));
    await alice.page.keyboard.type(" Alice was here.");

    await expect
      .poll(() => textOf(numbered(bruno.page, "OP 2")), SEEN_WITHIN)
      .toContain("in violation of international law; Alice was here.");
    const caret = bruno.page.locator(".collaboration-carets__label", { hasText: AMINA });
    await caret.waitFor({ state: "visible", ...SEEN_WITHIN });

    const people = bruno.page.getByTestId("presence");
    await expect.poll(() => people.textContent(), SEEN_WITHIN).toContain(AMINA);
    expect(await people.textContent()).toContain(`${BRUNO} (you)`);
  });

  it("renumbers the following operative paragraphs for everyone when one is inserted", async () => {
    const formerOp4 = await textOf(numbered(bruno.page, "OP 4"));
    expect(formerOp4).toMatch(/^Calls upon digital platforms/);

    await clickAtEnd(numbered(alice.page, "OP 3"));
    await alice.page.keyboard.press("Enter");
    await alice.page.keyboard.press("ControlOrMeta+Alt+3");
    const opButton = alice.page.getByRole("button", { name: "OP: operative paragraph" });
    await expect.poll(() => opButton.getAttribute("aria-pressed"), SEEN_WITHIN).toBe("false");
    await opButton.click();
    await expect.poll(() => opButton.getAttribute("aria-pressed"), SEEN_WITHIN).toBe("true");
    await alice.page.keyboard.type("Invites all stakeholders to comment on the present draft;");

    for (const person of [alice, bruno]) {
      const inserted = numbered(person.page, "OP 4");
      await expect
        .poll(() => textOf(inserted), SEEN_WITHIN)
        .toBe("Invites all stakeholders to comment on the present draft;");
      const shifted = person.page.locator(".draft-text > p", { hasText: formerOp4.slice(0, 60) });
      await expect.poll(() => marginLabel(shifted), SEEN_WITHIN).toBe("OP 5");
      expect(await textOf(numbered(person.page, "OP 3"))).toMatch(/^Urges States/);
    }
    expect(await blockTexts(alice.page)).toEqual(await blockTexts(bruno.page));

    const inserted = "Invites all stakeholders to comment on the present draft;";
    await alice.page.getByRole("button", { name: "Undo", exact: true }).click();
    for (const person of [alice, bruno]) {
      await expect.poll(async () => (await blockTexts(person.page)).join("\n"), SEEN_WITHIN).not.toContain(inserted);
    }
    await alice.page.getByRole("button", { name: "Redo", exact: true }).click();
    for (const person of [alice, bruno]) {
      await expect.poll(() => textOf(numbered(person.page, "OP 4")), SEEN_WITHIN).toBe(inserted);
    }
  });
});

describe("guests' display names", () => {
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

  it("shows a guest's new display name to the others (guests read, and are present)", async () => {
    const alice = await openAs(browser, server, "Alice Mwangi", `/drafts/${DEMO_DRAFT}`);
    const bruno = await openAs(browser, server, "Bruno Costa", `/drafts/${DEMO_DRAFT}`);
    await Promise.all([waitForReader(alice.page), waitForReader(bruno.page)]);
    await expect.poll(() => alice.page.getByTestId("presence").textContent(), SEEN_WITHIN).toContain("Bruno Costa");

    await bruno.page.getByRole("button", { name: "You: Bruno Costa" }).click();
    const field = bruno.page.getByRole("textbox", { name: "Display name" });
    await field.fill("Delegation of Brazil");
    await bruno.page.getByRole("button", { name: "Save" }).click();

    await bruno.page.getByRole("button", { name: "You: Delegation of Brazil" }).waitFor(SEEN_WITHIN);
    await expect
      .poll(() => alice.page.getByTestId("presence").textContent(), SEEN_WITHIN)
      .toContain("Delegation of Brazil");
    expect(await alice.page.getByTestId("presence").textContent()).not.toContain("Bruno Costa");
    await alice.context.close();
    await bruno.context.close();
  });
});
