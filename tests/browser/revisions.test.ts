import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EditorClient, positionIn } from "../../apps/server/test/editor-client.ts";
import type { RevisionSummary, SuggestionListResponse } from "../../packages/protocol/src/index.ts";
import {
  type Account,
  axeViolations,
  DEMO_DRAFT,
  FACILITATOR,
  fetchDraftJSON,
  launchBrowser,
  openAs,
  type Person,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
} from "./harness.ts";

const KENYA: Account = { email: "kenya@demo.plenary", password: "demo-delegate-ke" };
const REASON = "Broad support among delegations.";

/** The facilitator inserts a new OP before OP 1 (renumbering it OP 2); Kenya proposes " without delay" at its end and the facilitator accepts it. */
async function amendOp1(server: TestServer, op1: string): Promise<void> {
  const chair = await EditorClient.open(server.url, FACILITATOR, DEMO_DRAFT);
  const kenya = await EditorClient.open(server.url, KENYA, DEMO_DRAFT);
  try {
    chair.edit((state) => {
      const end = positionIn(state.doc, op1);
      const start = end - state.doc.resolve(end).parentOffset - 1;
      const paragraph = state.schema.nodes.paragraph!.create(
        { id: "op-new", kind: "op" },
        state.schema.text("Decides to convene a high-level meeting;"),
      );
      return state.tr.insert(start, paragraph);
    });
    await chair.collab.acknowledged();
    expect(kenya.suggest((state) => state.tr.insertText(" without delay", positionIn(state.doc, op1)))).toBe(true);
    await kenya.collab.acknowledged();
    const { body } = await chair.http.get<SuggestionListResponse>(`/api/drafts/${DEMO_DRAFT}/suggestions`);
    const proposal = body.suggestions.find((suggestion) => suggestion.status === "pending")!;
    const decided = await chair.http.post(`/api/drafts/${DEMO_DRAFT}/suggestions/${proposal.id}/decision`, {
      decision: "accept",
      reason: REASON,
    });
    expect(decided.status).toBe(200);
  } finally {
    chair.close();
    kenya.close();
  }
}

/** Publishes a revision through the list page's form, confirming in the dialog. */
async function publishThroughForm(page: Page, expectedName: string, note: string): Promise<void> {
  const form = page.getByRole("region", { name: "Publish a revision" });
  await form.getByText(`Leave empty to call it “${expectedName}”.`).waitFor(SEEN_WITHIN);
  await form.getByLabel(/^Note/).fill(note);
  await form.getByRole("button", { name: "Publish revision…" }).click();
  const dialog = page.getByRole("dialog", { name: `Publish “${expectedName}”?` });
  await dialog.waitFor(SEEN_WITHIN);
  await dialog.getByRole("button", { name: "Publish for good" }).click();
  await page.getByTestId("revision-published").getByText(`“${expectedName}” is published.`).waitFor(SEEN_WITHIN);
}

