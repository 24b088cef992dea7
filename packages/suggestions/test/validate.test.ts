import type { DocJSON } from "@plenary/schema";
import { describe, expect, it } from "vitest";
import { type Suggester, validateSuggesterChange, withoutOwnSuggestions } from "../src/index.ts";
import { A, B, del, doc, ins, node, op, pp, proposed, struck } from "./builders.ts";

const validate = (before: DocJSON, after: DocJSON, who: Suggester) =>
  validateSuggesterChange(node(before), node(after), who);

const refused = (reason: string) => ({ ok: false, reason });

describe("the text without one's own suggestions", () => {
  it("drops one's insertions and proposed paragraphs and keeps the text one proposed to delete", () => {
    const marked = node(
      doc(
        op("o1", "Calls ", del("upon", A, "s1"), ins(" on", A, "s1"), ins(" all", B, "s2"), " States"),
        proposed(op("n1", ins("Urges", A, "s3")), A, "s3"),
        struck(op("o2", "Decides"), A, "s4"),
      ),
    );
    const expected = doc(op("o1", "Calls upon", ins(" all", B, "s2"), " States"), op("o2", "Decides"));
    expect(withoutOwnSuggestions(marked, A).toJSON()).toEqual(node(expected).toJSON());
  });
});

describe("validating a suggester's change", () => {
  const before = doc(op("o1", "Calls upon ", ins("all", B, "s1"), " States"));

  it("accepts a new insertion of one's own", () => {
    const after = doc(op("o1", "Calls upon ", ins("all", B, "s1"), ins(" Member", A, "s2"), " States"));
    expect(validate(before, after, A)).toEqual({ ok: true });
  });

  it("refuses unmarked text typed into the base text", () => {
    const after = doc(op("o1", "Calls upon ", ins("all", B, "s1"), " Member States"));
    expect(validate(before, after, A)).toEqual(refused("The change edits text outside your own suggestions."));
  });

  it("refuses base text deleted outright", () => {
    const after = doc(op("o1", "Calls ", ins("all", B, "s1"), " States"));
    expect(validate(before, after, A)).toEqual(refused("The change edits text outside your own suggestions."));
  });

  it("refuses a deletion attributed to someone else", () => {
    const after = doc(op("o1", del("Calls", B, "s2"), " upon ", ins("all", B, "s1"), " States"));
    expect(validate(before, after, A)).toEqual(refused("The change carries a suggestion attributed to someone else."));
  });

  it("refuses removing someone else's insertion", () => {
    const after = doc(op("o1", "Calls upon  States"));
    expect(validate(before, after, A)).toEqual(refused("The change edits text outside your own suggestions."));
  });

  it("refuses a change of paragraph kind", () => {
    const after = doc(pp("o1", "Calls upon ", ins("all", B, "s1"), " States"));
    expect(validate(before, after, A)).toEqual(refused("The change edits text outside your own suggestions."));
  });

  it("refuses one's own text under the id of someone else's suggestion", () => {
    const after = doc(op("o1", "Calls upon ", ins("all", B, "s1"), ins(" Member", A, "s1"), " States"));
    expect(validate(before, after, A)).toEqual(refused("The change reuses the id of someone else's suggestion."));
  });

  it("refuses two paragraphs with the same id", () => {
    const after = doc(op("o1", "Calls upon ", ins("all", B, "s1"), " States"), proposed(op("o1"), A, "s2"));
    expect(validate(before, after, A)).toEqual(refused("The change gives two paragraphs the same id."));
  });
});

describe("validating a change to one's own proposed paragraph", () => {
  const before = doc(
    op("o1", "Decides"),
    proposed(
      op("n1", ins("Requests ", A, "s1"), ins("all", B, "s2"), ins(" the", A, "s1"), ins(" States", B, "s2")),
      A,
      "s1",
    ),
  );

  it("accepts withdrawing it with what others proposed inside it", () => {
    expect(validate(before, doc(op("o1", "Decides")), A)).toEqual({ ok: true });
  });

  it("accepts deleting one's own text between the pieces of someone else's insertion", () => {
    const after = doc(
      op("o1", "Decides"),
      proposed(op("n1", ins("Requests ", A, "s1"), ins("all States", B, "s2")), A, "s1"),
    );
    expect(validate(before, after, A)).toEqual({ ok: true });
  });

  it("refuses removing someone else's insertion inside it", () => {
    const after = doc(
      op("o1", "Decides"),
      proposed(op("n1", ins("Requests ", A, "s1"), ins(" the", A, "s1"), ins(" States", B, "s2")), A, "s1"),
    );
    expect(validate(before, after, A)).toEqual(
      refused("The change edits someone else's suggestion inside your proposed paragraph."),
    );
  });

  it("refuses moving someone else's insertion into another proposed paragraph of one's own", () => {
    const after = doc(
      op("o1", "Decides"),
      proposed(op("n2", ins("Requests ", A, "s1"), ins("all", B, "s2"), ins(" States", B, "s2")), A, "s1"),
    );
    expect(validate(before, after, A)).toEqual(
      refused("The change edits someone else's suggestion inside your proposed paragraph."),
    );
  });
});
