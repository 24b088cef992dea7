import { HocuspocusProvider } from "@hocuspocus/provider";
import type { SessionResponse } from "@plenary/protocol";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { demoDraft } from "../src/demo/demo-draft.ts";
import { DEMO_ACCOUNTS, DEMO_PROCESS } from "../src/demo/seed.ts";
import type { SqliteStorage } from "../src/storage/sqlite.ts";
import { appendText, collabUrl, connectClient, type TestClient, testServer, waitFor } from "./harness.ts";
import { type HttpClient, signedIn } from "./http-client.ts";
import { RawCollab } from "./raw-collab.ts";

const DRAFT = demoDraft.id;
const PROCESS = DEMO_PROCESS.id;
const PARAGRAPH = demoDraft.doc.content.find((n) => n.attrs?.kind === "op")!.attrs!.id as string;
const [FACILITATOR, KENYA] = DEMO_ACCOUNTS;
const DAY = 24 * 3600_000;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A server whose clock the test moves. `sweepMs` is how often it checks live connections against
 * the store: a minute makes sure that what a test sees closing was closed by the event itself.
 */
async function server(sweepMs: number) {
  let now = Date.UTC(2026, 10, 23, 9, 0, 0);
  const t = await testServer({ now: () => new Date(now), sessionSweepMs: sweepMs });
  cleanups.push(t.stop);
  // A reader who stays connected throughout: the draft stays loaded, and what reaches it is what everyone sees.
  const bystander = await RawCollab.open(t.server.url, DRAFT, "");
  cleanups.push(() => bystander.close());
  return { ...t, url: t.server.url, bystander, advance: (ms: number) => (now += ms) };
}

async function raw(url: string, client: HttpClient): Promise<RawCollab> {
  const connection = await RawCollab.open(url, DRAFT, client.session?.collabToken ?? "");
  cleanups.push(() => connection.close());
  return connection;
}

/** The full Yjs state of the draft as the server holds it in memory. */
function serverState(t: Awaited<ReturnType<typeof server>>): Uint8Array {
  return Y.encodeStateAsUpdate(t.server.hocuspocus.documents.get(DRAFT)!);
}

let counter = 0;
/** What a delegate or observer may write: an insertion attributed to itself. */
function suggestion(session: SessionResponse, text: string) {
  const mark = { insertion: { id: `s-${++counter}`, author: session.user!.id, party: session.party!.id } };
  return (ydoc: Y.Doc) => appendText(ydoc, PARAGRAPH, text, mark);
}

/** The draft's text as a fresh public reader gets it. */
async function publicText(url: string): Promise<string> {
  const reader = await RawCollab.open(url, DRAFT, "");
  reader.close();
  return reader.ydoc.getXmlFragment("default").toString();
}

/**
 * Proves that everything the connection sent before has been handled: the server answers an
 * authentication only after the messages queued before it on the same socket.
 */
async function barrier(connection: RawCollab, token: string): Promise<"granted" | "denied"> {
  return connection.authenticate(token);
}

