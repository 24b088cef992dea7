import type { DraftResponse } from "@plenary/protocol";
import { CloseCode, MAX_MESSAGE_BYTES } from "@plenary/protocol";
import { yDocToJSON } from "@plenary/schema";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { demoDraft } from "../src/demo/demo-draft.ts";
import { DEMO_ACCOUNTS } from "../src/demo/seed.ts";
import {
  appendText,
  blockText,
  connectClient,
  getJSON,
  insertParagraph,
  spawnServer,
  type TestClient,
  tempDataDir,
  testServer,
  waitFor,
} from "./harness.ts";
import { signedIn } from "./http-client.ts";

const DRAFT = demoDraft.id;
const firstOp = demoDraft.doc.content.find((n) => n.attrs?.kind === "op")!.attrs!.id as string;
const firstPp = demoDraft.doc.content.find((n) => n.attrs?.kind === "pp")!.attrs!.id as string;

const FACILITATOR = DEMO_ACCOUNTS[0];
const clients: TestClient[] = [];
const cleanups: (() => Promise<void>)[] = [];

/** A provider connected as the demo facilitator (who may edit the text directly). */
async function client(url: string, draftId = DRAFT): Promise<TestClient> {
  const { session } = await signedIn(url, FACILITATOR);
  const c = connectClient(url, draftId, session?.collabToken ?? "");
  clients.push(c);
  return c;
}
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started() {
  const t = await testServer();
  cleanups.push(t.stop);
  return t;
}

/** A raw Hocuspocus sync message carrying `payload` as a Yjs update (sync message type 2). */
/** Sends a Yjs update as an update message on the provider's own WebSocket. */
function sendUpdate(c: TestClient, update: Uint8Array): void {
  (c.provider.configuration.websocketProvider.webSocket as WebSocket).send(rawUpdateMessage(DRAFT, update));
}

function rawUpdateMessage(documentName: string, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, 0); // Hocuspocus message type: Sync
  encoding.writeVarUint(encoder, 2); // y-protocols sync message type: update
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * Sends bytes on the provider's own WebSocket, as a misbehaving client would, and
 * resolves with the reason the server gave for closing. (Hocuspocus closes one
 * document of a multiplexed socket with a reason only; a refused message closes
 * the whole socket with a code and that reason.)
 */
function sendRaw(c: TestClient, bytes: Uint8Array): Promise<string> {
  const socket = c.provider.configuration.websocketProvider.webSocket as WebSocket;
  return new Promise((done) => {
    c.provider.on("close", ({ event }: { event: { reason: string } }) => done(event.reason));
    socket.send(bytes);
  });
}

