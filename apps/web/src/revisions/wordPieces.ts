import type { WordChangeView } from "@plenary/protocol";

/** One side of a comparison: the older wording (kept and deleted words) or the newer (kept and inserted words). */
export type Side = "old" | "new";

/** A run of words as one side shows it. */
export interface Piece {
  op: WordChangeView["op"];
  text: string;
}

/** The pieces one side shows: the old side keeps equal and deleted words, the new side equal and inserted ones. */
export function piecesOf(changes: readonly WordChangeView[], side: Side): Piece[] {
  const hidden = side === "old" ? "insert" : "delete";
  return changes.filter((change) => change.op !== hidden && change.text !== "");
}

/**
 * One side's pieces cut back into its paragraphs. A comparison row diffs each
 * side's paragraphs joined by one space (two paragraphs for a split or a
 * merge); this cuts at those joins and drops the joining spaces. Null when the
 * pieces do not spell the paragraphs' texts, so that the caller can show the
 * texts without marks rather than marks in the wrong place.
 */
export function piecesByParagraph(
  changes: readonly WordChangeView[],
  side: Side,
  texts: readonly string[],
): Piece[][] | null {
  const pieces = piecesOf(changes, side);
  if (pieces.map((piece) => piece.text).join("") !== texts.join(" ")) return null;
  const ranges: [number, number][] = [];
  let start = 0;
  for (const text of texts) {
    ranges.push([start, start + text.length]);
    start += text.length + 1;
  }
  const result: Piece[][] = texts.map(() => []);
  let at = 0;
  for (const piece of pieces) {
    const end = at + piece.text.length;
    ranges.forEach(([from, to], index) => {
      const cutFrom = Math.max(at, from);
      const cutTo = Math.min(end, to);
      if (cutFrom < cutTo) result[index]!.push({ op: piece.op, text: piece.text.slice(cutFrom - at, cutTo - at) });
    });
    at = end;
  }
  return result;
}

/** Whether a wording has any word inserted or deleted. */
export function hasChanges(changes: readonly WordChangeView[]): boolean {
  return changes.some((change) => change.op !== "equal");
}