describe("live connections follow their session", () => {
  it("signing out closes that session's open connections at once; what they send afterwards is not applied", async () => {
    const t = await server(60_000);
    const kenya = await signedIn(t.url, KENYA);
    const kenyaElsewhere = await signedIn(t.url, KENYA);
    const kenyaSession = kenya.session!;
    const kenyaElsewhereSession = kenyaElsewhere.session!;
    const oldToken = kenyaSession.collabToken!;
    const connection = await raw(t.url, kenya);
    const otherDevice = await raw(t.url, kenyaElsewhere);

    connection.change(suggestion(kenyaSession, " [before sign-out]"));
    await waitFor(() => connection.acknowledgements.includes(true), "the edit is acknowledged");
    expect(await publicText(t.url)).toContain("[before sign-out]");

    expect((await kenya.post("/api/auth/sign-out", {})).status).toBe(200);
    await waitFor(() => connection.closes.length > 0, "the server closes the connection");
    expect(connection.closes).toEqual(["session_expired"]);
    expect(otherDevice.closes).toEqual([]);

    const before = serverState(t);
    connection.change(suggestion(kenyaSession, " [after sign-out]"));
    connection.change((ydoc) => ydoc.getMap("hidden").set("x", 1));
    expect(await barrier(connection, oldToken)).toBe("denied");
    expect(connection.denials).toEqual(["session_expired"]);
    expect(serverState(t)).toEqual(before);
    expect(await publicText(t.url)).not.toContain("[after sign-out]");

    // The other device's session is still the person's: its edits are taken.
    otherDevice.change(suggestion(kenyaElsewhereSession, " [from the other device]"));
    await waitFor(() => otherDevice.acknowledgements.includes(true), "the other device's edit is acknowledged");
    expect(await publicText(t.url)).toContain("[from the other device]");
  });

  it("a real provider is told why, and cannot come back with the old token", async () => {
    const t = await server(60_000);
    const kenya = await signedIn(t.url, KENYA);
    const oldToken = kenya.session!.collabToken!;
    const provider: TestClient = connectClient(t.url, DRAFT, oldToken);
    cleanups.push(() => provider.destroy());
    const reasons: string[] = [];
    const failures: string[] = [];
    provider.provider.on("close", ({ event }: { event: { reason: string } }) => reasons.push(event.reason));
    await provider.synced;

    await kenya.post("/api/auth/sign-out", {});
    await waitFor(() => reasons.includes("session_expired"), "the provider hears the session ended");

    const again = new HocuspocusProvider({
      url: collabUrl(t.url),
      name: DRAFT,
      token: oldToken,
      onAuthenticationFailed: ({ reason }) => failures.push(reason),
    });
    cleanups.push(() => again.destroy());
    await waitFor(() => failures.length > 0, "the reconnection is refused");
    expect(failures).toEqual(["session_expired"]);
    expect(again.isAuthenticated).toBe(false);
  });

  it("a session that expires while its connection is open: the connection is closed, and nothing more is applied", async () => {
    const t = await server(50);
    const kenya = await signedIn(t.url, KENYA);
    const kenyaSession = kenya.session!;
    const connection = await raw(t.url, kenya);
    const before = serverState(t);
    t.advance(8 * DAY);
    await waitFor(() => connection.closes.length > 0, "the server closes the expired connection");
    expect(connection.closes).toEqual(["session_expired"]);
    connection.change(suggestion(kenyaSession, " [after expiry]"));
    expect(await barrier(connection, kenya.session!.collabToken!)).toBe("denied");
    expect(serverState(t)).toEqual(before);
  });

  it("a message that arrives after the session expired is refused even before the next check", async () => {
    const t = await server(60_000);
    const kenya = await signedIn(t.url, KENYA);
    const kenyaSession = kenya.session!;
    const connection = await raw(t.url, kenya);
    const before = serverState(t);
    t.advance(8 * DAY);
    connection.change(suggestion(kenyaSession, " [after expiry]"));
    await waitFor(() => connection.closes.length > 0, "the server refuses the message");
    expect(connection.closes).toEqual(["session_expired"]);
    expect(serverState(t)).toEqual(before);
  });

  it("removing a participant closes their connections; they come back as the public, read only", async () => {
    const t = await server(60_000);
    const facilitator = await signedIn(t.url, FACILITATOR);
    const kenya = await signedIn(t.url, KENYA);
    const kenyaSession = kenya.session!;
    const connection = await raw(t.url, kenya);
    expect(connection.grants).toEqual(["read-write"]);

    const removed = await facilitator.request(
      "DELETE",
      `/api/processes/${PROCESS}/participants/${kenya.session!.user!.id}`,
      {},
    );
    expect(removed.status).toBe(200);
    await waitFor(() => connection.closes.length > 0, "the server closes the connection");
    expect(connection.closes).toEqual(["role_changed"]);

    const before = serverState(t);
    expect(await connection.authenticate(kenya.session!.collabToken!)).toBe("granted");
    expect(connection.grants).toEqual(["read-write", "readonly"]);
    connection.change(suggestion(kenyaSession, " [after removal]"));
    await waitFor(() => connection.closes.length > 1, "the read-only connection's update is refused");
    expect(connection.closes[1]).toBe("read_only");
    expect(serverState(t)).toEqual(before);
  });

  it("a facilitator made a delegate loses the pen at once: after reconnecting, a direct edit is refused", async () => {
    const t = await server(60_000);
    const chair = await signedIn(t.url, FACILITATOR);
    const second = await t.server.accounts.createAccount({
      displayName: "Second Chair",
      email: "second@chair.example",
      password: "a-long-passphrase",
      partyId: "party-secretariat",
      processId: PROCESS,
      role: "facilitator",
    });
    const secondChair = await signedIn(t.url, { email: "second@chair.example", password: "a-long-passphrase" });
    const connection = await raw(t.url, secondChair);
    connection.change((ydoc) => appendText(ydoc, PARAGRAPH, " [direct edit as facilitator]"));
    await waitFor(() => connection.acknowledgements.includes(true), "the direct edit is acknowledged");

    const changed = await chair.post(`/api/processes/${PROCESS}/participants/${second.id}/role`, { role: "delegate" });
    expect(changed.status).toBe(200);
    await waitFor(() => connection.closes.length > 0, "the server closes the connection");
    expect(connection.closes).toEqual(["role_changed"]);

    expect(await connection.authenticate(secondChair.session!.collabToken!)).toBe("granted");
    await connection.sync();
    const before = serverState(t);
    connection.change((ydoc) => appendText(ydoc, PARAGRAPH, " [direct edit as delegate]"));
    await waitFor(() => connection.closes.length > 1, "the direct edit is refused");
    expect(connection.closes[1]).toBe("suggestion_refused");
    expect(serverState(t)).toEqual(before);
  });

  it("a disabled account's connections close, and every check of the store finds what the events missed", async () => {
    const t = await server(50);
    const kenya = await signedIn(t.url, KENYA);
    const connection = await raw(t.url, kenya);
    // Straight in the database, as an operator might: no event tells the server.
    (t.server.storage as SqliteStorage).database
      .prepare("DELETE FROM sessions WHERE user_id = ?")
      .run(kenya.session!.user!.id);
    await waitFor(() => connection.closes.length > 0, "the periodic check closes the connection");
    expect(connection.closes).toEqual(["session_expired"]);

    const brazil = await signedIn(t.url, DEMO_ACCOUNTS[2]);
    const brazilConnection = await raw(t.url, brazil);
    t.server.accounts.disableAccount(brazil.session!.user!.id);
    await waitFor(() => brazilConnection.closes.length > 0, "the server closes the disabled account's connection");
    expect(brazilConnection.closes).toEqual(["session_expired"]);
    expect((await brazil.get("/api/session")).status).toBe(401);
  });
});
