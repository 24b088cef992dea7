import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { blockSuggestion, isOwn, refOfMark, type Suggester, suggestionMark } from "./refs.ts";
import { type IdSource, SUGGESTED } from "./suggest.ts";

/**
 * Proposes deleting the whole top-level block at (or around) `pos`: its base
 * text is marked deleted and the block carries a deletion suggestion, both
 * under one new suggestion id, so accepting removes the block and rejecting
 * restores it. What the suggester had inserted in it is dropped; what others
 * proposed in it is left alone. On one's own proposed paragraph it withdraws
 * the proposal. Returns null when the block is someone else's proposal or is
 * already proposed for deletion. Throws a RangeError for a position outside
 * the document.
 */
export function proposeBlockDeletion(
  state: EditorState,
  pos: number,
  suggester: Suggester,
  ids: IdSource,
): Transaction | null {
  const { doc } = state;
  if (pos < 0 || pos > doc.content.size) throw new RangeError(`Position ${pos} out of range`);
  const found = topLevelBlockAt(doc, pos);
  if (!found) return null;
  const { block, start } = found;
  const tr = state.tr;
  const whole = blockSuggestion(block);
  if (whole) {
    if (whole.type !== "insertion" || !isOwn(whole, suggester)) return null;
    tr.delete(start, start + block.nodeSize);
    return tr.setMeta(SUGGESTED, true);
  }

  const id = ids.suggestionId();
  const deletion = doc.type.schema.marks.deletion!.create({ id, ...suggester });
  const ownInsertions: { from: number; to: number }[] = [];
  block.forEach((node, offset) => {
    if (!node.isText) return;
    const from = start + 1 + offset;
    const to = from + node.nodeSize;
    const mark = suggestionMark(node);
    if (!mark) tr.addMark(from, to, deletion);
    else if (mark.type.name === "insertion" && isOwn(refOfMark(mark), suggester)) ownInsertions.push({ from, to });
  });
  for (const range of ownInsertions.reverse()) tr.delete(range.from, range.to);
  tr.setNodeAttribute(tr.mapping.map(start), "suggestion", { type: "deletion", id, ...suggester });
  return tr.setMeta(SUGGESTED, true);
}

// The block that contains `pos`, or the one right after it when `pos` sits between blocks.
function topLevelBlockAt(doc: PMNode, pos: number): { block: PMNode; start: number } | null {
  const $pos = doc.resolve(pos);
  if ($pos.depth >= 1) return { block: $pos.node(1), start: $pos.before(1) };
  const after = $pos.nodeAfter ?? $pos.nodeBefore;
  if (!after) return null;
  return { block: after, start: $pos.nodeAfter ? pos : pos - after.nodeSize };
}
