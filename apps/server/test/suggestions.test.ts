import type { ApiErrorBody, DraftResponse, SuggestionListResponse, SuggestionView } from "@plenary/protocol";
import { CloseCode, MAX_MESSAGE_BYTES } from "@plenary/protocol";
import { proposeBlockDeletion } from "@plenary/suggestions";
import { TextSelection } from "@tiptap/pm/state";
import * as encoding from "lib0/encoding";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { demoDraft } from "../src/demo/demo-draft.ts";
import { DEMO_ACCOUNTS } from "../src/demo/seed.ts";
import type { SqliteStorage } from "../src/index.ts";
import { EditorClient, positionIn } from "./editor-client.ts";
import { appendText, blockText, getJSON, testServer, waitFor } from "./harness.ts";

const DRAFT = demoDraft.id;
const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email.startsWith(email))!;
const FACILITATOR = account("facilitator");
const KENYA = account("kenya");
const BRAZIL = account("brazil");
const OBSERVER = account("opennet");
const ops = demoDraft.doc.content.filter((n) => n.attrs?.kind === "op").map((n) => n.attrs!.id as string);
const OP1 = ops[0]!;
const OP2 = ops[1]!;

let t: Awaited<ReturnType<typeof testServer>>;
let clients: EditorClient[] = [];
beforeEach(async () => {
  t = await testServer();
});
afterEach(async () => {
  for (const client of clients) client.close();
  clients = [];
  await t.stop();
});

async function open(who: { email: string; password: string }) {
  const client = await EditorClient.open(t.server.url, who, DRAFT);
  clients.push(client);
  return client;
}

const draft = async () => (await getJSON<DraftResponse>(`${t.server.url}/api/drafts/${DRAFT}`)).body;
const list = async () =>
  (await getJSON<SuggestionListResponse>(`${t.server.url}/api/drafts/${DRAFT}/suggestions`)).body.suggestions;
const find = async (id: string) => (await list()).find((s) => s.id === id) as SuggestionView;

/** Waits for the reason the server gives when it closes the client's connection to the draft. */
function refusal(client: EditorClient): Promise<string> {
  return new Promise((done) =>
    client.collab.provider.on("close", ({ event }: { event: { reason: string } }) => done(event.reason)),
  );
}

/** A suggestion of `text` appended to a paragraph by `client`; resolves with its id once the server has it. */
async function suggestAppend(client: EditorClient, blockId: string, text: string): Promise<string> {
  expect(client.suggest((state) => state.tr.insertText(text, positionIn(state.doc, blockId)))).toBe(true);
  await client.collab.acknowledged();
  const mine = (await list()).filter((s) => s.inserted.includes(text));
  expect(mine).toHaveLength(1);
  return mine[0]!.id;
}

