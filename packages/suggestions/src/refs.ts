import { isBlockSuggestion, type SuggestionRef } from "@plenary/schema";
import type { Mark, Node as PMNode } from "@tiptap/pm/model";

/** Who makes suggestions: a user and their party. */
export interface Suggester {
  author: string;
  party: string;
}

/** The suggestion mark (insertion or deletion) on an inline node, if any. */
export function suggestionMark(node: PMNode): Mark | undefined {
  return node.marks.find((mark) => mark.type.name === "insertion" || mark.type.name === "deletion");
}

/** The {@link SuggestionRef} a suggestion mark carries. */
export function refOfMark(mark: Mark): SuggestionRef {
  return { id: String(mark.attrs.id), author: String(mark.attrs.author), party: String(mark.attrs.party) };
}

/** Whether a mark or block suggestion belongs to the suggester. */
export function isOwn(ref: SuggestionRef, suggester: Suggester): boolean {
  return ref.author === suggester.author;
}

/** A block's suggestion (proposed insertion or deletion of the whole block), if any. */
export function blockSuggestion(node: PMNode) {
  const value = node.attrs.suggestion;
  return isBlockSuggestion(value) ? value : undefined;
}
