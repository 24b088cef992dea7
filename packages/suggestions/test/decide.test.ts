import { type DocJSON, parseDocJSON } from "@plenary/schema";
import { Transform } from "@tiptap/pm/transform";
import { describe, expect, it } from "vitest";
import { acceptAll, type Decision, decide, decided, rejectAll, SuggestionNotFoundError } from "../src/index.ts";
import { A, B, del, doc, ins, node, op, pp, proposed, struck, tagged } from "./builders.ts";

/**
 * Decides suggestion `id` of `before` and checks it four ways: the result is
 * `expected`; it survives a JSON round trip; the inverted steps give `before`
 * back; and every tag of `before` maps to the same tag in `expected`.
 */
function testDecide(before: DocJSON, id: string, decision: Decision, expected: DocJSON) {
  const start = tagged(before);
  const want = tagged(expected);
  const tr = decide(new Transform(start.node), id, decision);
  expect(tr.doc.toJSON()).toEqual(want.node.toJSON());
  expect(parseDocJSON(tr.doc.toJSON()).eq(tr.doc)).toBe(true);
  let undone = tr.doc;
  for (let i = tr.steps.length - 1; i >= 0; i--) undone = tr.steps[i]!.invert(tr.docs[i]!).apply(undone).doc!;
  expect(undone.eq(start.node)).toBe(true);
  for (const [name, pos] of Object.entries(start.tags)) {
    expect(tr.mapping.map(pos), `tag <${name}>`).toBe(want.tags[name]);
  }
}

describe("deciding an insertion", () => {
  it("keeps the inserted text, unmarked, when accepted", () => {
    testDecide(
      doc(op("o1", "Calls<a> upon ", ins("all", A, "s1"), " States<b>")),
      "s1",
      "accept",
      doc(op("o1", "Calls<a> upon all States<b>")),
    );
  });

  it("leaves the original text when rejected", () => {
    testDecide(
      doc(op("o1", "Calls<a> upon ", ins("all", A, "s1"), " States<b>")),
      "s1",
      "reject",
      doc(op("o1", "Calls<a> upon  States<b>")),
    );
  });
});

describe("deciding a deletion", () => {
  it("removes the text when accepted", () => {
    testDecide(
      doc(op("o1", "Calls<a> ", del("upon ", B, "s1"), "States<b>")),
      "s1",
      "accept",
      doc(op("o1", "Calls<a> States<b>")),
    );
  });

  it("keeps the text, unmarked, when rejected", () => {
    testDecide(
      doc(op("o1", "Calls<a> ", del("upon ", B, "s1"), "States<b>")),
      "s1",
      "reject",
      doc(op("o1", "Calls<a> upon States<b>")),
    );
  });

  it("removes the marked text of every paragraph it spans when accepted", () => {
    testDecide(
      doc(op("o1", "Calls upon<a> ", del("States", B, "s1")), op("o2", del("to", B, "s1"), " act<b>")),
      "s1",
      "accept",
      doc(op("o1", "Calls upon<a> "), op("o2", " act<b>")),
    );
  });
});

describe("deciding a replacement", () => {
  it("puts the new wording in place of the old when accepted", () => {
    testDecide(
      doc(op("o1", "<a>", del("Calls upon", A, "s1"), ins("Urges", A, "s1"), " States<b>")),
      "s1",
      "accept",
      doc(op("o1", "<a>Urges States<b>")),
    );
  });

  it("restores the old wording when rejected", () => {
    testDecide(
      doc(op("o1", "<a>", del("Calls upon", A, "s1"), ins("Urges", A, "s1"), " States<b>")),
      "s1",
      "reject",
      doc(op("o1", "<a>Calls upon States<b>")),
    );
  });
});

describe("deciding a proposed paragraph", () => {
  it("makes it an ordinary paragraph when accepted", () => {
    testDecide(
      doc(op("o1", "Decides<a>"), proposed(op("n1", ins("Requests", A, "s1")), A, "s1"), op("o2", "<b>Urges")),
      "s1",
      "accept",
      doc(op("o1", "Decides<a>"), op("n1", "Requests"), op("o2", "<b>Urges")),
    );
  });

  it("removes it when rejected", () => {
    testDecide(
      doc(op("o1", "Decides<a>"), proposed(op("n1", ins("Requests", A, "s1")), A, "s1"), op("o2", "<b>Urges")),
      "s1",
      "reject",
      doc(op("o1", "Decides<a>"), op("o2", "<b>Urges")),
    );
  });

  it("removes the suggestions made inside it when rejected", () => {
    const before = node(
      doc(op("o1", "Decides"), proposed(op("n1", ins("Requests", A, "s1"), ins(" also", B, "s2")), A, "s1")),
    );
    const after = decided(before, "s1", "reject");
    expect(after.eq(node(doc(op("o1", "Decides"))))).toBe(true);
    expect(() => decided(after, "s2", "accept")).toThrow(SuggestionNotFoundError);
  });
});

describe("deciding a block deletion", () => {
  it("removes the paragraph when accepted", () => {
    testDecide(
      doc(pp("p1", "Recalling<a>"), struck(op("o1", "Decides"), B, "s1"), op("o2", "<b>Urges")),
      "s1",
      "accept",
      doc(pp("p1", "Recalling<a>"), op("o2", "<b>Urges")),
    );
  });

  it("keeps the paragraph, unmarked, when rejected", () => {
    testDecide(
      doc(pp("p1", "Recalling<a>"), struck(op("o1", "Decides"), B, "s1"), op("o2", "<b>Urges")),
      "s1",
      "reject",
      doc(pp("p1", "Recalling<a>"), op("o1", "Decides"), op("o2", "<b>Urges")),
    );
  });
});

describe("deciding one suggestion among others", () => {
  const before = doc(
    op("o1", "Calls ", del("upon", B, "s2"), " ", ins("all", A, "s1"), " States"),
    proposed(op("n1", ins("Urges", B, "s3")), B, "s3"),
  );

  it("leaves the other suggestions as they are when accepting", () => {
    testDecide(
      before,
      "s1",
      "accept",
      doc(op("o1", "Calls ", del("upon", B, "s2"), " all States"), proposed(op("n1", ins("Urges", B, "s3")), B, "s3")),
    );
  });

  it("leaves the other suggestions as they are when rejecting", () => {
    testDecide(
      before,
      "s2",
      "reject",
      doc(op("o1", "Calls upon ", ins("all", A, "s1"), " States"), proposed(op("n1", ins("Urges", B, "s3")), B, "s3")),
    );
  });

  it("throws SuggestionNotFoundError for an id that is not in the document", () => {
    expect(() => decide(new Transform(node(before)), "s9", "accept")).toThrow(SuggestionNotFoundError);
  });
});

describe("deciding everything", () => {
  const before = doc(
    op("o1", "Calls ", del("upon", B, "s2"), " ", ins("all", A, "s1"), " States"),
    proposed(op("n1", ins("Urges", B, "s3")), B, "s3"),
    struck(op("o2", "Decides"), A, "s4"),
  );

  it("gives the text with every suggestion accepted", () => {
    expect(acceptAll(node(before)).toJSON()).toEqual(
      node(doc(op("o1", "Calls  all States"), op("n1", "Urges"))).toJSON(),
    );
  });

  it("gives the original text with every suggestion rejected", () => {
    expect(rejectAll(node(before)).toJSON()).toEqual(
      node(doc(op("o1", "Calls upon  States"), op("o2", "Decides"))).toJSON(),
    );
  });
});
