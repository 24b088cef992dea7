import { parseDocJSON } from "@plenary/schema";
import { splitBlock } from "@tiptap/pm/commands";
import { Fragment, type Node as PMNode, Slice } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import fc from "fast-check";
import { type Suggester, suggestTransaction } from "../src/index.ts";
import { A, B, C, counterIds, doc, op, pp, section } from "./builders.ts";

// Random negotiations for the property tests: a document of sections and PP/OP
// paragraphs, and a sequence of edits by several suggesters, each edit made as
// an ordinary editor transaction and passed through suggestion mode.

/** The suggesters of the random negotiations. */
export const SUGGESTERS: readonly Suggester[] = [A, B, C];

const WORDS = ["Calls", "upon", "all", "States", "to", "ensure", "the", "Assembly", "decides", "further", "Member"];
const word = fc.constantFrom(...WORDS);
const words = (max: number) => fc.array(word, { maxLength: max }).map((list) => list.join(" "));

/** A random document of one to five blocks; block i has the id "o{i}". */
export const randomDocument: fc.Arbitrary<PMNode> = fc
  .array(fc.tuple(fc.constantFrom(section, pp, op, op), words(6)), { minLength: 1, maxLength: 5 })
  .map((blocks) => parseDocJSON(doc(...blocks.map(([make, text], index) => make(`o${index}`, text)))));

/** One edit a suggester makes; positions are picked among the text positions of the document at that moment. */
export interface RandomEdit {
  who: number;
  kind: "type" | "delete" | "enter" | "replace" | "paste";
  at: number;
  length: number;
  backward: boolean;
  text: string;
}

const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  who: fc.nat(SUGGESTERS.length - 1),
  kind: fc.constantFrom("type", "type", "type", "delete", "delete", "delete", "enter", "replace", "paste"),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 8 }),
  backward: fc.boolean(),
  text: words(2).map((text) => (text === "" ? "x" : ` ${text}`)),
});

/** A random sequence of edits. */
export const randomEdits = fc.array(randomEdit, { minLength: 1, maxLength: 16 });

/** Every position inside a textblock, in document order. */
export function textPositions(doc: PMNode): number[] {
  const positions: number[] = [];
  doc.forEach((block, offset) => {
    for (let pos = offset + 1; pos <= offset + 1 + block.content.size; pos++) positions.push(pos);
  });
  return positions;
}

// The state a person's edit starts from (the selection where the edit happens) and the transaction it makes.
function editOf(current: EditorState, edit: RandomEdit): { start: EditorState; tr: Transaction } | null {
  const positions = textPositions(current.doc);
  const at = positions[edit.at % positions.length]!;
  const end = Math.min(at + edit.length, current.doc.resolve(at).end());
  const select = (anchor: number, head: number) =>
    current.apply(current.tr.setSelection(TextSelection.create(current.doc, anchor, head)));
  switch (edit.kind) {
    case "type": {
      const start = select(at, at);
      return { start, tr: start.tr.insertText(edit.text) };
    }
    case "delete": {
      if (end === at) return null;
      const start = edit.backward ? select(end, at) : select(at, end);
      return { start, tr: start.tr.delete(at, end) };
    }
    case "replace": {
      const start = select(at, end);
      return { start, tr: start.tr.insertText(edit.text) };
    }
    case "enter": {
      const start = select(at, at);
      let tr: Transaction | null = null;
      splitBlock(start, (made) => {
        tr = made;
      });
      return tr && { start, tr };
    }
    case "paste": {
      const schema = current.schema;
      const paragraphs = edit.text
        .trim()
        .split(" ")
        .map((text) => schema.nodes.paragraph!.create({ kind: "op" }, schema.text(text)));
      const slice = new Slice(Fragment.from([schema.nodes.paragraph!.create({ kind: "op" }), ...paragraphs]), 1, 1);
      const start = select(at, end);
      return { start, tr: start.tr.replaceSelection(slice) };
    }
  }
}

/** One edit as it was suggested: the document before and after, and who made it. */
export interface SuggestedEdit {
  who: Suggester;
  before: PMNode;
  after: PMNode;
}

/** Plays `edits` on `original` in suggestion mode; edits that cannot be suggested are skipped. */
export function play(original: PMNode, edits: readonly RandomEdit[]): { final: PMNode; suggested: SuggestedEdit[] } {
  const ids = counterIds();
  let current = EditorState.create({ doc: original });
  const suggested: SuggestedEdit[] = [];
  for (const edit of edits) {
    const who = SUGGESTERS[edit.who]!;
    const made = editOf(current, edit);
    const tr = made && suggestTransaction(made.start, made.tr, who, ids);
    if (!made || !tr) continue;
    const next = made.start.apply(tr);
    suggested.push({ who, before: current.doc, after: next.doc });
    current = next;
  }
  return { final: current.doc, suggested };
}
