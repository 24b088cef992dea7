import type { SuggestionView } from "@plenary/protocol";

/** Where a suggestion is, as people cite it: "OP 3", "OP 3, OP 4", or `unnumbered` when no block has a number. */
export function placeOf(suggestion: Pick<SuggestionView, "blocks">, unnumbered: string): string {
  const labels = suggestion.blocks.map((block) => block.label).filter((label): label is string => label !== null);
  return labels.length > 0 ? [...new Set(labels)].join(", ") : unnumbered;
}
