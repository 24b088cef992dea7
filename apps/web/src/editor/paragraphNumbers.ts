import { numberDocument } from "@plenary/schema";
import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { sameBlockStructure } from "./blockStructure.ts";

interface NumbersState {
  /** The label of each top-level block ("PP 3", "OP 12" or null), by index. */
  labels: readonly (string | null)[];
  decorations: DecorationSet;
}

/** Key of the plugin that draws paragraph numbers; its state holds the current labels. */
export const paragraphNumbersKey = new PluginKey<NumbersState>("paragraphNumbers");

/**
 * Draws each numbered paragraph's label ("PP 3", "OP 12") in the margin, as a
 * `data-label` attribute that the style sheet shows. Numbers come from
 * `numberDocument` and are recomputed only when the top-level block structure
 * changes (a paragraph added, removed, moved or re-kinded), by anyone, so they
 * stay live for everybody without costing anything per keystroke.
 */
export const ParagraphNumbers = Extension.create({
  name: "paragraphNumbers",
  addProseMirrorPlugins() {
    return [paragraphNumbersPlugin()];
  },
});

/** The ProseMirror plugin behind {@link ParagraphNumbers}. */
export function paragraphNumbersPlugin(): Plugin<NumbersState> {
  return new Plugin<NumbersState>({
    key: paragraphNumbersKey,
    state: {
      init: (_, state) => numbersOf(state.doc),
      apply: (tr, value, oldState, newState) => nextNumbers(tr, value, oldState.doc, newState.doc),
    },
    props: {
      decorations: (state) => paragraphNumbersKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

function nextNumbers(tr: Transaction, value: NumbersState, oldDoc: PMNode, newDoc: PMNode): NumbersState {
  if (!tr.docChanged) return value;
  if (!sameBlockStructure(oldDoc, newDoc)) return numbersOf(newDoc);
  // A remote change replaces the whole document in one step, which would drop mapped
  // node decorations; the labels are unchanged, so redraw them without renumbering.
  if (isChangeOrigin(tr)) return { labels: value.labels, decorations: decorationsOf(newDoc, value.labels) };
  return { labels: value.labels, decorations: value.decorations.map(tr.mapping, newDoc) };
}

function numbersOf(doc: PMNode): NumbersState {
  const labels = numberDocument(doc).map((block) => block.label);
  return { labels, decorations: decorationsOf(doc, labels) };
}

function decorationsOf(doc: PMNode, labels: readonly (string | null)[]): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, offset, index) => {
    const label = labels[index];
    if (!label) return;
    decorations.push(Decoration.node(offset, offset + node.nodeSize, { class: "pl-numbered", "data-label": label }));
  });
  return DecorationSet.create(doc, decorations);
}
