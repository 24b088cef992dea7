import type { SuggestionRef } from "@plenary/schema";
import { Fragment, type Node as PMNode } from "@tiptap/pm/model";
import { blockSuggestion, isOwn, refOfMark, type Suggester, suggestionMark } from "./refs.ts";

/** The outcome of checking a change: fine, or refused with a reason a person can read. */
export type Validation = { ok: true } | { ok: false; reason: string };

/**
 * The text without the suggester's own suggestions: their proposed blocks and
 * inserted text dropped, their deletion marks and block deletions removed.
 * Everything else (base text, other people's suggestions) stays as it is.
 */
export function withoutOwnSuggestions(doc: PMNode, suggester: Suggester): PMNode {
  const blocks: PMNode[] = [];
  doc.forEach((block) => {
    const whole = blockSuggestion(block);
    if (whole?.type === "insertion" && isOwn(whole, suggester)) return;
    const attrs =
      whole?.type === "deletion" && isOwn(whole, suggester) ? { ...block.attrs, suggestion: null } : block.attrs;
    const inline: PMNode[] = [];
    block.forEach((node) => {
      const mark = node.isText ? suggestionMark(node) : undefined;
      if (!mark || !isOwn(refOfMark(mark), suggester)) inline.push(node);
      else if (mark.type.name === "deletion") inline.push(node.mark(mark.removeFromSet(node.marks)));
    });
    blocks.push(block.type.create(attrs, Fragment.from(inline), block.marks));
  });
  // Normalising through a fragment joins text nodes split only by the removed marks.
  return doc.type.create(doc.attrs, Fragment.from(blocks));
}

/** Every suggestion reference in a document: block suggestions and marks, in document order, repeats included. */
export function suggestionRefs(doc: PMNode): SuggestionRef[] {
  const refs: SuggestionRef[] = [];
  doc.forEach((block) => {
    const whole = blockSuggestion(block);
    if (whole) refs.push(whole);
    block.forEach((node) => {
      const mark = node.isText ? suggestionMark(node) : undefined;
      if (mark) refs.push(refOfMark(mark));
    });
  });
  return refs;
}

const key = (ref: SuggestionRef) => `${ref.id}\u0000${ref.author}\u0000${ref.party}`;

// Others' suggestions inside the suggester's own proposed blocks, by block id. withoutOwnSuggestions
// drops those blocks whole, so without this a suggester could edit what others proposed inside them.
// Pieces of one suggestion split only by the suggester's own text count as one.
function othersInOwnProposals(doc: PMNode, suggester: Suggester): Map<string, string> {
  const found = new Map<string, string>();
  doc.forEach((block) => {
    const whole = blockSuggestion(block);
    if (whole?.type !== "insertion" || !isOwn(whole, suggester)) return;
    const pieces: { type: string; ref: SuggestionRef; text: string }[] = [];
    block.forEach((node) => {
      const mark = node.isText ? suggestionMark(node) : undefined;
      if (!mark || isOwn(refOfMark(mark), suggester)) return;
      const last = pieces.at(-1);
      const ref = refOfMark(mark);
      if (last && last.type === mark.type.name && key(last.ref) === key(ref)) last.text += node.text ?? "";
      else pieces.push({ type: mark.type.name, ref, text: node.text ?? "" });
    });
    found.set(String(block.attrs.id), JSON.stringify(pieces));
  });
  return found;
}

/**
 * The rule for a delegate's or observer's change: once each side is stripped
 * of the suggester's own suggestions, before and after must be the same text;
 * every suggestion the change brings in must carry the suggester's id and
 * party; block ids must stay unique; what others proposed inside the
 * suggester's own proposed paragraphs stays as it was (it goes only with the
 * whole paragraph). So a suggester may add, extend, change or withdraw their
 * own suggestions and nothing else.
 */
export function validateSuggesterChange(before: PMNode, after: PMNode, suggester: Suggester): Validation {
  const known = new Set(suggestionRefs(before).map(key));
  for (const ref of suggestionRefs(after)) {
    if (known.has(key(ref))) continue;
    if (ref.author !== suggester.author || ref.party !== suggester.party) {
      return { ok: false, reason: "The change carries a suggestion attributed to someone else." };
    }
  }
  const owners = new Map(suggestionRefs(before).map((ref) => [ref.id, ref.author]));
  for (const ref of suggestionRefs(after)) {
    const owner = owners.get(ref.id);
    if (owner !== undefined && owner !== ref.author) {
      return { ok: false, reason: "The change reuses the id of someone else's suggestion." };
    }
  }
  const ids = new Set<string>();
  let duplicate = false;
  after.forEach((block) => {
    const id = String(block.attrs.id);
    if (ids.has(id)) duplicate = true;
    ids.add(id);
  });
  if (duplicate) return { ok: false, reason: "The change gives two paragraphs the same id." };
  const othersBefore = othersInOwnProposals(before, suggester);
  for (const [blockId, pieces] of othersInOwnProposals(after, suggester)) {
    if (pieces !== (othersBefore.get(blockId) ?? "[]")) {
      return { ok: false, reason: "The change edits someone else's suggestion inside your proposed paragraph." };
    }
  }
  if (!withoutOwnSuggestions(before, suggester).eq(withoutOwnSuggestions(after, suggester))) {
    return { ok: false, reason: "The change edits text outside your own suggestions." };
  }
  return { ok: true };
}