describe("suggestions over /collab", () => {
  it("an observer's suggestion reaches everyone, attributed to the observer's party", async () => {
    const observer = await open(OBSERVER);
    const facilitator = await open(FACILITATOR);
    const id = await suggestAppend(observer, OP1, " and civil society");
    await waitFor(
      () => facilitator.doc.textContent.includes(" and civil society"),
      "the facilitator sees the suggestion",
    );
    const seen = await find(id);
    expect(seen).toMatchObject({ status: "pending", kind: "insertion", inserted: " and civil society" });
    expect(seen.author.displayName).toBe(OBSERVER.displayName);
    expect(seen.party).toMatchObject({ name: "Open Networks Alliance", stakeholderGroup: "civil-society" });
    expect(seen.blocks[0]).toEqual({ id: OP1, label: "OP 1" });
  });

  describe("refuses, whole, an observer's update that", () => {
    async function expectRefused(
      attack: (observer: EditorClient, kenyaSuggestion: string) => Promise<string>,
      reason: string,
    ) {
      const kenya = await open(KENYA);
      const kenyaSuggestion = await suggestAppend(kenya, OP2, " in all regions");
      const observer = await open(OBSERVER);
      const facilitator = await open(FACILITATOR);
      const before = await draft();
      expect(await attack(observer, kenyaSuggestion)).toBe(reason);
      expect((await draft()).doc).toEqual(before.doc);
      // The others go on: the facilitator still edits and Kenya still sees it.
      facilitator.edit((state) => state.tr.insertText(" (still live)", positionIn(state.doc, OP1)));
      await facilitator.collab.acknowledged();
      await waitFor(() => kenya.doc.textContent.includes("(still live)"), "Kenya sees the facilitator's edit");
      expect(kenya.doc.textContent).not.toContain("[attack]");
      expect((await getJSON(`${t.server.url}/healthz`)).status).toBe(200);
    }

    it("edits base text", () =>
      expectRefused(async (observer) => {
        const refused = refusal(observer);
        appendText(observer.collab.ydoc, OP1, " [attack]");
        return refused;
      }, CloseCode.SuggestionRefused.reason));

    it("carries a suggestion attributed to another party", () =>
      expectRefused(async (observer) => {
        const refused = refusal(observer);
        const kenyaUser = t.server.accounts.store.findUserByEmail(KENYA.email)!;
        appendText(observer.collab.ydoc, OP1, " [attack]", {
          insertion: { id: "forged", author: kenyaUser.id, party: kenyaUser.partyId },
        });
        return refused;
      }, CloseCode.SuggestionRefused.reason));

    it("deletes someone else's suggestion", () =>
      expectRefused(async (observer) => {
        const refused = refusal(observer);
        const state = observer.state();
        const end = positionIn(state.doc, OP2, " in all regions");
        observer.edit(() => state.tr.delete(end - " in all regions".length, end));
        return refused;
      }, CloseCode.SuggestionRefused.reason));

    it("writes data outside the text", () =>
      expectRefused(async (observer) => {
        const refused = refusal(observer);
        observer.collab.ydoc.getMap("suggestions").set("forged", { status: "accepted" });
        return refused;
      }, CloseCode.OutsideText.reason));

    it("cannot be decoded", () =>
      expectRefused(async (observer) => {
        const refused = refusal(observer);
        sendRaw(observer, rawUpdate(new Uint8Array([1, 2, 3])));
        return refused;
      }, CloseCode.MalformedUpdate.reason));

    it("is over the size limit", () =>
      expectRefused(async (observer) => {
        const refused = refusal(observer);
        sendRaw(observer, rawUpdate(new Uint8Array(MAX_MESSAGE_BYTES + 16)));
        return refused;
      }, CloseCode.MessageTooLarge.reason));

    it("claims another participant's Yjs client id", async () => {
      const facilitator = await open(FACILITATOR);
      facilitator.edit((state) => state.tr.insertText(" (facilitator first)", positionIn(state.doc, OP1)));
      await facilitator.collab.acknowledged();
      const observer = await open(OBSERVER);
      const refused = refusal(observer);
      // A tiny update in the facilitator's name, a clock ahead: Yjs alone would accept it and drop
      // the facilitator's next real edit as a duplicate.
      const forged = new Y.Doc();
      forged.getXmlFragment("default");
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(facilitator.collab.ydoc));
      // Set after loading: Yjs renames a doc that receives its own client id from elsewhere.
      forged.clientID = facilitator.collab.ydoc.clientID;
      appendText(forged, OP1, "x");
      sendRaw(observer, rawUpdate(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(facilitator.collab.ydoc))));
      expect(await refused).toBe(CloseCode.ForgedClientId.reason);
      facilitator.edit((state) => state.tr.insertText(" (facilitator again)", positionIn(state.doc, OP1)));
      await facilitator.collab.acknowledged();
      expect(blockText(await draft(), OP1)).toMatch(/\(facilitator first\) \(facilitator again\)$/);
    });
  });
});

function rawUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, DRAFT);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function sendRaw(client: EditorClient, bytes: Uint8Array): void {
  (client.collab.provider.configuration.websocketProvider.webSocket as WebSocket).send(bytes);
}

