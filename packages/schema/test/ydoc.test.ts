import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import {
  b,
  type DocJSON,
  doc,
  type Inline,
  InvalidDocumentError,
  i,
  jsonToYDoc,
  newBlockId,
  op,
  para,
  parseDocJSON,
  plain,
  pp,
  section,
  TEXT_FIELD,
  withId,
  writeJSONToYDoc,
  yDocToJSON,
} from "../src/index.ts";

const draft = () =>
  doc(
    withId(section("I. ", i("Shared vision")), "s1"),
    withId(pp(i("Recalling"), " its resolution ", b("78/1")), "p1"),
    withId(op(), "o1"),
    withId(op(i("Decides"), " to convene"), "o2"),
    withId(plain("Annex"), "n1"),
  );

/** Sends each replica what the other lacks, as a provider would. */
function exchange(a: Y.Doc, other: Y.Doc): void {
  const toOther = Y.encodeStateAsUpdate(a, Y.encodeStateVector(other));
  const toA = Y.encodeStateAsUpdate(other, Y.encodeStateVector(a));
  Y.applyUpdate(other, toOther);
  Y.applyUpdate(a, toA);
}

function replicaOf(source: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(source));
  return replica;
}

function paragraphElement(id: string, kind: string, text: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  element.setAttribute("id", id);
  element.setAttribute("kind", kind);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function textOfBlock(ydoc: Y.Doc, index: number): Y.XmlText {
  const block = ydoc.getXmlFragment(TEXT_FIELD).get(index) as Y.XmlElement;
  return block.get(0) as Y.XmlText;
}

describe("JSON and Y.Doc", () => {
  test("a document written to a Y.Doc reads back unchanged: ids, kinds, marks and empty paragraphs", () => {
    expect(yDocToJSON(jsonToYDoc(draft()))).toEqual(draft());
  });

  test("the text lives in the fragment Tiptap's collaboration uses", () => {
    const ydoc = jsonToYDoc(draft());
    expect(ydoc.getXmlFragment(TEXT_FIELD).length).toBe(5);
  });

  test("any document built from the builders reads back unchanged", () => {
    fc.assert(
      fc.property(documents, (json) => {
        expect(yDocToJSON(jsonToYDoc(json))).toEqual(json);
      }),
    );
  });

  test("a document with an unknown node type is invalid", () => {
    const json = { type: "doc", content: [{ type: "heading", content: [{ type: "text", text: "I." }] }] };
    expect(() => jsonToYDoc(json)).toThrow(InvalidDocumentError);
  });

  test("a paragraph inside a paragraph is invalid", () => {
    const json = doc({ ...op("Decides"), content: [pp("Recalling")] });
    expect(() => parseDocJSON(json)).toThrow(InvalidDocumentError);
    expect(() => jsonToYDoc(json)).toThrow(InvalidDocumentError);
  });

  test("a document without blocks is invalid", () => {
    expect(() => parseDocJSON({ type: "doc", content: [] })).toThrow(InvalidDocumentError);
  });

  test("an invalid document is not written at all", () => {
    const ydoc = new Y.Doc();
    expect(() => writeJSONToYDoc({ type: "doc", content: [{ type: "table" }] }, ydoc)).toThrow(InvalidDocumentError);
    expect(ydoc.getXmlFragment(TEXT_FIELD).length).toBe(0);
  });

  test("writing into a Y.Doc that already holds a text throws a RangeError and leaves the text as it was", () => {
    const ydoc = jsonToYDoc(draft());
    expect(() => writeJSONToYDoc(doc(op("Replaces everything")), ydoc)).toThrow(RangeError);
    expect(yDocToJSON(ydoc)).toEqual(draft());
  });
});

describe("replicas", () => {
  test("two replicas edited independently hold the same document after exchanging updates", () => {
    const a = jsonToYDoc(doc(withId(pp("Recalling"), "p1"), withId(op("Decides"), "o1")));
    const other = replicaOf(a);
    a.getXmlFragment(TEXT_FIELD).insert(2, [paragraphElement("o2", "op", "Requests")]);
    textOfBlock(other, 0).insert("Recalling".length, " its resolution");
    (other.getXmlFragment(TEXT_FIELD).get(1) as Y.XmlElement).setAttribute("kind", "pp");
    exchange(a, other);
    const expected = doc(
      withId(pp("Recalling its resolution"), "p1"),
      withId(pp("Decides"), "o1"),
      withId(op("Requests"), "o2"),
    );
    expect(yDocToJSON(a)).toEqual(expected);
    expect(yDocToJSON(other)).toEqual(expected);
  });

  test("paragraphs inserted at the same place by two replicas are both kept, in the same order on each", () => {
    const a = jsonToYDoc(doc(withId(op("Decides"), "o1")));
    const other = replicaOf(a);
    a.getXmlFragment(TEXT_FIELD).insert(1, [paragraphElement("fromA", "op", "Requests")]);
    other.getXmlFragment(TEXT_FIELD).insert(1, [paragraphElement("fromOther", "op", "Invites")]);
    exchange(a, other);
    const ids = yDocToJSON(a).content.map((block) => block.attrs?.id);
    expect(ids.slice().sort()).toEqual(["fromA", "fromOther", "o1"]);
    expect(yDocToJSON(other)).toEqual(yDocToJSON(a));
  });

  test("any two sequences of edits on two replicas converge once the replicas exchange updates", () => {
    fc.assert(
      fc.property(
        documents,
        fc.array(edit, { maxLength: 12 }),
        fc.array(edit, { maxLength: 12 }),
        (json, editsA, editsB) => {
          const a = jsonToYDoc(json);
          const other = replicaOf(a);
          for (const next of editsA) applyEdit(a, next);
          for (const next of editsB) applyEdit(other, next);
          exchange(a, other);
          expect(yDocToJSON(other)).toEqual(yDocToJSON(a));
        },
      ),
    );
  });
});

type Mark = "none" | "bold" | "italic";

// Adjacent text with the same marks is one text node in ProseMirror, so the generator
// merges it as the schema would; otherwise a round trip could not give back the input.
function inlineOf(segments: { text: string; mark: Mark }[]): Inline[] {
  const merged: { text: string; mark: Mark }[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last?.mark === segment.mark) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged.map(({ text, mark }) => (mark === "bold" ? b(text) : mark === "italic" ? i(text) : text));
}

const segment = fc.record({
  text: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
  mark: fc.constantFrom<Mark>("none", "bold", "italic"),
});

const block = fc
  .tuple(fc.constantFrom("section", "pp", "op", "plain"), fc.array(segment, { maxLength: 4 }))
  .map(([kind, segments]) => (kind === "section" ? section(...inlineOf(segments)) : para(kind, ...inlineOf(segments))));

const documents: fc.Arbitrary<DocJSON> = fc
  .array(block, { minLength: 1, maxLength: 8 })
  .map((blocks) => doc(...blocks));

type Edit =
  | { kind: "insertBlock"; at: number; type: "pp" | "op" | "plain"; text: string }
  | { kind: "deleteBlock"; at: number }
  | { kind: "typeText"; at: number; offset: number; text: string }
  | { kind: "setKind"; at: number; type: "pp" | "op" | "plain" };

const paragraphKind = fc.constantFrom<"pp" | "op" | "plain">("pp", "op", "plain");
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("insertBlock"), at: fc.nat(), type: paragraphKind, text: fc.string({ minLength: 1 }) }),
  fc.record({ kind: fc.constant("deleteBlock"), at: fc.nat() }),
  fc.record({ kind: fc.constant("typeText"), at: fc.nat(), offset: fc.nat(), text: fc.string({ minLength: 1 }) }),
  fc.record({ kind: fc.constant("setKind"), at: fc.nat(), type: paragraphKind }),
);

function applyEdit(ydoc: Y.Doc, next: Edit): void {
  const fragment = ydoc.getXmlFragment(TEXT_FIELD);
  if (next.kind === "insertBlock") {
    fragment.insert(next.at % (fragment.length + 1), [paragraphElement(newBlockId(), next.type, next.text)]);
    return;
  }
  if (fragment.length === 0) return;
  const at = next.at % fragment.length;
  const element = fragment.get(at) as Y.XmlElement;
  if (next.kind === "deleteBlock") fragment.delete(at, 1);
  else if (next.kind === "setKind" && element.nodeName === "paragraph") element.setAttribute("kind", next.type);
  else if (next.kind === "typeText") typeInto(element, next.offset, next.text);
}

function typeInto(element: Y.XmlElement, offset: number, text: string): void {
  const existing = element.get(0);
  if (existing instanceof Y.XmlText) existing.insert(offset % (existing.length + 1), text);
  else element.insert(0, [new Y.XmlText(text)]);
}
