import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inspectDocx } from "../../packages/docx/src/index.ts";
// The `docx` library is a dependency of @plenary/docx, not of the tests: its test helpers build the file.
import { bold, numbered as numberedParagraph, p, word } from "../../packages/docx/test/word.ts";
import {
  type Account,
  clickAtEnd,
  FACILITATOR,
  launchBrowser,
  numbered,
  openAs,
  type Person,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
  textOf,
  waitForEditor,
} from "./harness.ts";

const KENYA: Account = { email: "kenya@demo.plenary", password: "demo-delegate-ke" };
const PROCESS = "demo-review";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const TYPED = " and to report on its progress";

/** A small zero draft as a delegation's Word would write it: a bold line taken as a heading, a PP and two OPs. */
function zeroDraft(): Promise<Uint8Array> {
  return word([
    p(bold("Preamble")),
    p("Recalling its resolution 70/1 on the 2030 Agenda,"),
    numberedParagraph("Decides to convene a review conference in 2030;"),
    numberedParagraph("Requests the Secretary-General to support the review"),
  ]);
}

describe("Word in, Word out", () => {
  let browser: Browser;
  let server: TestServer;
  const people: Person[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const person of people.splice(0)) await person.context.close();
    await server?.close();
  });

  it("imports a .docx through the process page, and exports a delegate's suggestion as a Word tracked change", async () => {
    // The facilitator imports the document from the process's page.
    const chair = await openAs(browser, server, "Amina Diallo", `/processes/${PROCESS}`, { account: FACILITATOR });
    people.push(chair);
    const importForm = chair.page.getByRole("region", { name: "Import a Word document" });
    await importForm.waitFor(SEEN_WITHIN);
    await importForm.getByLabel("Word document (.docx)").setInputFiles({
      name: "review-zero-draft.docx",
      mimeType: DOCX_TYPE,
      buffer: Buffer.from(await zeroDraft()),
    });
    await importForm.getByLabel(/Title of the new draft/).fill("Review conference: zero draft");
    await importForm.getByRole("button", { name: "Import" }).click();

    // The result says what was imported and what to check, and links to the new draft.
    const result = chair.page.getByTestId("docx-import-result");
    await result.waitFor(SEEN_WITHIN);
    expect(await result.textContent()).toContain("“Review conference: zero draft” was imported as a new draft.");
    const warnings = result.getByTestId("docx-import-warnings");
    expect(await warnings.locator('li[data-code="heading-guessed"]').textContent()).toContain("Heading guessed");
    // The drafts list of the process shows it too.
    await chair.page
      .getByRole("region", { name: "Drafts" })
      .getByRole("link", { name: "Review conference: zero draft" })
      .waitFor(SEEN_WITHIN);
    await result.getByRole("link", { name: "Open the new draft" }).click();
    await chair.page.waitForURL(/\/drafts\/[^/]+$/, SEEN_WITHIN);
    const draftPath = new URL(chair.page.url()).pathname;
    await waitForEditor(chair.page);
    expect(await textOf(numbered(chair.page, "OP 1"))).toBe("Decides to convene a review conference in 2030;");

    // Kenya opens the same draft and suggests an addition by typing (delegates always suggest).
    const kenya = await openAs(browser, server, "Joseph Mwangi", draftPath, { account: KENYA });
    people.push(kenya);
    await waitForEditor(kenya.page);
    await clickAtEnd(numbered(kenya.page, "OP 2"));
    await kenya.page.keyboard.type(TYPED);
    // Once the facilitator sees it, the server holds it.
    const seen = chair.page.locator('.draft-text ins[data-party="party-kenya"] .pl-suggestion').first();
    await expect.poll(() => seen.textContent(), SEEN_WITHIN).toBe(TYPED);

    // The facilitator downloads the text with suggestions as tracked changes, from the export menu.
    await chair.page.getByText("Export", { exact: true }).click();
    const [download] = await Promise.all([
      chair.page.waitForEvent("download"),
      chair.page.getByRole("link", { name: "Word (.docx), suggestions as tracked changes" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = new Uint8Array(await readFile(await download.path()));
    const { changes } = inspectDocx(bytes);
    const insertion = changes.find((change) => change.type === "insertion" && change.text.includes(TYPED.trim()));
    expect(insertion?.author).toBe("Kenya (Joseph Mwangi)");
    expect(insertion?.text).toBe(TYPED);

    // The agreed text in Word (the menu's other link, closed again after the download) has no tracked change.
    const cleanHref = await chair.page.locator('a[data-export="docx-clean"]').getAttribute("href");
    const clean = await chair.page.request.get(cleanHref!);
    expect(clean.ok()).toBe(true);
    expect(inspectDocx(new Uint8Array(await clean.body())).changes).toEqual([]);
  });

  it("says clearly when the file is not a Word document", async () => {
    const chair = await openAs(browser, server, "Amina Diallo", `/processes/${PROCESS}`, { account: FACILITATOR });
    people.push(chair);
    const importForm = chair.page.getByRole("region", { name: "Import a Word document" });
    await importForm.waitFor(SEEN_WITHIN);
    await importForm.getByLabel("Word document (.docx)").setInputFiles({
      name: "notes.docx",
      mimeType: DOCX_TYPE,
      buffer: Buffer.from("These are plain notes, not a Word document."),
    });
    await importForm.getByRole("button", { name: "Import" }).click();
    const alert = importForm.getByRole("alert");
    await alert.waitFor(SEEN_WITHIN);
    expect(await alert.textContent()).toContain("The file could not be imported.");
    expect(await chair.page.getByTestId("docx-import-result").count()).toBe(0);
  });
});
