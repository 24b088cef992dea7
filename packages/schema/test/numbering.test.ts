import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  type BlockKind,
  blocksOfJSON,
  type DocJSON,
  doc,
  numberBlocks,
  numberDocument,
  op,
  parseDocJSON,
  plain,
  pp,
  section,
  withId,
} from "../src/index.ts";

/** The label of each block, by id ("—" when unnumbered), in document order. */
function labels(json: DocJSON): string[] {
  return numberBlocks(blocksOfJSON(json)).map((block) => `${block.id}: ${block.label ?? "—"}`);
}

describe("numbering", () => {
  test("counts PPs and OPs separately across sections and leaves headings and plain paragraphs unnumbered", () => {
    const draft = doc(
      withId(section("I. Shared vision"), "s1"),
      withId(pp("Recalling"), "p1"),
      withId(plain("Note by the Secretariat"), "n1"),
      withId(pp("Noting"), "p2"),
      withId(section("II. Commitments"), "s2"),
      withId(op("Decides"), "o1"),
      withId(op("Requests"), "o2"),
      withId(pp("Welcoming"), "p3"),
      withId(op("Invites"), "o3"),
    );
    expect(labels(draft)).toEqual([
      "s1: —",
      "p1: PP 1",
      "n1: —",
      "p2: PP 2",
      "s2: —",
      "o1: OP 1",
      "o2: OP 2",
      "p3: PP 3",
      "o3: OP 3",
    ]);
  });

  test("gives each block its index, number and text", () => {
    const [heading, first] = numberDocument(
      parseDocJSON(doc(withId(section("I."), "s1"), withId(op("Decides"), "o1"))),
    );
    expect(heading).toEqual({ id: "s1", kind: "section", index: 0, number: null, label: null, text: "I." });
    expect(first).toEqual({ id: "o1", kind: "op", index: 1, number: 1, label: "OP 1", text: "Decides" });
  });

  test("numbers a ProseMirror document as it numbers its JSON", () => {
    const draft = doc(section("I."), pp("Recalling"), op("Decides"), plain("Annex"), op("Requests"));
    expect(numberDocument(parseDocJSON(draft))).toEqual(numberBlocks(blocksOfJSON(draft)));
  });

  test("after an OP is inserted in the middle, the OPs that follow it are renumbered and keep their ids", () => {
    const [o1, o2, o3] = [withId(op("Decides"), "o1"), withId(op("Requests"), "o2"), withId(op("Invites"), "o3")];
    const inserted = withId(op("Encourages"), "new");
    expect(labels(doc(o1!, o2!, o3!))).toEqual(["o1: OP 1", "o2: OP 2", "o3: OP 3"]);
    expect(labels(doc(o1!, inserted, o2!, o3!))).toEqual(["o1: OP 1", "new: OP 2", "o2: OP 3", "o3: OP 4"]);
  });

  test("after a PP is deleted, the PPs that follow it are renumbered and the OPs keep their numbers", () => {
    const blocks: JSONContent[] = [
      withId(pp("Recalling"), "p1"),
      withId(pp("Noting"), "p2"),
      withId(pp("Welcoming"), "p3"),
      withId(op("Decides"), "o1"),
    ];
    expect(labels(doc(...blocks))).toEqual(["p1: PP 1", "p2: PP 2", "p3: PP 3", "o1: OP 1"]);
    expect(labels(doc(...blocks.filter((block) => block.attrs?.id !== "p1")))).toEqual([
      "p2: PP 1",
      "p3: PP 2",
      "o1: OP 1",
    ]);
  });

  test("PP numbers do not depend on how many OPs come before them", () => {
    const few = doc(withId(pp("Recalling"), "p1"), withId(op("Decides"), "o1"), withId(pp("Noting"), "p2"));
    const many = doc(
      withId(pp("Recalling"), "p1"),
      op("Decides"),
      op("Requests"),
      op("Invites"),
      withId(pp("Noting"), "p2"),
    );
    const ppLabels = (json: DocJSON) => labels(json).filter((label) => label.startsWith("p"));
    expect(ppLabels(few)).toEqual(["p1: PP 1", "p2: PP 2"]);
    expect(ppLabels(many)).toEqual(ppLabels(few));
  });

  test("for any sequence of blocks, PPs are numbered 1..n and OPs 1..m in order, and the rest are unnumbered", () => {
    const kinds = fc.array(fc.constantFrom<BlockKind>("section", "pp", "op", "plain"), { maxLength: 60 });
    fc.assert(
      fc.property(kinds, (sequence) => {
        const numbered = numberBlocks(sequence.map((kind, index) => ({ id: `x${index}`, kind, text: "" })));
        expect(numbered.map((block) => block.id)).toEqual(sequence.map((_, index) => `x${index}`));
        for (const [kind, prefix] of [
          ["pp", "PP"],
          ["op", "OP"],
        ] as const) {
          const ofKind = numbered.filter((block) => block.kind === kind);
          expect(ofKind.map((block) => block.number)).toEqual(ofKind.map((_, index) => index + 1));
          expect(ofKind.map((block) => block.label)).toEqual(ofKind.map((_, index) => `${prefix} ${index + 1}`));
        }
        const unnumbered = numbered.filter((block) => block.kind === "section" || block.kind === "plain");
        for (const block of unnumbered) expect([block.number, block.label]).toEqual([null, null]);
      }),
    );
  });
});
