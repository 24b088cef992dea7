import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EditorClient, positionIn } from "../../apps/server/test/editor-client.ts";
import type { RevisionSummary } from "../../packages/protocol/src/index.ts";
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
const OPEN_NET: Account = { email: "opennet@demo.plenary", password: "demo-observer" };

/** The cells of each row of a table body, as a person reads them (white space collapsed). */
function cellsOf(table: Locator): Promise<string[][]> {
  return table.evaluate((element) =>
    Array.from(element.querySelectorAll("tbody tr")).map((row) =>
      Array.from(row.children).map(
        // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, as a person reads it
        (cell) => (cell as HTMLElement).innerText.replace(/\s+/g, " ").trim(),
      ),
    ),
  );
}

/** Each row of the report table as [paragraph, party id, disposition]. */
function proposalsOf(table: Locator): Promise<string[][]> {
  return table.evaluate((element) =>
    Array.from(element.querySelectorAll("tbody tr")).map((row) => [
      row.querySelector("th")?.textContent ?? "",
      row.getAttribute("data-party") ?? "",
      row.getAttribute("data-disposition") ?? "",
    ]),
  );
}

describe("the input report and participation metrics, read without an account", () => {
  let browser: Browser;
  let server: TestServer;
  let zeroDraft: RevisionSummary;
  let rev1: RevisionSummary;
  const clients: EditorClient[] = [];
  const people: Person[] = [];

  /**
   * Zero Draft; then Kenya proposes in OP 1 (accepted), the observer in OP 2
   * (rejected, with a reason) and in OP 3 (supported by Kenya, still pending);
   * Rev.1 is published; then Kenya proposes in OP 5 (after Rev.1, live only).
   */
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
    const url = server.url;
    const open = async (account: Account) => {
      const client = await EditorClient.open(url, account, DEMO_DRAFT);
      clients.push(client);
      return client;
    };
    const chair = await open(FACILITATOR);
    const kenya = await open(KENYA);
    const observer = await open(OPEN_NET);
    const op = (await fetchDraftJSON(server)).blocks.filter((block) => block.kind === "op").map((block) => block.id);
    const suggest = async (client: EditorClient, blockId: string, text: string): Promise<string> => {
      client.suggest((state) => state.tr.insertText(text, positionIn(state.doc, blockId)));
      await client.collab.acknowledged();
      const { body } = await client.http.get<{ suggestions: { id: string; inserted: string }[] }>(
        `/api/drafts/${DEMO_DRAFT}/suggestions`,
      );
      const found = body.suggestions.find((suggestion) => suggestion.inserted === text);
      if (!found) throw new Error(`The suggestion "${text}" was not recorded`);
      return found.id;
    };
    const path = (id: string) => `/api/drafts/${DEMO_DRAFT}/suggestions/${id}`;
    const ok = <T>(answer: { status: number; body: T }) => {
      if (answer.status >= 300) throw new Error(`Refused: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer;
    };

    zeroDraft = ok(await chair.http.post<RevisionSummary>(`/api/drafts/${DEMO_DRAFT}/revisions`, {})).body;
    const financing = await suggest(kenya, op[0]!, " with adequate financing");
    const rights = await suggest(observer, op[1]!, " and human rights");
    const civil = await suggest(observer, op[2]!, ", including civil society,");
    ok(await kenya.http.request("POST", `${path(civil)}/support`));
    ok(await chair.http.post(`${path(financing)}/decision`, { decision: "accept" }));
    ok(
      await chair.http.post(`${path(rights)}/decision`, {
        decision: "reject",
        reason: "Outside this paragraph's scope.",
      }),
    );
    rev1 = ok(await chair.http.post<RevisionSummary>(`/api/drafts/${DEMO_DRAFT}/revisions`, {})).body;
    await suggest(kenya, op[4]!, " by 2030");
  });
  afterAll(async () => {
    for (const person of people) await person.context.close();
    for (const client of clients) client.close();
    await browser?.close();
    await server?.close();
  });

  it("shows a revision's proposals, filters them to civil society, and charts participation", async () => {
    const visitor = await openAs(browser, server, "Visitor", `/drafts/${DEMO_DRAFT}/report`);
    people.push(visitor);
    const { page } = visitor;
    const rows = page.getByTestId("report-rows");

    // The live report: only what was proposed since Rev.1.
    await page.getByRole("heading", { level: 1, name: "Input report: since the last revision" }).waitFor(SEEN_WITHIN);
    await expect.poll(() => proposalsOf(rows), SEEN_WITHIN).toEqual([["OP 5", "party-kenya", "pending"]]);
    expect((await cellsOf(rows))[0]![4]).toContain("inserted: by 2030");

    // Rev.1's report: the three proposals made for it, as they stood when it was published.
    await page.getByLabel("Revision", { exact: true }).selectOption(rev1.id);
    await page.getByRole("heading", { level: 1, name: "Input report: Rev.1" }).waitFor(SEEN_WITHIN);
    await expect
      .poll(() => proposalsOf(rows), SEEN_WITHIN)
      .toEqual([
        ["OP 1", "party-kenya", "accepted"],
        ["OP 2", "party-open-net", "rejected"],
        ["OP 3", "party-open-net", "pending"],
      ]);
    expect(new URL(page.url()).searchParams.get("revision")).toBe(rev1.id);
    expect(await page.getByTestId("report-shown").textContent()).toBe("Proposals shown: all 3.");

    // Civil society's proposals only: exactly the observer's two, with what became of them and why.
    await page.getByLabel("Stakeholder group", { exact: true }).selectOption({ label: "Civil society" });
    await expect
      .poll(() => proposalsOf(rows), SEEN_WITHIN)
      .toEqual([
        ["OP 2", "party-open-net", "rejected"],
        ["OP 3", "party-open-net", "pending"],
      ]);
    expect(await page.getByTestId("report-shown").textContent()).toBe("Proposals shown: 2 of 3.");
    expect(new URL(page.url()).searchParams.get("group")).toBe("civil-society");
    const [rejected, pending] = await cellsOf(rows);
    expect(rejected![2]).toContain("Open Networks Alliance");
    expect(rejected![3]).toContain("Civil society");
    expect(rejected![3]).toContain("Global South");
    expect(rejected![4]).toContain("inserted: and human rights");
    expect(rejected![5]).toBe("No other party");
    expect(rejected![6]).toContain("Rejected");
    expect(rejected![6]).toContain("Reason: Outside this paragraph's scope.");
    expect(rejected![7]).toContain("Amina Diallo");
    expect(pending![4]).toContain("inserted: , including civil society,");
    expect(pending![5]).toContain("Kenya");
    expect(pending![6]).toContain("Pending");
    expect(pending![7]).toBe("Not decided");

    // Sorting by disposition twice (by keyboard, then mouse) puts the pending proposal first; aria-sort says how.
    const dispositionHeader = page.getByRole("columnheader", { name: "Disposition", exact: true });
    await dispositionHeader.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => dispositionHeader.getAttribute("aria-sort"), SEEN_WITHIN).toBe("ascending");
    await dispositionHeader.getByRole("button").click();
    await expect.poll(() => dispositionHeader.getAttribute("aria-sort"), SEEN_WITHIN).toBe("descending");
    await expect
      .poll(async () => (await proposalsOf(rows)).map(([paragraph]) => paragraph), SEEN_WITHIN)
      .toEqual(["OP 3", "OP 2"]);

    // The participation chart is drawn, and its table gives the same figures.
    const chart = page.getByTestId("chart-stakeholderGroup");
    await expect.poll(() => chart.locator("svg.recharts-surface").count(), SEEN_WITHIN).toBe(1);
    await expect.poll(() => chart.locator(".recharts-bar-rectangle").count(), SEEN_WITHIN).toBeGreaterThan(0);
    const figures = await cellsOf(page.getByTestId("table-stakeholderGroup"));
    expect(figures.find((cells) => cells[0] === "Civil society")).toEqual([
      "Civil society",
      "1",
      "2",
      "1",
      "0",
      "1",
      "0%",
    ]);
    expect(figures.find((cells) => cells[0] === "Governments")).toEqual([
      "Governments",
      "1",
      "1",
      "0",
      "1",
      "0",
      "100%",
    ]);
    expect(await page.getByRole("heading", { name: "How the figures are computed" }).isVisible()).toBe(true);

    // The downloads are the server's own.
    expect(await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href")).toBe(
      `/api/drafts/${DEMO_DRAFT}/report?revision=${rev1.id}&format=csv`,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("says plainly when a revision had no proposals", async () => {
    const visitor = await openAs(browser, server, "Visitor", `/drafts/${DEMO_DRAFT}/report?revision=${zeroDraft.id}`);
    people.push(visitor);
    await visitor.page.getByTestId("report-empty").waitFor(SEEN_WITHIN);
    expect(await visitor.page.getByTestId("report-empty").textContent()).toBe("No proposals in this period.");
    expect(await visitor.page.getByTestId("report-rows").count()).toBe(0);
  });

  it("measures the whole process, in Arabic, right to left", async () => {
    const visitor = await openAs(browser, server, "Visitor", "/processes/demo-review/metrics", { language: "ar" });
    people.push(visitor);
    const { page } = visitor;
    const table = page.getByTestId("table-hemisphere");
    await table.waitFor(SEEN_WITHIN);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    // Kenya and the observer (seated in Kenya) are of the Global South: all four proposals are theirs.
    const [south] = await cellsOf(table);
    const four = await page.evaluate(() => new Intl.NumberFormat("ar").format(4));
    expect(south!.slice(0, 3)).toEqual(["الجنوب العالمي", expect.any(String), four]);
    const chart = page.getByTestId("chart-hemisphere");
    await expect.poll(() => chart.locator("svg.recharts-surface").count(), SEEN_WITHIN).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
