import type { Node as PMNode } from "@tiptap/pm/model";
import { blockSuggestion, refOfMark, suggestionMark } from "./refs.ts";

/** What a suggestion proposes, as a person would name it. */
export type SuggestionKind = "insertion" | "deletion" | "replacement" | "new-block" | "block-deletion";

/** A pending suggestion as found in a document: what it changes, where, by whom. */
export interface FoundSuggestion {
  id: string;
  author: string;
  party: string;
  kind: SuggestionKind;
  /** Ids of the blocks it touches, in document order. */
  blockIds: string[];
  /** Text it proposes to insert, and to delete. */
  inserted: string;
  deleted: string;
  /** Document position of its first piece (for ordering and navigation). */
  from: number;
}

/** Every pending suggestion in the document, in document order, one entry per suggestion id. */
export function collectSuggestions(doc: PMNode): FoundSuggestion[] {
  const byId = new Map<string, FoundSuggestion & { blockInsert: boolean; blockDelete: boolean }>();
  const entry = (ref: { id: string; author: string; party: string }, from: number) => {
    let found = byId.get(ref.id);
    if (!found) {
      found = {
        ...ref,
        kind: "insertion",
        blockIds: [],
        inserted: "",
        deleted: "",
        from,
        blockInsert: false,
        blockDelete: false,
      };
      byId.set(ref.id, found);
    }
    return found;
  };
  doc.forEach((block, offset) => {
    const blockId = String(block.attrs.id ?? "");
    const touch = (found: FoundSuggestion) => {
      if (found.blockIds.at(-1) !== blockId) found.blockIds.push(blockId);
    };
    const whole = blockSuggestion(block);
    if (whole) {
      const found = entry({ id: whole.id, author: whole.author, party: whole.party }, offset);
      touch(found);
      if (whole.type === "insertion") found.blockInsert = true;
      else found.blockDelete = true;
    }
    block.descendants((node, pos) => {
      const mark = node.isText ? suggestionMark(node) : undefined;
      if (!mark) return;
      const found = entry(refOfMark(mark), offset + 1 + pos);
      touch(found);
      if (mark.type.name === "insertion") found.inserted += node.text ?? "";
      else found.deleted += node.text ?? "";
    });
  });
  return [...byId.values()].map(({ blockInsert, blockDelete, ...found }) => ({
    ...found,
    kind: blockInsert ? "new-block" : blockDelete ? "block-deletion" : kindOf(found),
  }));
}

function kindOf(found: FoundSuggestion): SuggestionKind {
  if (found.inserted && found.deleted) return "replacement";
  return found.deleted ? "deletion" : "insertion";
}
