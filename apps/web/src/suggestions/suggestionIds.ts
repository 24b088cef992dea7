import { newBlockId } from "@plenary/schema";
import type { IdSource } from "@plenary/suggestions";

/**
 * A new suggestion id: "s" and twelve random base-36 characters. Random, never
 * sequential, so that people suggesting offline at the same time cannot collide
 * and nobody can guess the next id.
 */
export function newSuggestionId(): string {
  return `s${newBlockId()}`;
}

/** Random ids for new suggestions and for the paragraphs they propose. */
export const randomIds: IdSource = { suggestionId: newSuggestionId, blockId: () => newBlockId() };
