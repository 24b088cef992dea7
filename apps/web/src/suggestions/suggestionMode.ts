import { type IdSource, proposeBlockDeletion, type Suggester, suggestTransaction } from "@plenary/suggestions";
import { type Editor, Extension } from "@tiptap/core";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { type EditMode, passesThrough } from "./editMode.ts";
import { randomIds } from "./suggestionIds.ts";

/** Who is typing, and how their typing changes the text. */
export interface TypingAs {
  mode: EditMode;
  /** The signed-in person and their party; null when nobody is signed in. */
  suggester: Suggester | null;
}

/** Options of {@link SuggestionMode}. */
export interface SuggestionModeOptions {
  /** Read on every transaction, so that switching modes takes effect at once. */
  typingAs: () => TypingAs;
}

/**
 * Suggestion mode: in "suggesting", every edit this person makes (typing,
 * deleting, replacing, pasting, a new line) is turned into a suggestion
 * attributed to them and their party before it reaches the text; what cannot
 * be suggested (formatting, paragraph kinds, joins) is dropped. Changes from
 * others (through Yjs) and changes that already are suggestions pass through.
 */
export const SuggestionMode = Extension.create<SuggestionModeOptions>({
  name: "suggestionMode",
  addOptions() {
    return { typingAs: () => ({ mode: "reading", suggester: null }) };
  },
  dispatchTransaction({ transaction, next }) {
    const outcome = transactionFor(this.editor.state, transaction, this.options.typingAs());
    if (outcome) next(outcome);
  },
});

/**
 * What suggestion mode makes of a transaction: the transaction itself when it
 * passes through (not suggesting, or see `passesThrough`), its suggestion
 * otherwise, or null when nothing of it can be suggested (it is dropped).
 */
export function transactionFor(
  state: EditorState,
  transaction: Transaction,
  { mode, suggester }: TypingAs,
  ids: IdSource = randomIds,
): Transaction | null {
  if (mode !== "suggesting" || suggester === null || passesThrough(transaction)) return transaction;
  const suggested = suggestTransaction(state, transaction, suggester, ids);
  if (suggested && transaction.scrolledIntoView) suggested.scrollIntoView();
  return suggested;
}

/**
 * Proposes deleting the paragraph at the caret, as `suggester`. Returns false
 * when it cannot be proposed (someone else's proposed paragraph, or one
 * already proposed for deletion).
 */
export function proposeDeletingParagraph(editor: Editor, suggester: Suggester): boolean {
  const tr = proposeBlockDeletion(editor.state, editor.state.selection.from, suggester, randomIds);
  if (!tr) return false;
  editor.view.dispatch(tr.scrollIntoView());
  return true;
}