describe("revisions, comparison and paragraph history", () => {
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

  it("a facilitator publishes the Zero Draft and Rev.1; a visitor compares them and opens a paragraph's history", async () => {
    const op1 = (await fetchDraftJSON(server)).blocks.find((block) => block.label === "OP 1")!.id;

    // The facilitator goes from the draft to its revisions: none yet, and what a revision is.
    const chair = await openAs(browser, server, "Amina Diallo", `/drafts/${DEMO_DRAFT}`, { account: FACILITATOR });
    people.push(chair);
    await chair.page
      .getByRole("navigation", { name: "This draft's versions" })
      .getByRole("link", { name: "Revisions" })
      .click();
    await chair.page.getByRole("heading", { level: 1, name: "Revisions" }).waitFor(SEEN_WITHIN);
    expect(await chair.page.getByTestId("revisions-empty").textContent()).toContain("No revision has been published");

    await publishThroughForm(chair.page, "Zero Draft", "For comments by delegations.");
    const list = chair.page.getByTestId("revision-list");
    await expect
      .poll(() => list.getByRole("heading", { level: 3 }).allTextContents(), SEEN_WITHIN)
      .toEqual(["Zero Draft"]);
    expect(await list.textContent()).toContain("For comments by delegations.");
    expect(await list.textContent()).toContain("Published");
    expect(await list.textContent()).toContain("Amina Diallo");

    await amendOp1(server, op1);
    await publishThroughForm(chair.page, "Rev.1", "Incorporates the proposals accepted so far.");
    await expect
      .poll(() => list.getByRole("heading", { level: 3 }).allTextContents(), SEEN_WITHIN)
      .toEqual(["Rev.1", "Zero Draft"]);

    // A visitor without an account opens the comparison: by default the last two revisions.
    const visitor = await openAs(browser, server, "Visitor", `/drafts/${DEMO_DRAFT}/compare`);
    people.push(visitor);
    const { page } = visitor;
    await page.getByRole("heading", { level: 2, name: "From Zero Draft to Rev.1" }).waitFor(SEEN_WITHIN);
    const counts = await page.getByTestId("compare-counts").getByRole("listitem").allTextContents();
    expect(counts).toContain("Changed: 1");
    expect(counts).toContain("Added: 1");

    // The amended paragraph: its status in words, its number in both versions, its word change.
    const row = page.locator(`[id="p-${op1}"]`);
    const heading = row.getByRole("heading", { level: 3 });
    expect(await heading.textContent()).toBe("ChangedOP 2 — was OP 1");
    const inserted = row.locator(".compare-row__cell--new ins");
    expect(await inserted.count()).toBe(1);
    expect(await inserted.textContent()).toContain("without delay");
    expect(await inserted.locator(".visually-hidden").first().textContent()).toBe("inserted: ");
    expect(await row.locator(".compare-row__cell--old").textContent()).not.toContain("without delay");
    const added = page.locator('[id="p-op-new"]');
    expect(await added.getByRole("heading", { level: 3 }).textContent()).toBe("AddedOP 1");

    // Only the changed paragraphs, on request.
    const rows = page.getByTestId("compare-rows").locator(":scope > li");
    const all = await rows.count();
    await page.getByLabel("Changed paragraphs only").check();
    await expect.poll(() => rows.count(), SEEN_WITHIN).toBe(2);
    expect(await page.getByText(`Showing 2 of ${all} paragraphs.`).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Every row has a link of its own, to this comparison at this paragraph.
    const link = await row.getByRole("link", { name: /^Link to OP 2/ }).getAttribute("href");
    const revisions = (await (await fetch(`${server.url}/api/drafts/${DEMO_DRAFT}/revisions`)).json()) as {
      revisions: RevisionSummary[];
    };
    const [zero, rev1] = [...revisions.revisions].sort((a, b) => a.number - b.number);
    expect(link).toBe(`/drafts/${DEMO_DRAFT}/compare?from=${zero!.id}&to=${rev1!.id}#p-${op1}`);
    const shared = await openAs(browser, server, "Another visitor", link!);
    people.push(shared);
    const sharedRow = shared.page.locator(`[id="p-${op1}"]`);
    await expect.poll(() => sharedRow.getAttribute("data-targeted"), SEEN_WITHIN).toBe("true");
    await expect
      .poll(() => sharedRow.evaluate((element) => element === document.activeElement), SEEN_WITHIN)
      .toBe(true);

    // The paragraph's history: each revision's wording and the decision between them, with party and reason.
    await row.getByRole("link", { name: /^History of OP 2/ }).click();
    await page.getByRole("heading", { level: 1, name: "History of OP 2" }).waitFor(SEEN_WITHIN);
    const entries = page.getByTestId("history-timeline").locator(":scope > li");
    await expect.poll(() => entries.count(), SEEN_WITHIN).toBe(3);
    expect(await entries.nth(0).getByRole("heading", { level: 3 }).textContent()).toBe("Zero Draftas OP 1");
    const decision = page.getByTestId("history-decision");
    expect(await decision.getByRole("heading", { level: 3 }).textContent()).toBe("AcceptedProposal by Kenya");
    const facts = await decision.locator("dl").textContent();
    expect(facts).toContain("Kenya (Member State · African States)");
    expect(facts).toContain("Joseph Mwangi");
    expect(facts).toContain("Amina Diallo");
    expect(facts).toContain(REASON);
    expect(await decision.locator("ins").last().textContent()).toContain("without delay");
    expect(await entries.nth(2).getByRole("heading", { level: 3 }).textContent()).toBe("Rev.1as OP 2");
    expect(await axeViolations(page)).toEqual([]);

    // A comparison with a version that does not exist says so, within the page.
    await page.goto(`/drafts/${DEMO_DRAFT}/compare?from=no-such-revision&to=live`);
    await page.getByRole("alert").getByText("This draft has no revision at this address.").waitFor(SEEN_WITHIN);
    expect(await page.getByRole("heading", { level: 1 }).allTextContents()).toEqual(["Compare versions"]);
  });

  it("reads right to left in Arabic and shows old above new on a narrow screen", async () => {
    const op1 = (await fetchDraftJSON(server)).blocks.find((block) => block.label === "OP 1")!.id;
    const chair = await EditorClient.open(server.url, FACILITATOR, DEMO_DRAFT);
    try {
      expect((await chair.http.post(`/api/drafts/${DEMO_DRAFT}/revisions`, {})).status).toBe(201);
    } finally {
      chair.close();
    }
    await amendOp1(server, op1);

    // One revision: it is compared with the live text.
    const reader = await openAs(browser, server, "قارئ", `/drafts/${DEMO_DRAFT}/compare`, { language: "ar" });
    people.push(reader);
    const { page } = reader;
    await page.getByRole("heading", { level: 2, name: "من Zero Draft إلى النص الحالي" }).waitFor(SEEN_WITHIN);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const row = page.locator(`[id="p-${op1}"]`);
    expect(await row.getByRole("heading", { level: 3 }).textContent()).toBe("معدَّلةOP 2 — سابقًا OP 1");
    expect(await axeViolations(page)).toEqual([]);

    // Side by side when wide: in Arabic the older wording is on the right (inline start), the newer on the left.
    const old = row.locator(".compare-row__cell--old");
    const neu = row.locator(".compare-row__cell--new");
    const [wideOld, wideNew] = [(await old.boundingBox())!, (await neu.boundingBox())!];
    expect(wideNew.x).toBeLessThan(wideOld.x);
    expect(Math.abs(wideNew.y - wideOld.y)).toBeLessThan(1);

    await page.setViewportSize({ width: 390, height: 800 });
    await expect
      .poll(async () => {
        const [o, n] = [(await old.boundingBox())!, (await neu.boundingBox())!];
        return n.y >= o.y + o.height;
      }, SEEN_WITHIN)
      .toBe(true);
    expect(await row.locator(".compare-row__version").first().isVisible()).toBe(true);
  });
});