describe("live co-editing over /collab", () => {
  it("two clients editing concurrently converge on the same text", async () => {
    const { server } = await started();
    const a = await client(server.url);
    const b = await client(server.url);
    await Promise.all([a.synced, b.synced]);

    appendText(a.ydoc, firstOp, " (from A)");
    appendText(b.ydoc, firstPp, " (from B)");
    insertParagraph(b.ydoc, 5, { id: "new-op-b", kind: "op" }, "Invites all States;");

    await waitFor(
      () => JSON.stringify(yDocToJSON(a.ydoc)) === JSON.stringify(yDocToJSON(b.ydoc)),
      "both clients hold the same text",
    );
    const text = yDocToJSON(a.ydoc);
    expect(blockText({ doc: text }, firstOp)).toMatch(/\(from A\)$/);
    expect(blockText({ doc: text }, firstPp)).toMatch(/\(from B\)$/);
    expect(blockText({ doc: text }, "new-op-b")).toBe("Invites all States;");
  });

  it("renumbers paragraphs for every reader when an OP is inserted", async () => {
    const { server } = await started();
    const before = await getJSON<DraftResponse>(`${server.url}/api/drafts/${DRAFT}`);
    const firstOpIndex = before.body.blocks.findIndex((b) => b.label === "OP 1");
    const a = await client(server.url);
    await a.synced;
    insertParagraph(a.ydoc, firstOpIndex, { id: "op-new-first", kind: "op" }, "Decides anew;");
    await a.acknowledged();

    const after = await getJSON<DraftResponse>(`${server.url}/api/drafts/${DRAFT}`);
    const label = (id: string, draft: DraftResponse) => draft.blocks.find((b) => b.id === id)?.label;
    expect(label("op-new-first", after.body)).toBe("OP 1");
    expect(label(firstOp, after.body)).toBe("OP 2");
    expect(after.body.blocks.filter((b) => b.kind === "op")).toHaveLength(
      before.body.blocks.filter((b) => b.kind === "op").length + 1,
    );
  });

  it("keeps the text across a clean restart", async () => {
    const data = await tempDataDir();
    cleanups.push(data.remove);
    const first = await testServer({ dataDir: data.dir });
    const a = await client(first.server.url);
    await a.synced;
    appendText(a.ydoc, firstOp, " before restart");
    await a.acknowledged();
    a.destroy();
    await first.server.close();

    const second = await testServer({ dataDir: data.dir });
    cleanups.push(() => second.server.close());
    const { body } = await getJSON<DraftResponse>(`${second.server.url}/api/drafts/${DRAFT}`);
    expect(blockText(body, firstOp)).toMatch(/ before restart$/);
  });

  it("keeps every acknowledged update when the server is killed with SIGKILL", async () => {
    const data = await tempDataDir();
    cleanups.push(data.remove);
    const proc = await spawnServer(data.dir);
    const a = await client(proc.url);
    await a.synced;
    for (let i = 0; i < 20; i++) appendText(a.ydoc, firstOp, ` k${i}`);
    insertParagraph(a.ydoc, 3, { id: "op-before-crash", kind: "op" }, "Survives the crash;");
    await a.acknowledged();
    // No clean shutdown: the debounced compaction never ran, only the update log holds these edits.
    await proc.kill("SIGKILL");
    a.destroy();

    const again = await spawnServer(data.dir);
    cleanups.push(() => again.kill("SIGTERM"));
    const { body } = await getJSON<DraftResponse>(`${again.url}/api/drafts/${DRAFT}`);
    expect(blockText(body, firstOp)).toMatch(/ k0 k1 .* k19$/);
    expect(blockText(body, "op-before-crash")).toBe("Survives the crash;");
  });

  it("lets a reader send back what the draft already holds, and refuses anything new", async () => {
    const { server } = await started();
    const reader = connectClient(server.url, DRAFT);
    clients.push(reader);
    await reader.synced;
    let reason: string | undefined;
    reader.provider.on("close", ({ event }: { event: { reason: string } }) => {
      reason = event.reason;
    });
    // The reader's whole copy, as a client restoring a local copy would send it.
    sendUpdate(reader, Y.encodeStateAsUpdate(reader.ydoc));
    const facilitator = await client(server.url);
    await facilitator.synced;
    appendText(facilitator.ydoc, firstOp, " (marker)");
    await waitFor(
      () => blockText({ doc: yDocToJSON(reader.ydoc) }, firstOp)?.endsWith(" (marker)") ?? false,
      "the reader follows",
    );
    expect(reason).toBeUndefined();
    appendText(reader.ydoc, firstOp, " (reader's own)");
    await waitFor(() => reason !== undefined, "the reader's new update is refused");
    expect(reason).toBe(CloseCode.ReadOnly.reason);
    const after = await getJSON<DraftResponse>(`${server.url}/api/drafts/${DRAFT}`);
    expect(blockText(after.body, firstOp)).not.toContain("(reader's own)");
  });

  it("refuses a connection to an unknown draft with a clear reason", async () => {
    const { server } = await started();
    const c = await client(server.url, "no-such-draft");
    const reason = await new Promise<string>((done) => {
      c.provider.on("authenticationFailed", ({ reason }: { reason: string }) => done(reason));
    });
    expect(reason).toBe(CloseCode.DraftNotFound.reason);
    expect(server.storage.getDraft("no-such-draft")).toBeUndefined();
  });

  it("closes the connection of a client sending a malformed update, and changes nothing", async () => {
    const { server } = await started();
    const bad = await client(server.url);
    const good = await client(server.url);
    await Promise.all([bad.synced, good.synced]);
    const before = await getJSON<DraftResponse>(`${server.url}/api/drafts/${DRAFT}`);

    const reason = await sendRaw(bad, rawUpdateMessage(DRAFT, new Uint8Array([1, 2, 3])));
    expect(reason).toBe(CloseCode.MalformedUpdate.reason);

    const after = await getJSON<DraftResponse>(`${server.url}/api/drafts/${DRAFT}`);
    expect(after.body.doc).toEqual(before.body.doc);
    // The server goes on serving the others.
    appendText(good.ydoc, firstOp, " still live");
    await good.acknowledged();
    const later = await getJSON<DraftResponse>(`${server.url}/api/drafts/${DRAFT}`);
    expect(blockText(later.body, firstOp)).toMatch(/ still live$/);
  });

  it("closes the connection of a client sending an oversized message, and changes nothing", async () => {
    const { server } = await started();
    const big = await client(server.url);
    await big.synced;
    const before = await getJSON<DraftResponse>(`${server.url}/api/drafts/${DRAFT}`);

    const reason = await sendRaw(big, rawUpdateMessage(DRAFT, new Uint8Array(MAX_MESSAGE_BYTES + 10)));
    expect(reason).toBe(CloseCode.MessageTooLarge.reason);

    const after = await getJSON<DraftResponse>(`${server.url}/api/drafts/${DRAFT}`);
    expect(after.body.doc).toEqual(before.body.doc);
    expect((await getJSON(`${server.url}/healthz`)).status).toBe(200);
  });
});
