import type { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { blockSuggestion, refOfMark, suggestionMark } from "./refs.ts";

/** What deciding a suggestion does to the text. */
export type Decision = "accept" | "reject";

/** Thrown when a suggestion id is not in the document. */
export class SuggestionNotFoundError extends Error {
  override name = "SuggestionNotFoundError";
}

interface Piece {
  from: number;
  to: number;
  /** "mark": drop the suggestion mark; "remove": delete the range; "unmark-block": clear the block's suggestion. */
  action: "unmark" | "remove" | "unmark-block";
}

/**
 * Decides one suggestion on a transform: accepting keeps insertions and
 * removes what was proposed for deletion; rejecting does the opposite. Other
 * suggestions are left as they are. Throws {@link SuggestionNotFoundError}
 * when the id is not in the document.
 */
export function decide(tr: Transform, id: string, decision: Decision): Transform {
  if (!decideIfPresent(tr, id, decision)) throw new SuggestionNotFoundError(`No suggestion "${id}" in the document`);
  return tr;
}

// Returns false when the id is not (or no longer) in the document: a suggestion
// can disappear with a block that another decision removed.
function decideIfPresent(tr: Transform, id: string, decision: Decision): boolean {
  const pieces = piecesOf(tr.doc, id, decision);
  if (pieces.length === 0) return false;
  // Last to first, so that earlier positions stay valid.
  for (const piece of pieces.sort((a, b) => b.from - a.from)) {
    if (piece.action === "remove") tr.delete(piece.from, piece.to);
    else if (piece.action === "unmark-block") tr.setNodeAttribute(piece.from, "suggestion", null);
    else {
      for (const name of ["insertion", "deletion"]) tr.removeMark(piece.from, piece.to, tr.doc.type.schema.marks[name]);
    }
  }
  return true;
}

function piecesOf(doc: PMNode, id: string, decision: Decision): Piece[] {
  const pieces: Piece[] = [];
  doc.forEach((block, offset) => {
    const whole = blockSuggestion(block);
    if (whole?.id === id) {
      const keep = (whole.type === "insertion") === (decision === "accept");
      pieces.push({ from: offset, to: offset + block.nodeSize, action: keep ? "unmark-block" : "remove" });
      if (!keep) return;
    }
    block.descendants((node, pos) => {
      const mark = node.isText ? suggestionMark(node) : undefined;
      if (!mark || refOfMark(mark).id !== id) return;
      const from = offset + 1 + pos;
      const keep = (mark.type.name === "insertion") === (decision === "accept");
      pieces.push({ from, to: from + node.nodeSize, action: keep ? "unmark" : "remove" });
    });
  });
  return mergeAdjacent(pieces);
}

function mergeAdjacent(pieces: Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && last.action === piece.action && piece.action !== "unmark-block" && last.to === piece.from)
      last.to = piece.to;
    else merged.push({ ...piece });
  }
  return merged;
}

/** The document with one suggestion decided. */
export function decided(doc: PMNode, id: string, decision: Decision): PMNode {
  return decide(new Transform(doc), id, decision).doc;
}

/** Every suggestion id in the document, in document order. */
export function suggestionIds(doc: PMNode): string[] {
  const ids = new Set<string>();
  doc.forEach((block) => {
    const whole = blockSuggestion(block);
    if (whole) ids.add(whole.id);
    block.descendants((node) => {
      const mark = node.isText ? suggestionMark(node) : undefined;
      if (mark) ids.add(refOfMark(mark).id);
    });
  });
  return [...ids];
}

/** The text as if every pending suggestion were accepted. */
export function acceptAll(doc: PMNode): PMNode {
  return decideAll(doc, "accept");
}

/** The original text: as if every pending suggestion were rejected. */
export function rejectAll(doc: PMNode): PMNode {
  return decideAll(doc, "reject");
}

function decideAll(doc: PMNode, decision: Decision): PMNode {
  const tr = new Transform(doc);
  for (const id of suggestionIds(doc)) decideIfPresent(tr, id, decision);
  return tr.doc;
}
