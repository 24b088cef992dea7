import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  clickAtEnd,
  DEMO_DRAFT,
  FACILITATOR,
  fetchDraftJSON,
  launchBrowser,
  numbered,
  openAs,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
  textOf,
  waitForEditor,
} from "./harness.ts";

// Hocuspocus messages start with the document name (a length-prefixed string, one
// length byte for short names), then the message type (0 = sync) and the sync type (2 = update).
function isUpdateMessage(message: Buffer): boolean {
  const nameLength = message[0]!;
  return nameLength < 128 && message[1 + nameLength] === 0 && message[2 + nameLength] === 2;
}

// The same update message with a payload no Yjs decoder accepts (five update groups announced, none sent).
function malformed(message: Buffer): Buffer {
  const header = message.subarray(0, 3 + message[0]!);
  return Buffer.concat([header, Buffer.from([1, 5])]);
}

describe("refusals by the server", () => {
  let browser: Browser;
  let server: TestServer;
  const contexts: BrowserContext[] = [];

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
    for (const context of contexts.splice(0)) await context.close();
    await server?.close();
  });

  it("drops a refused change, reloads the text from the server and says why", async () => {
    let corruptNextUpdate = false;
    const alice = await openAs(browser, server, "Alice Mwangi", `/drafts/${DEMO_DRAFT}`, {
      account: FACILITATOR,
      // Stands between the page and the real server, to spoil one update on its way.
      prepare: (context) =>
        context.routeWebSocket(/\/collab$/, (page) => {
          const upstream = page.connectToServer();
          page.onMessage((message) => {
            if (corruptNextUpdate && typeof message !== "string" && isUpdateMessage(message)) {
              corruptNextUpdate = false;
              upstream.send(malformed(message));
              return;
            }
            upstream.send(message);
          });
        }),
    });
    contexts.push(alice.context);
    await waitForEditor(alice.page);
    const original = await textOf(numbered(alice.page, "OP 1"));

    corruptNextUpdate = true;
    await clickAtEnd(numbered(alice.page, "OP 1"));
    await alice.page.keyboard.type("Z");

    const notice = alice.page.getByRole("alert");
    await expect
      .poll(() => notice.textContent(), SEEN_WITHIN)
      .toBe("The server could not read your last change. The text has been reloaded from the server without it.");
    await waitForEditor(alice.page);
    await expect.poll(() => textOf(numbered(alice.page, "OP 1")), SEEN_WITHIN).toBe(original);
    expect((await fetchDraftJSON(server)).blocks.find((block) => block.label === "OP 1")?.text).toBe(original);

    await clickAtEnd(numbered(alice.page, "OP 1"));
    await alice.page.keyboard.type(" Agreed.");
    await expect
      .poll(
        async () => (await fetchDraftJSON(server)).blocks.find((block) => block.label === "OP 1")?.text,
        SEEN_WITHIN,
      )
      .toBe(`${original} Agreed.`);
  });

  it("says a draft does not exist when the collaboration server refuses it", async () => {
    const ghost = await openAs(browser, server, "Chen Wei", "/", {
      // The API still lists the draft, but the server holds no text for it.
      prepare: (context) =>
        context.route("**/api/drafts/ghost-draft", (route) =>
          route.fulfill({
            json: {
              id: "ghost-draft",
              processId: "none",
              title: "A draft the server has lost",
              updatedAt: new Date().toISOString(),
              doc: { type: "doc", content: [] },
              blocks: [],
            },
          }),
        ),
    });
    contexts.push(ghost.context);
    await ghost.page.goto("/drafts/ghost-draft");
    await ghost.page.getByRole("heading", { level: 1, name: "Draft not found" }).waitFor(SEEN_WITHIN);
  });
});
