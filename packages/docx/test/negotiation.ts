import { type DocJSON, doc, i, op, type ParagraphKind, pp, section, withId } from "@plenary/schema";
import type { JSONContent } from "@tiptap/core";
import type { SuggestionDetails } from "../src/index.ts";

/** Kenya's and Brazil's delegates, as the server would name them in Word. */
export const PEOPLE: Record<string, SuggestionDetails> = {
  "party-kenya": { author: "Kenya (Joseph Mwangi)", date: "2026-03-02T09:15:30.123Z" },
  "party-brazil": { author: "Brazil (Ana Souza)", date: "2026-03-03T14:00:00.000Z" },
};

const RATIONALES: Record<string, string> = { k1: "Urgency is the point of this paragraph." };

/** How the tests describe a suggestion: its party's author line and date, and its rationale as the comment. */
export const describeSuggestion = (ref: { id: string; party: string }): SuggestionDetails => ({
  ...PEOPLE[ref.party]!,
  comment: RATIONALES[ref.id] ?? null,
});

const ref = (id: string, party: string) => ({ id, author: `user-${party}`, party });

/** Text proposed for insertion by `party` under suggestion `id`. */
export const ins = (text: string, id: string, party: string): JSONContent => ({
  type: "text",
  text,
  marks: [{ type: "insertion", attrs: ref(id, party) }],
});

/** Text proposed for deletion by `party` under suggestion `id`. */
export const del = (text: string, id: string, party: string): JSONContent => ({
  type: "text",
  text,
  marks: [{ type: "deletion", attrs: ref(id, party) }],
});

/** A whole paragraph proposed (insertion) or struck (deletion) by `party`. */
export function proposed(
  type: "insertion" | "deletion",
  kind: ParagraphKind,
  blockId: string,
  text: string,
  id: string,
  party: string,
): JSONContent {
  const block = withId((kind === "pp" ? pp : op)(text), blockId);
  return { ...block, attrs: { ...block.attrs, suggestion: { type, ...ref(id, party) } } };
}

/** A short draft with pending suggestions by two delegations: words, a new paragraph and a struck one. */
export const NEGOTIATION: DocJSON = doc(
  withId(section("Preamble"), "s1"),
  withId(pp(i("Recalling"), " its resolution 70/1 of 25 September 2015;"), "p1"),
  withId(pp(i("Welcoming"), " the inputs of ", del("all ", "b1", "party-brazil"), "stakeholders;"), "p2"),
  withId(section("Operative part"), "s2"),
  withId(op(i("Decides"), " to act ", ins("urgently ", "k1", "party-kenya"), "on the digital divide;"), "o1"),
  proposed("insertion", "op", "o2", "Requests the Secretary-General to report annually;", "k2", "party-kenya"),
  proposed("deletion", "op", "o3", "Invites all States to consider the matter;", "b2", "party-brazil"),
  withId(op("Decides to remain seized of the matter."), "o4"),
);
