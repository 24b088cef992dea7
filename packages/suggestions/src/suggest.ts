import type { SuggestionRef } from "@plenary/schema";
import { Fragment, type Mark, type Node as PMNode, type Schema, type Slice } from "@tiptap/pm/model";
import { type EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { ReplaceStep, type Step } from "@tiptap/pm/transform";
import { blockSuggestion, isOwn, refOfMark, type Suggester, suggestionMark } from "./refs.ts";

/** Meta key set on transactions made by {@link suggestTransaction}, so they are not transformed twice. */
export const SUGGESTED = "plenary-suggested";

/** Ids for new suggestions and new blocks; injected so tests are reproducible. */
export interface IdSource {
  suggestionId(): string;
  blockId(): string;
}

/**
 * Turns an editing transaction into a suggestion: deleted text is kept and
 * marked as a deletion, inserted text is marked as an insertion, both carrying
 * the suggester's id and party. Deleting one's own proposed text removes it;
 * other people's suggestions are left untouched. Typing next to one's own
 * insertion extends that suggestion rather than starting another; a new line
 * proposes a new paragraph after the current one. Steps that are not text
 * replacements (formatting, paragraph kinds, joins) are dropped. Returns null
 * when nothing of the transaction can be suggested.
 */
export function suggestTransaction(
  state: EditorState,
  original: Transaction,
  suggester: Suggester,
  ids: IdSource,
): Transaction | null {
  const tr = state.tr;
  let cursor: number | undefined;
  for (const [index, step] of original.steps.entries()) {
    const rebased = rebase(step, original.steps.slice(0, index), tr);
    if (!(rebased instanceof ReplaceStep)) continue;
    const result = suggestReplace(tr, rebased, state.selection.head, suggester, ids);
    if (result !== undefined) cursor = result;
  }
  if (!tr.docChanged) return null;
  if (cursor !== undefined) tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(cursor, tr.doc.content.size))));
  tr.setMeta(SUGGESTED, true);
  tr.setMeta("inputType", original.getMeta("inputType"));
  return tr;
}

// A step of the original transaction, moved back to the state it started from and onto what we built so far.
function rebase(step: Step, previous: readonly Step[], tr: Transaction): Step | null {
  let moved: Step | null = step;
  for (const prior of [...previous].reverse()) moved = moved?.map(prior.getMap().invert()) ?? null;
  return moved?.map(tr.mapping) ?? null;
}

interface TextPiece {
  from: number;
  to: number;
  node: PMNode;
}

function textPieces(doc: PMNode, from: number, to: number): TextPiece[] {
  const pieces: TextPiece[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    pieces.push({ from: Math.max(from, pos), to: Math.min(to, pos + node.nodeSize), node });
    return false;
  });
  return pieces;
}

/** The suggester's own suggestion mark of the given type right before or after `pos`, if any. */
function ownMarkAround(doc: PMNode, pos: number, type: string, suggester: Suggester): SuggestionRef | undefined {
  const $pos = doc.resolve(pos);
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    const mark = node?.isText ? suggestionMark(node) : undefined;
    if (mark && mark.type.name === type && isOwn(refOfMark(mark), suggester)) return refOfMark(mark);
  }
  return undefined;
}

/** The suggester's own proposed block around `pos`: text typed into it belongs to that proposal. */
function ownProposedBlock(doc: PMNode, pos: number, suggester: Suggester): SuggestionRef | undefined {
  const block = doc.resolve(pos).node(1);
  const whole = block ? blockSuggestion(block) : undefined;
  return whole?.type === "insertion" && isOwn(whole, suggester) ? whole : undefined;
}

function markOf(schema: Schema, type: "insertion" | "deletion", ref: SuggestionRef): Mark {
  return schema.marks[type]!.create({ id: ref.id, author: ref.author, party: ref.party });
}

