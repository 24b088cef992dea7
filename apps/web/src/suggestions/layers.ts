import type { Party, StakeholderGroup, SuggestionView } from "@plenary/protocol";
import { STAKEHOLDER_GROUPS } from "@plenary/protocol";

/**
 * Which suggestions are highlighted and listed: all of them, those of one
 * stakeholder group ("government" is the Member States and groups of States),
 * those of one party, or one's own. Written as a string so that it fits a
 * `<select>`: "all", "group:civil-society", "party:party-kenya", "mine".
 */
export type LayerKey = "all" | "mine" | `group:${StakeholderGroup}` | `party:${string}`;

/** Which suggestions by their fate: still open, decided (accepted, rejected or withdrawn), or both. */
export type StatusFilter = "pending" | "decided" | "all";

/** Who made a suggestion, as the text carries it. */
export interface Attribution {
  author: string;
  party: string;
}

/** What deciding whether a suggestion is in a layer needs to know. */
export interface LayerContext {
  /** The stakeholder group of a party, when known. */
  groupOf(partyId: string): StakeholderGroup | undefined;
  /** The signed-in person's user id, if any. */
  me: string | null;
}

/** Whether a suggestion by `who` belongs to `layer`. */
export function inLayer(who: Attribution, layer: LayerKey, context: LayerContext): boolean {
  if (layer === "all") return true;
  if (layer === "mine") return context.me !== null && who.author === context.me;
  if (layer.startsWith("party:")) return who.party === layer.slice("party:".length);
  return context.groupOf(who.party) === layer.slice("group:".length);
}

/** Whether a suggestion's status passes the status filter. */
export function hasStatus(status: SuggestionView["status"], filter: StatusFilter): boolean {
  if (filter === "all") return true;
  return filter === "pending" ? status === "pending" : status !== "pending";
}

/** The suggestions of the side panel: in the layer and with the status asked for, in the server's order. */
export function visibleSuggestions(
  suggestions: readonly SuggestionView[],
  layer: LayerKey,
  status: StatusFilter,
  context: LayerContext,
): SuggestionView[] {
  return suggestions.filter(
    (suggestion) =>
      hasStatus(suggestion.status, status) &&
      inLayer({ author: suggestion.author.id, party: suggestion.party.id }, layer, context),
  );
}

/** Reads a layer key from a `<select>`'s value; anything unknown is "all". */
export function parseLayer(value: string): LayerKey {
  if (value === "mine" || value === "all") return value;
  if (value.startsWith("party:") && value.length > "party:".length) return value as LayerKey;
  const group = value.startsWith("group:") ? value.slice("group:".length) : "";
  return group in STAKEHOLDER_GROUPS ? (value as LayerKey) : "all";
}

/** Every party known from the process and from the suggestions (and their supporters and replies), by id. */
export function partiesById(
  processParties: readonly Party[],
  suggestions: readonly SuggestionView[],
): Map<string, Party> {
  const parties = new Map(processParties.map((party) => [party.id, party]));
  for (const suggestion of suggestions) {
    for (const party of [
      suggestion.party,
      ...suggestion.supporters.map((s) => s.party),
      ...suggestion.replies.map((r) => r.party),
    ]) {
      if (!parties.has(party.id)) parties.set(party.id, party);
    }
  }
  return parties;
}

/** The parties that have made suggestions, sorted by name, for the "one party" layers. */
export function suggestingParties(suggestions: readonly SuggestionView[]): Party[] {
  const parties = new Map(suggestions.map((suggestion) => [suggestion.party.id, suggestion.party]));
  return [...parties.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The list with its pending suggestions in the order of the live text (the
 * server's order is that of the text when it answered), then the others as the
 * server ordered them. Returns the list itself when the order is already right.
 */
export function inTextOrder(
  suggestions: readonly SuggestionView[],
  textOrder: readonly string[],
): readonly SuggestionView[] {
  const rank = new Map(textOrder.map((id, index) => [id, index]));
  const rankOf = (suggestion: SuggestionView) =>
    suggestion.status === "pending" ? (rank.get(suggestion.id) ?? textOrder.length) : textOrder.length + 1;
  const sorted = suggestions
    .map((suggestion, index) => ({ suggestion, index }))
    .sort((a, b) => rankOf(a.suggestion) - rankOf(b.suggestion) || a.index - b.index)
    .map(({ suggestion }) => suggestion);
  return sorted.every((suggestion, index) => suggestion === suggestions[index]) ? suggestions : sorted;
}
