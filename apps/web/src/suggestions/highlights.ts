import type { SuggestionRef } from "@plenary/schema";
import { blockSuggestion, refOfMark, suggestionMark } from "@plenary/suggestions";
import type { Node as PMNode } from "@tiptap/pm/model";

/** One piece of a suggestion in a top-level block: a run of marked text, or the whole block. */
export interface Highlight {
  /** Positions relative to the block's start (the position right before it). */
  from: number;
  to: number;
  type: "insertion" | "deletion";
  /** Whether the piece is the block itself (a proposed or struck paragraph). */
  block: boolean;
  ref: SuggestionRef;
  /** The marked text ("" for the block itself). */
  text: string;
}

/** The suggestion pieces of a top-level block, in order; positions relative to the block's start. */
export function highlightsOfBlock(block: PMNode): Highlight[] {
  const highlights: Highlight[] = [];
  const whole = blockSuggestion(block);
  if (whole) {
    const { type, ...ref } = whole;
    highlights.push({ from: 0, to: block.nodeSize, type, block: true, ref, text: "" });
  }
  block.forEach((node, offset) => {
    const mark = node.isText ? suggestionMark(node) : undefined;
    if (!mark) return;
    const ref = refOfMark(mark);
    const type = mark.type.name === "insertion" ? "insertion" : "deletion";
    const last = highlights.at(-1);
    const from = 1 + offset;
    // Text split only by other marks (bold, italic) is one piece.
    const text = node.text ?? "";
    if (last && !last.block && last.to === from && last.type === type && last.ref.id === ref.id) {
      last.to = from + node.nodeSize;
      last.text += text;
    } else highlights.push({ from, to: from + node.nodeSize, type, block: false, ref, text });
  });
  return highlights;
}

const cache = new WeakMap<PMNode, readonly Highlight[]>();

/**
 * {@link highlightsOfBlock}, remembered for each version of a block: blocks are
 * immutable and Yjs keeps the unchanged ones, so after a change only the
 * changed blocks are looked at again.
 */
export function cachedHighlights(block: PMNode): readonly Highlight[] {
  let pieces = cache.get(block);
  if (!pieces) {
    pieces = highlightsOfBlock(block);
    cache.set(block, pieces);
  }
  return pieces;
}

/** A pending suggestion as the live text shows it: where it starts, its text, and its paragraphs' labels. */
export interface InText {
  id: string;
  author: string;
  party: string;
  /** Position of its first piece. */
  from: number;
  inserted: string;
  deleted: string;
  /** The paragraphs it touches, in order, with their labels ("OP 3"; null when unnumbered). */
  blocks: { id: string; label: string | null }[];
}

/**
 * Every pending suggestion in the live text, in document order, with the labels
 * of its paragraphs (`labels` gives each top-level block's, by index). Costs one
 * look at each block's remembered pieces.
 */
export function suggestionsInText(doc: PMNode, labels: readonly (string | null)[]): InText[] {
  const found = new Map<string, InText>();
  doc.forEach((block, start, index) => {
    const here = { id: String(block.attrs.id ?? ""), label: labels[index] ?? null };
    for (const piece of cachedHighlights(block)) {
      let entry = found.get(piece.ref.id);
      if (!entry) {
        entry = { ...piece.ref, from: start + piece.from, inserted: "", deleted: "", blocks: [] };
        found.set(piece.ref.id, entry);
      }
      if (piece.type === "insertion") entry.inserted += piece.text;
      else entry.deleted += piece.text;
      if (entry.blocks.at(-1)?.id !== here.id) entry.blocks.push(here);
    }
  });
  return [...found.values()];
}

/**
 * The suggestion at a position: the marked text the position touches (the text
 * after it first), else the suggestion of the block it is in; null outside any.
 */
export function suggestionAt(doc: PMNode, pos: number): SuggestionRef | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (const node of [$pos.nodeAfter, $pos.nodeBefore]) {
    const mark = node?.isText ? suggestionMark(node) : undefined;
    if (mark) return refOfMark(mark);
  }
  const whole = $pos.depth >= 1 ? blockSuggestion($pos.node(1)) : undefined;
  if (!whole) return null;
  const { type: _type, ...ref } = whole;
  return ref;
}

/** A suggestion's place in the text, for moving between suggestions. */
export interface Located {
  id: string;
  from: number;
}

/**
 * The suggestion to move to from the current one (or from the caret when the
 * current one is not among `items`), going forward or back, wrapping round at
 * either end. `items` are in document order; null when there are none.
 */
export function adjacentSuggestion(
  items: readonly Located[],
  current: { id: string | null; pos: number },
  direction: 1 | -1,
): Located | null {
  if (items.length === 0) return null;
  const index = current.id === null ? -1 : items.findIndex((item) => item.id === current.id);
  if (index !== -1) return items[(index + direction + items.length) % items.length]!;
  if (direction === 1) return items.find((item) => item.from > current.pos) ?? items[0]!;
  return items.findLast((item) => item.from < current.pos) ?? items.at(-1)!;
}