// Applies one replace step as a suggestion; returns where the cursor should go.
function suggestReplace(
  tr: Transaction,
  step: ReplaceStep,
  headBefore: number,
  suggester: Suggester,
  ids: IdSource,
): number | undefined {
  const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
  const schema = tr.doc.type.schema;
  const firstStep = tr.steps.length;
  const mapHere = (pos: number, assoc: number) => tr.mapping.slice(firstStep).map(pos, assoc);
  let suggestionId: string | undefined;
  let insertAt = to;

  if (to > from) {
    const existing =
      ownMarkAround(tr.doc, from, "deletion", suggester) ?? ownMarkAround(tr.doc, to, "deletion", suggester);
    suggestionId = existing?.id ?? ids.suggestionId();
    const ref = { id: suggestionId, ...suggester };
    const own: TextPiece[] = [];
    for (const piece of textPieces(tr.doc, from, to)) {
      const mark = suggestionMark(piece.node);
      if (!mark) tr.addMark(piece.from, piece.to, markOf(schema, "deletion", ref));
      else if (mark.type.name === "insertion" && isOwn(refOfMark(mark), suggester)) own.push(piece);
    }
    for (const piece of own.reverse()) tr.delete(piece.from, piece.to);
    insertAt = mapHere(to, 1);
  }

  if (slice.size === 0) {
    if (to === from) return undefined;
    // Backspace leaves the cursor before the struck text; Delete moves it past.
    return headBefore <= from ? insertAt : mapHere(from, -1);
  }
  return insertSlice(tr, insertAt, slice, suggester, ids, suggestionId);
}

function insertSlice(
  tr: Transaction,
  at: number,
  slice: Slice,
  suggester: Suggester,
  ids: IdSource,
  replacementId: string | undefined,
): number {
  const schema = tr.doc.type.schema;
  // A step that replaces whole blocks (pasting a blank line and more into an empty paragraph does)
  // lands between blocks: every block with text that it brings is proposed there, keeping its kind.
  if (!tr.doc.resolve(at).parent.isTextblock) {
    const proposals: Proposal[] = [];
    slice.content.forEach((block) => {
      const kind = block.type.name === "paragraph" ? block.attrs.kind : "plain";
      if (block.content.size > 0) proposals.push({ content: block.content, kind });
    });
    return proposeBlocks(tr, at, proposals, suggester, ids);
  }

  const blocks: Fragment[] = [];
  if (slice.content.firstChild?.isInline) blocks.push(slice.content);
  else {
    slice.content.forEach((block) => {
      blocks.push(block.content);
    });
  }

  const [first, ...rest] = blocks;
  let cursor = at;
  if (first && first.size > 0) {
    const continuing = ownMarkAround(tr.doc, at, "insertion", suggester) ?? ownProposedBlock(tr.doc, at, suggester);
    const ref = { id: replacementId ?? continuing?.id ?? ids.suggestionId(), ...suggester };
    const inline = markAll(first, markOf(schema, "insertion", ref));
    tr.insert(at, inline);
    cursor = at + inline.size;
  }
  if (rest.length === 0) return cursor;

  // Further blocks are proposed as new paragraphs of the current one's kind, after it.
  const $at = tr.doc.resolve(cursor);
  const current = $at.parent;
  const kind = current.type.name === "paragraph" ? current.attrs.kind : "plain";
  return proposeBlocks(
    tr,
    $at.after(),
    rest.map((content) => ({ content, kind })),
    suggester,
    ids,
  );
}

interface Proposal {
  content: Fragment;
  kind: string;
}

// Inserts each proposal at `at` as a new paragraph, a suggestion of its own; returns the end of the last.
function proposeBlocks(tr: Transaction, at: number, proposals: Proposal[], suggester: Suggester, ids: IdSource) {
  const schema = tr.doc.type.schema;
  let cursor = at;
  let after = at;
  for (const { content, kind } of proposals) {
    const blockRef = { id: ids.suggestionId(), ...suggester };
    const block = schema.nodes.paragraph!.create(
      { id: ids.blockId(), kind, suggestion: { type: "insertion", ...blockRef } },
      markAll(content, markOf(schema, "insertion", blockRef)),
    );
    tr.insert(after, block);
    cursor = after + 1 + block.content.size;
    after += block.nodeSize;
  }
  return cursor;
}

// Inline content with every suggestion mark replaced by `mark`.
function markAll(content: Fragment, mark: Mark): Fragment {
  const nodes: PMNode[] = [];
  content.forEach((node) => {
    if (!node.isInline) return;
    const marks = node.marks.filter((m) => m.type.name !== "insertion" && m.type.name !== "deletion");
    nodes.push(node.mark(mark.addToSet(marks)));
  });
  return Fragment.from(nodes);
}
