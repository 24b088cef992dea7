import type { DraftResponse, SuggestionListResponse } from "@plenary/protocol";
import { collectSuggestions } from "@plenary/suggestions";
import { TextSelection } from "@tiptap/pm/state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDraft } from "../src/demo/demo-draft.ts";
import { DEMO_ACCOUNTS } from "../src/demo/seed.ts";
import type { SqliteStorage } from "../src/index.ts";
import { EditorClient } from "./editor-client.ts";
import { getJSON, testServer, waitFor } from "./harness.ts";

const DRAFT = demoDraft.id;
const SEED = Number(process.env.PLENARY_SEED ?? 20261123);
const ROUNDS = 40;

/** A small seeded generator (mulberry32): the same seed replays the same run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const WORDS = ["inclusive", "meaningful", "all stakeholders", "digital", "capacity", "promptly", "voluntary", "rights"];

describe(`concurrent suggestions and decisions (seed ${SEED}; PLENARY_SEED replays)`, () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  const clients: EditorClient[] = [];
  beforeAll(async () => {
    t = await testServer();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await t.stop();
  });

  it("every participant ends with the same text, and every suggestion has its record", async () => {
    const rng = random(SEED);
    const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email.startsWith(email))!;
    for (const email of ["kenya", "brazil", "opennet", "facilitator"]) {
      clients.push(await EditorClient.open(t.server.url, account(email), DRAFT));
    }
    const suggesters = clients.slice(0, 3);
    const facilitator = clients[3]!;

    for (let round = 0; round < ROUNDS; round++) {
      // Each suggester edits its own copy without waiting for the others: the edits cross on the wire.
      for (const client of suggesters) randomSuggestion(client, rng);
      if (round % 4 === 3) {
        const pending = collectSuggestions(facilitator.doc);
        if (pending.length > 0) {
          const chosen = rng.pick(pending);
          const decision = rng.next() < 0.5 ? "accept" : "reject";
          // A suggestion can be gone by now (withdrawn, or decided with a paragraph): 404 is a fine answer.
          const answer = await facilitator.http.post(`/api/drafts/${DRAFT}/suggestions/${chosen.id}/decision`, {
            decision,
            reason: "Decided in the convergence test.",
          });
          expect([200, 404]).toContain(answer.status);
        }
      }
      if (round % 5 === 4) await Promise.all(clients.map((client) => client.collab.acknowledged()));
    }
    await Promise.all(clients.map((client) => client.collab.acknowledged()));

    const served = async () => (await getJSON<DraftResponse>(`${t.server.url}/api/drafts/${DRAFT}`)).body.doc;
    const expected = JSON.stringify(await served());
    await waitFor(
      () => clients.every((client) => JSON.stringify(client.doc.toJSON()) === expected),
      "every client holds the server's text",
    );

    // No refused updates: every client is still connected to the draft.
    for (const client of clients) expect(client.collab.provider.isSynced).toBe(true);
    const inText = collectSuggestions(facilitator.doc);
    expect(inText.length).toBeGreaterThan(0);
    const { suggestions } = (await getJSON<SuggestionListResponse>(`${t.server.url}/api/drafts/${DRAFT}/suggestions`))
      .body;
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    for (const found of inText) {
      const view = byId.get(found.id);
      expect(view?.status).toBe("pending");
      expect(view?.author.id).toBe(found.author);
      expect(view?.author.displayName).not.toBe("Unknown participant");
    }
    const db = (t.server.storage as SqliteStorage).database;
    const pending = db.prepare("SELECT id FROM suggestions WHERE status = 'pending'").all() as { id: string }[];
    const textIds = new Set(inText.map((found) => found.id));
    expect(pending.filter((row) => !textIds.has(row.id))).toEqual([]);
    expect(suggestions.filter((s) => s.status !== "pending").length).toBeGreaterThan(0);
  });
});

function randomSuggestion(client: EditorClient, rng: ReturnType<typeof random>): void {
  const doc = client.doc;
  const paragraphs: { from: number; to: number }[] = [];
  doc.forEach((block, offset) => {
    if (block.type.name === "paragraph" && block.content.size > 0)
      paragraphs.push({ from: offset + 1, to: offset + block.nodeSize - 1 });
  });
  const target = rng.pick(paragraphs);
  const at = target.from + rng.int(target.to - target.from + 1);
  const choice = rng.next();
  client.suggest((state) => {
    if (choice < 0.5) return state.tr.insertText(` ${rng.pick(WORDS)}`, at);
    const end = Math.min(target.to, at + 1 + rng.int(6));
    if (choice < 0.8 && end > at) return state.tr.delete(at, end);
    if (end > at) return state.tr.setSelection(TextSelection.create(state.doc, at, end)).insertText(rng.pick(WORDS));
    return state.tr.insertText(rng.pick(WORDS), at);
  });
}
