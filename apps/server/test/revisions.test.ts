import type { CompareResponse, HistoryResponse, RevisionResponse, RevisionSummary } from "@plenary/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoDraft } from "../src/demo/demo-draft.ts";
import { DEMO_ACCOUNTS } from "../src/demo/seed.ts";
import type { SqliteStorage } from "../src/index.ts";
import { EditorClient, positionIn } from "./editor-client.ts";
import { getJSON, testServer } from "./harness.ts";

const DRAFT = demoDraft.id;
const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email.startsWith(email))!;
const OP1 = demoDraft.doc.content.find((n) => n.attrs?.kind === "op")!.attrs!.id as string;

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

async function open(email: string) {
  const client = await EditorClient.open(t.server.url, account(email), DRAFT);
  clients.push(client);
  return client;
}

const get = async <T>(path: string) => (await getJSON<T>(`${t.server.url}${path}`)).body;

describe("revisions", () => {
  it("publishes the zero draft and then Rev.1, numbered and named, with the suggestions pending", async () => {
    const facilitator = await open("facilitator");
    const kenya = await open("kenya");
    const zero = await facilitator.http.post<RevisionSummary>(`/api/drafts/${DRAFT}/revisions`, {
      note: "For comments",
    });
    expect(zero.status).toBe(201);
    expect(zero.body).toMatchObject({ number: 0, name: "Zero Draft", note: "For comments", pendingCount: 0 });
    kenya.suggest((s) => s.tr.insertText(" urgently", positionIn(s.doc, OP1)));
    await kenya.collab.acknowledged();
    const rev1 = (await facilitator.http.post<RevisionSummary>(`/api/drafts/${DRAFT}/revisions`, {})).body;
    expect(rev1).toMatchObject({ number: 1, name: "Rev.1", pendingCount: 1 });
    const revision = await get<RevisionResponse>(`/api/drafts/${DRAFT}/revisions/${rev1.id}`);
    // The revision's text is the agreed text: the pending suggestion is not in it.
    expect(revision.blocks.find((b) => b.id === OP1)?.text).not.toContain("urgently");
    const { revisions } = await get<{ revisions: RevisionSummary[] }>(`/api/drafts/${DRAFT}/revisions`);
    expect(revisions.map((r) => r.name)).toEqual(["Zero Draft", "Rev.1"]);
  });

  it("cannot be changed once published", async () => {
    const facilitator = await open("facilitator");
    await facilitator.http.post(`/api/drafts/${DRAFT}/revisions`, {});
    const db = (t.server.storage as SqliteStorage).database;
    expect(() => db.prepare("UPDATE revisions SET name = 'Edited'").run()).toThrow(/immutable/);
    expect(() => db.prepare("DELETE FROM revisions").run()).toThrow(/immutable/);
  });

  it("compares two revisions paragraph by paragraph, with word changes and old and new numbers", async () => {
    const facilitator = await open("facilitator");
    const kenya = await open("kenya");
    const zero = (await facilitator.http.post<RevisionSummary>(`/api/drafts/${DRAFT}/revisions`, {})).body;
    // A new OP before the first one renumbers the rest; Kenya's accepted proposal changes OP 1's words.
    facilitator.edit((s) => {
      const at = positionIn(s.doc, OP1) - s.doc.resolve(positionIn(s.doc, OP1)).parentOffset - 1;
      return s.tr.insert(
        at,
        s.schema.nodes.paragraph!.create({ id: "op-new", kind: "op" }, s.schema.text("Decides anew;")),
      );
    });
    await facilitator.collab.acknowledged();
    kenya.suggest((s) => s.tr.insertText(" without delay", positionIn(s.doc, OP1)));
    await kenya.collab.acknowledged();
    const list = await get<{ suggestions: { id: string }[] }>(`/api/drafts/${DRAFT}/suggestions`);
    await facilitator.http.post(`/api/drafts/${DRAFT}/suggestions/${list.suggestions[0]!.id}/decision`, {
      decision: "accept",
    });
    const rev1 = (await facilitator.http.post<RevisionSummary>(`/api/drafts/${DRAFT}/revisions`, {})).body;

    const compared = await get<CompareResponse>(`/api/drafts/${DRAFT}/compare?from=${zero.id}&to=${rev1.id}`);
    expect([compared.from.name, compared.to.name]).toEqual(["Zero Draft", "Rev.1"]);
    const added = compared.rows.find((r) => r.new[0]?.id === "op-new")!;
    expect(added).toMatchObject({ status: "added" });
    expect(added.new[0]?.label).toBe("OP 1");
    const changed = compared.rows.find((r) => r.new[0]?.id === OP1)!;
    expect(changed).toMatchObject({ status: "changed", renumbered: true, matchedBy: "id" });
    expect([changed.old[0]?.label, changed.new[0]?.label]).toEqual(["OP 1", "OP 2"]);
    expect(changed.changes.filter((c) => c.op !== "equal")).toEqual([{ op: "insert", text: " without delay" }]);
    expect(compared.counts).toMatchObject({ added: 1, changed: 1 });
    // The live text can be compared too.
    const live = await get<CompareResponse>(`/api/drafts/${DRAFT}/compare?from=${rev1.id}&to=live`);
    expect(live.rows.every((r) => r.status === "unchanged")).toBe(true);
  });

  it("gives a paragraph's history: its wording in each revision and the decision that changed it, with party, supporters and reason", async () => {
    const facilitator = await open("facilitator");
    const kenya = await open("kenya");
    const brazil = await open("brazil");
    await facilitator.http.post(`/api/drafts/${DRAFT}/revisions`, {});
    kenya.suggest((s) => s.tr.insertText(" in all regions", positionIn(s.doc, OP1)));
    await kenya.collab.acknowledged();
    const id = (await get<{ suggestions: { id: string }[] }>(`/api/drafts/${DRAFT}/suggestions`)).suggestions[0]!.id;
    await brazil.http.request("POST", `/api/drafts/${DRAFT}/suggestions/${id}/support`);
    await facilitator.http.post(`/api/drafts/${DRAFT}/suggestions/${id}/decision`, {
      decision: "accept",
      reason: "Broad support.",
    });
    await facilitator.http.post(`/api/drafts/${DRAFT}/revisions`, {});

    const history = await get<HistoryResponse>(`/api/drafts/${DRAFT}/paragraphs/${OP1}/history`);
    expect(history.entries.map((e) => (e.type === "revision" ? e.revision.name : `decision:${e.status}`))).toEqual([
      "Zero Draft",
      "decision:accepted",
      "Rev.1",
    ]);
    const decision = history.entries[1]!;
    if (decision.type !== "decision") throw new Error("expected a decision");
    expect(decision.party.name).toBe("Kenya");
    expect(decision.supporters.map((p) => p.name)).toEqual(["Brazil"]);
    expect(decision.reason).toBe("Broad support.");
    expect(decision.decidedBy?.displayName).toBe(account("facilitator").displayName);
    expect(decision.changes.filter((c) => c.op !== "equal")).toEqual([{ op: "insert", text: " in all regions" }]);
    expect(history.current?.text).toMatch(/ in all regions$/);
  });

  it("is readable by a visitor without an account", async () => {
    const facilitator = await open("facilitator");
    const zero = (await facilitator.http.post<RevisionSummary>(`/api/drafts/${DRAFT}/revisions`, {})).body;
    for (const path of [
      `/api/drafts/${DRAFT}/revisions`,
      `/api/drafts/${DRAFT}/revisions/${zero.id}`,
      `/api/drafts/${DRAFT}/compare?from=${zero.id}&to=live`,
      `/api/drafts/${DRAFT}/paragraphs/${OP1}/history`,
    ]) {
      expect((await getJSON(`${t.server.url}${path}`)).status).toBe(200);
    }
    expect((await getJSON(`${t.server.url}/api/drafts/${DRAFT}/revisions/nope`)).status).toBe(404);
    expect((await getJSON(`${t.server.url}/api/drafts/${DRAFT}/compare`)).status).toBe(400);
  });
});
