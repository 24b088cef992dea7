import type { Browser, WebSocket } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  blockTexts,
  CO_FACILITATOR,
  clickAtEnd,
  connection,
  DEMO_DRAFT,
  FACILITATOR,
  fetchDraftJSON,
  launchBrowser,
  numbered,
  openAs,
  type Person,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
  textOf,
  waitForConnection,
  waitForEditor,
} from "./harness.ts";

const ALICE_OFFLINE = " [Alice, offline: and its regional commissions]";
const BRUNO_ONLINE = " [Bruno, meanwhile: and to report annually]";

describe("working offline", () => {
  let browser: Browser;
  let server: TestServer;
  let alice: Person;
  let bruno: Person;
  const aliceSockets: WebSocket[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    server = await startTestServer();
    alice = await openAs(browser, server, "Alice Mwangi", "/", { account: FACILITATOR });
    alice.page.on("websocket", (socket) => aliceSockets.push(socket));
    await alice.page.goto(`/drafts/${DEMO_DRAFT}`);
    bruno = await openAs(browser, server, "Bruno Costa", `/drafts/${DEMO_DRAFT}`, { account: CO_FACILITATOR });
    await Promise.all([waitForEditor(alice.page), waitForEditor(bruno.page)]);
  });
  afterEach(async () => {
    await alice?.context.close();
    await bruno?.context.close();
    await server?.close();
  });

  it("keeps a person's edits while offline and merges them with others' on reconnection", async () => {
    const liveSocket = aliceSockets.find((socket) => !socket.isClosed());
    expect(liveSocket, "Alice's page holds an open WebSocket").toBeDefined();
    const socketClosed = liveSocket!.waitForEvent("close", SEEN_WITHIN);

    await alice.context.setOffline(true);
    await waitForConnection(alice.page, "offline");
    expect(await connection(alice.page).textContent()).toMatch(/^Offline/);
    // Chromium's offline mode leaves open sockets open; the app must close its own.
    await socketClosed;

    await clickAtEnd(numbered(alice.page, "OP 1"));
    await alice.page.keyboard.type(ALICE_OFFLINE);
    await clickAtEnd(numbered(bruno.page, "OP 5"));
    await bruno.page.keyboard.type(BRUNO_ONLINE);

    // Bruno's edit reaches the server; Alice's cannot, and Bruno's cannot reach her.
    await expect
      .poll(async () => JSON.stringify((await fetchDraftJSON(server)).blocks), SEEN_WITHIN)
      .toContain(BRUNO_ONLINE.trim());
    await waitForConnection(bruno.page, "connected");
    expect(JSON.stringify((await fetchDraftJSON(server)).blocks)).not.toContain(ALICE_OFFLINE.trim());
    expect((await blockTexts(alice.page)).join("\n")).not.toContain(BRUNO_ONLINE.trim());
    expect(await connection(alice.page).getAttribute("data-state")).toBe("offline");
    expect(aliceSockets.every((socket) => socket.isClosed())).toBe(true);

    await alice.context.setOffline(false);
    await waitForConnection(alice.page, "connected");

    for (const person of [alice, bruno]) {
      await expect
        .poll(async () => (await blockTexts(person.page)).join("\n"), SEEN_WITHIN)
        .toContain(ALICE_OFFLINE.trim());
      await expect
        .poll(async () => (await blockTexts(person.page)).join("\n"), SEEN_WITHIN)
        .toContain(BRUNO_ONLINE.trim());
    }
    const [aliceText, brunoText] = await Promise.all([blockTexts(alice.page), blockTexts(bruno.page)]);
    expect(aliceText).toEqual(brunoText);
    await expect
      .poll(async () => (await fetchDraftJSON(server)).blocks.map((block) => block.text), SEEN_WITHIN)
      .toEqual(aliceText);
    expect(await textOf(numbered(alice.page, "OP 1"))).toContain(ALICE_OFFLINE.trim());
  });
});