describe("what is said and decided about suggestions", () => {
  it("only the author writes the rationale", async () => {
    const kenya = await open(KENYA);
    const brazil = await open(BRAZIL);
    const id = await suggestAppend(kenya, OP1, " urgently");
    const path = `/api/drafts/${DRAFT}/suggestions/${id}/rationale`;
    expect((await kenya.http.post(path, { rationale: "Time matters." })).status).toBe(200);
    const other = await brazil.http.post(path, { rationale: "Hijack." });
    expect(other.status).toBe(403);
    expect((await find(id)).rationale).toBe("Time matters.");
  });

  it("other parties support a suggestion; its own party and facilitators cannot", async () => {
    const kenya = await open(KENYA);
    const brazil = await open(BRAZIL);
    const observer = await open(OBSERVER);
    const facilitator = await open(FACILITATOR);
    const id = await suggestAppend(kenya, OP1, " with financing");
    const path = `/api/drafts/${DRAFT}/suggestions/${id}/support`;
    expect((await brazil.http.request("POST", path)).status).toBe(200);
    expect((await observer.http.request("POST", path)).status).toBe(200);
    expect((await kenya.http.request("POST", path)).status).toBe(409);
    expect((await facilitator.http.request("POST", path)).status).toBe(403);
    expect((await find(id)).supporters.map((s) => s.party.name)).toEqual(["Brazil", "Open Networks Alliance"]);
    expect((await brazil.http.request("DELETE", path)).status).toBe(200);
    expect((await find(id)).supporters.map((s) => s.party.name)).toEqual(["Open Networks Alliance"]);
  });

  it("replies form a thread; HTML is refused and nothing is stored", async () => {
    const kenya = await open(KENYA);
    const observer = await open(OBSERVER);
    const id = await suggestAppend(kenya, OP1, " everywhere");
    const path = `/api/drafts/${DRAFT}/suggestions/${id}/replies`;
    expect((await observer.http.post(path, { text: "Could this name rural areas?" })).status).toBe(201);
    const html = await observer.http.post(path, { text: "<img src=x onerror=alert(1)>" });
    expect(html.status).toBe(400);
    expect((html.body as ApiErrorBody).error.message).toMatch(/plain text/);
    const replies = (await find(id)).replies;
    expect(replies.map((r) => [r.party.name, r.text])).toEqual([
      ["Open Networks Alliance", "Could this name rural areas?"],
    ]);
  });

  it("a facilitator's acceptance changes the text for everyone and is recorded with who and when", async () => {
    const kenya = await open(KENYA);
    const facilitator = await open(FACILITATOR);
    const id = await suggestAppend(kenya, OP1, " without delay");
    const answer = await facilitator.http.post(`/api/drafts/${DRAFT}/suggestions/${id}/decision`, {
      decision: "accept",
    });
    expect(answer.status).toBe(200);
    await waitFor(
      () => !kenya.doc.toString().includes("insertion"),
      "Kenya's copy has the accepted text without marks",
    );
    expect(blockText(await draft(), OP1)).toMatch(/ without delay$/);
    const decided = await find(id);
    expect(decided).toMatchObject({ status: "accepted", inserted: " without delay" });
    expect(decided.decidedBy?.displayName).toBe(FACILITATOR.displayName);
    const audit = (t.server.storage as SqliteStorage).database.prepare("SELECT action, target FROM audit").all();
    expect(audit).toEqual([{ action: "suggestion.accepted", target: id }]);
  });

  it("a rejection needs a reason, restores the original text, and the author sees why", async () => {
    const kenya = await open(KENYA);
    const facilitator = await open(FACILITATOR);
    const original = blockText(await draft(), OP1);
    const id = await suggestAppend(kenya, OP1, " at any cost");
    const path = `/api/drafts/${DRAFT}/suggestions/${id}/decision`;
    const noReason = await facilitator.http.post(path, { decision: "reject" });
    expect(noReason.status).toBe(400);
    expect((await find(id)).status).toBe("pending");
    expect((await facilitator.http.post(path, { decision: "reject", reason: "Not agreed language." })).status).toBe(
      200,
    );
    expect(blockText(await draft(), OP1)).toBe(original);
    expect(await find(id)).toMatchObject({ status: "rejected", reason: "Not agreed language." });
    expect((await facilitator.http.post(path, { decision: "accept" })).status).toBe(404);
  });

  it("decides all of one party's suggestions at once", async () => {
    const kenya = await open(KENYA);
    const brazil = await open(BRAZIL);
    const facilitator = await open(FACILITATOR);
    const first = await suggestAppend(kenya, OP1, " (ke one)");
    const second = await suggestAppend(kenya, OP2, " (ke two)");
    const other = await suggestAppend(brazil, OP2, " (br)");
    const party = kenya.suggester.party;
    const answer = await facilitator.http.post(`/api/drafts/${DRAFT}/decisions`, {
      decision: "accept",
      partyId: party,
    });
    expect((answer.body as { decided: string[] }).decided.sort()).toEqual([first, second].sort());
    expect((await find(other)).status).toBe("pending");
  });

  it("an author withdraws a suggestion; nobody else can, and deleting one's own text withdraws it too", async () => {
    const kenya = await open(KENYA);
    const brazil = await open(BRAZIL);
    const byButton = await suggestAppend(kenya, OP1, " (withdraw me)");
    expect((await brazil.http.post(`/api/drafts/${DRAFT}/suggestions/${byButton}/withdraw`, {})).status).toBe(403);
    expect((await kenya.http.post(`/api/drafts/${DRAFT}/suggestions/${byButton}/withdraw`, {})).status).toBe(200);
    expect((await find(byButton)).status).toBe("withdrawn");

    const byDeleting = await suggestAppend(kenya, OP2, " (delete me)");
    const state = kenya.state();
    const end = positionIn(state.doc, OP2, " (delete me)");
    expect(kenya.suggest((s) => s.tr.setSelection(TextSelection.create(s.doc, end - 12, end)).deleteSelection())).toBe(
      true,
    );
    await kenya.collab.acknowledged();
    expect(await find(byDeleting)).toMatchObject({ status: "withdrawn", inserted: " (delete me)" });
  });

  it("records as rejected the suggestions inside a paragraph whose deletion is accepted", async () => {
    const kenya = await open(KENYA);
    const observer = await open(OBSERVER);
    const facilitator = await open(FACILITATOR);
    const inside = await suggestAppend(observer, OP2, " (inside)");
    const state = kenya.state();
    let from = 0;
    state.doc.forEach((block, offset) => {
      if (block.attrs.id === OP2) from = offset;
    });
    const strikeTr = proposeBlockDeletion(state, from, kenya.suggester, {
      suggestionId: () => "ke-strike",
      blockId: () => "unused",
    });
    expect(strikeTr).not.toBeNull();
    kenya.write(strikeTr!.doc);
    await kenya.collab.acknowledged();
    const strike = (await list()).find((s) => s.kind === "block-deletion")!;
    await facilitator.http.post(`/api/drafts/${DRAFT}/suggestions/${strike.id}/decision`, { decision: "accept" });
    expect(blockText(await draft(), OP2)).toBeUndefined();
    expect(await find(inside)).toMatchObject({ status: "rejected", inserted: " (inside)" });
    expect((await find(inside)).reason).toMatch(/Removed with its paragraph/);
  });

  it("keeps an audit log that cannot be changed", async () => {
    const kenya = await open(KENYA);
    const facilitator = await open(FACILITATOR);
    const id = await suggestAppend(kenya, OP1, " (audited)");
    await facilitator.http.post(`/api/drafts/${DRAFT}/suggestions/${id}/decision`, { decision: "accept" });
    const db = (t.server.storage as SqliteStorage).database;
    expect(() => db.prepare("UPDATE audit SET action = 'suggestion.rejected'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM audit").run()).toThrow(/append-only/);
    expect(db.prepare("SELECT count(*) AS n FROM audit").get()).toEqual({ n: 1 });
    const { body } = await getJSON<{ entries: { action: string; target: string; actor: { displayName: string } }[] }>(
      `${t.server.url}/api/drafts/${DRAFT}/audit`,
    );
    expect(body.entries.map((e) => [e.action, e.target, e.actor.displayName])).toEqual([
      ["suggestion.accepted", id, FACILITATOR.displayName],
    ]);
  });
});
