import { type DocJSON, newBlockId, type SuggestionRef, textOfJSON } from "@plenary/schema";
import type * as Y from "yjs";
import { blockText, connectClient } from "./client.ts";
import { within } from "./clock.ts";
import { pick, type Random, seededRandom } from "./random.ts";
import type { Participant, ServerProcess } from "./servers.ts";

/**
 * A new suggestion of `participant`, with an id like the web app's ("s" and
 * twelve random base-36 characters).
 */
export function newSuggestion(participant: Participant): SuggestionRef {
  return { id: `s${newBlockId()}`, author: participant.author, party: participant.party };
}

/**
 * Inserts `chars` at `index` as the suggester's proposed insertion: in the Y.Doc,
 * a ProseMirror mark is a formatting attribute named after the mark, holding its
 * attributes, which is what the editor's suggestion mode writes through y-prosemirror.
 */
export function insertSuggested(text: Y.XmlText, index: number, chars: string, suggestion: SuggestionRef): void {
  text.insert(index, chars, { insertion: { ...suggestion } });
}

/** A suggestion to make on a draft: insert a phrase before a word, or propose deleting the word. */
interface PlannedSuggestion {
  blockId: string;
  kind: "insertion" | "deletion";
  /** Offset of the word in the block's original text, and its length. */
  at: number;
  length: number;
  phrase: string;
}

const PHRASES = ["further ", "as appropriate, ", "inter alia ", "voluntary ", "where possible, ", "all "];

/**
 * Plans `count` suggestions spread over the numbered paragraphs of `draft`:
 * about 60% insertions of a phrase before a word, 40% proposed deletions of a
 * word, never on the same or neighbouring words, so that none overlaps another.
 */
export function planSuggestions(draft: DocJSON, count: number, random: Random): PlannedSuggestion[] {
  const paragraphs = draft.content
    .filter((block) => block.attrs?.kind === "pp" || block.attrs?.kind === "op")
    .map((block) => ({ blockId: String(block.attrs?.id), words: wordsOf(textOfJSON(block)), used: new Set<number>() }));
  if (paragraphs.length === 0) throw new RangeError("The draft has no numbered paragraph to suggest on");
  const planned: PlannedSuggestion[] = [];
  for (let attempt = 0; planned.length < count && attempt < count * 50; attempt++) {
    const paragraph = pick(random, paragraphs);
    // The first word is the italic opening phrase: leave it alone.
    const w = 1 + Math.floor(random() * (paragraph.words.length - 1));
    if ([w - 1, w, w + 1].some((n) => paragraph.used.has(n))) continue;
    paragraph.used.add(w);
    const word = paragraph.words[w]!;
    const kind = random() < 0.6 ? "insertion" : "deletion";
    planned.push({ blockId: paragraph.blockId, kind, at: word.at, length: word.length, phrase: pick(random, PHRASES) });
  }
  if (planned.length < count) throw new RangeError(`Room for only ${planned.length} of ${count} suggestions`);
  return planned;
}

/**
 * Makes the planned suggestions on a draft as `delegates`, one after another,
 * each suggestion its own update, through the real collaboration endpoint (the
 * server checks and records every one).
 */
export async function makeSuggestions(
  collabUrl: string,
  draftId: string,
  planned: PlannedSuggestion[],
  delegates: Participant[],
): Promise<void> {
  for (const [d, delegate] of delegates.entries()) {
    const mine = planned.filter((_, n) => n % delegates.length === d);
    if (mine.length === 0) continue;
    const client = connectClient(collabUrl, draftId, { token: delegate.token });
    try {
      await client.synced;
      for (const suggestion of mine) {
        const text = blockText(client.ydoc, suggestion.blockId);
        const index = currentIndex(text, suggestion.at);
        const ref = newSuggestion(delegate);
        if (suggestion.kind === "insertion") insertSuggested(text, index, suggestion.phrase, ref);
        else text.format(index, suggestion.length, { deletion: { ...ref } });
        await client.acknowledged(20);
      }
      await within(client.acknowledged(0), 60_000, "the server to accept the suggestions");
    } finally {
      client.destroy();
    }
  }
}

function wordsOf(text: string): { at: number; length: number }[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z-]*/g)].map((match) => ({ at: match.index, length: match[0].length }));
}

// Where an offset of the block's original text is now: proposed insertions (others' included) lie in between.
function currentIndex(text: Y.XmlText, originalOffset: number): number {
  let original = 0;
  let current = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === "string" ? op.insert.length : 1;
    if (op.attributes?.insertion) {
      current += length;
      continue;
    }
    if (originalOffset < original + length) return current + (originalOffset - original);
    original += length;
    current += length;
  }
  return current + (originalOffset - original);
}

/**
 * Gives a draft on a running server `count` pending suggestions, made by ten
 * delegates of ten delegations through the collaboration endpoint.
 */
export async function seedSuggestions(
  server: ServerProcess,
  draft: { key: string; doc: DocJSON },
  count: number,
  seed: number,
): Promise<void> {
  if (count === 0) return;
  const planned = planSuggestions(draft.doc, count, seededRandom(seed));
  const delegates = await server.delegates(Math.min(10, count));
  await makeSuggestions(server.collabUrl, server.draftIds[draft.key]!, planned, delegates);
}
