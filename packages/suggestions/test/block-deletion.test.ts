import { b, type DocJSON, parseDocJSON } from "@plenary/schema";
import type { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import {
  collectSuggestions,
  decided,
  proposeBlockDeletion,
  SUGGESTED,
  type Suggester,
  validateSuggesterChange,
} from "../src/index.ts";
import { A, B, counterIds, del, doc, ins, node, op, pp, proposed, section, state, struck } from "./builders.ts";

/**
 * Proposes deleting the block at the `<a>` tag of `json` as `who`, and checks
 * the result four ways: a legal change for the suggester, undone by its
 * inverse steps, unchanged by a JSON round trip, and tagged as suggested.
 */
function propose(json: DocJSON, who: Suggester): EditorState | null {
  const start = state(json);
  const tr = proposeBlockDeletion(start, start.selection.head, who, counterIds());
  if (!tr) return null;
  const next = start.apply(tr);
  expect(validateSuggesterChange(start.doc, next.doc, who)).toEqual({ ok: true });
  let undone = next.doc;
  for (let i = tr.steps.length - 1; i >= 0; i--) undone = tr.steps[i]!.invert(tr.docs[i]!).apply(undone).doc!;
  expect(undone.eq(start.doc)).toBe(true);
  expect(parseDocJSON(next.doc.toJSON()).eq(next.doc)).toBe(true);
  expect(tr.getMeta(SUGGESTED)).toBe(true);
  return next;
}

const expectDoc = (actual: EditorState | null, json: DocJSON) =>
  expect(actual?.doc.toJSON()).toEqual(node(json).toJSON());

describe("proposing to delete a whole paragraph", () => {
  it("marks its text deleted and the paragraph itself proposed for deletion, under one id", () => {
    const after = propose(doc(pp("p1", "Recalling"), op("o1", "Calls <a>upon States")), A);
    expectDoc(after, doc(pp("p1", "Recalling"), struck(op("o1", del("Calls upon States", A, "s1")), A, "s1")));
    expect(collectSuggestions(after!.doc)).toMatchObject([
      { id: "s1", kind: "block-deletion", blockIds: ["o1"], deleted: "Calls upon States" },
    ]);
  });

  it("keeps the formatting of the text it marks", () => {
    const after = propose(doc(op("o1", b("Decides<a>"), " to act")), A);
    const bold = { type: "text", text: "Decides", marks: [{ type: "bold" }, del("", A, "s1").marks![0]!] };
    expectDoc(after, doc(struck(op("o1", bold, del(" to act", A, "s1")), A, "s1")));
  });

  it("drops one's own inserted text and leaves what others proposed in the paragraph", () => {
    const start = doc(op("o1", "Calls <a>upon ", ins("all ", A, "a1"), ins("Member ", B, "b1"), "States"));
    const after = propose(start, A);
    expectDoc(
      after,
      doc(struck(op("o1", del("Calls upon ", A, "s1"), ins("Member ", B, "b1"), del("States", A, "s1")), A, "s1")),
    );
  });

  it("works on a section heading", () => {
    const after = propose(doc(section("h1", "Follow<a>-up"), op("o1", "Decides")), A);
    expectDoc(after, doc(struck(section("h1", del("Follow-up", A, "s1")), A, "s1"), op("o1", "Decides")));
  });

  it("withdraws one's own proposed paragraph", () => {
    const after = propose(doc(op("o1", "Decides"), proposed(op("n1", ins("Ur<a>ges", A, "a1")), A, "a1")), A);
    expectDoc(after, doc(op("o1", "Decides")));
  });

  it("does nothing to someone else's proposed paragraph, or one already proposed for deletion", () => {
    expect(propose(doc(op("o1", "Decides"), proposed(op("n1", ins("Ur<a>ges", B, "b1")), B, "b1")), A)).toBeNull();
    expect(propose(doc(struck(op("o1", del("Dec<a>ides", B, "b1")), B, "b1")), A)).toBeNull();
  });

  it("is undone by rejecting it and carried out by accepting it", () => {
    const original = doc(pp("p1", "Recalling"), op("o1", "Calls <a>upon States"));
    const after = propose(original, A)!;
    expect(decided(after.doc, "s1", "reject").toJSON()).toEqual(node(original).toJSON());
    expect(decided(after.doc, "s1", "accept").toJSON()).toEqual(node(doc(pp("p1", "Recalling"))).toJSON());
  });

  it("refuses a position outside the document", () => {
    const start = state(doc(op("o1", "Decides")));
    expect(() => proposeBlockDeletion(start, 99, A, counterIds())).toThrow(RangeError);
  });
});
