export { proposeBlockDeletion } from "./block-deletion.ts";
export { collectSuggestions, type FoundSuggestion, type SuggestionKind } from "./collect.ts";
export {
  acceptAll,
  type Decision,
  decide,
  decided,
  rejectAll,
  SuggestionNotFoundError,
  suggestionIds,
} from "./decide.ts";
export { blockSuggestion, isOwn, refOfMark, type Suggester, suggestionMark } from "./refs.ts";
export { type IdSource, SUGGESTED, suggestTransaction } from "./suggest.ts";
export { suggestionRefs, type Validation, validateSuggesterChange, withoutOwnSuggestions } from "./validate.ts";
