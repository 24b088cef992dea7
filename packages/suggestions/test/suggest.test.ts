import { type DocJSON, parseDocJSON } from "@plenary/schema";
import { splitBlock } from "@tiptap/pm/commands";
import { Slice } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { type IdSource, SUGGESTED, type Suggester, suggestTransaction, validateSuggesterChange } from "../src/index.ts";
import { A, B, counterIds, del, doc, ins, node, op, plain, pp, proposed, section, state, tagged } from "./builders.ts";

type Edit = (state: EditorState) => Transaction;

const type =
  (text: string): Edit =>
  (s) =>
    s.tr.insertText(text);
const backspace: Edit = (s) => s.tr.delete(s.selection.head - 1, s.selection.head);
const forwardDelete: Edit = (s) => s.tr.delete(s.selection.head, s.selection.head + 1);
const deleteSelection: Edit = (s) => s.tr.deleteSelection();
const enter: Edit = (s) => {
  let made: Transaction | undefined;
  splitBlock(s, (tr) => {
    made = tr;
  });
  if (!made) throw new Error("Enter did nothing");
  return made;
};
const paste =
  (json: DocJSON): Edit =>
  (s) =>
    s.tr.replaceSelection(new Slice(node(json).content, 1, 1));

/**
 * Runs `edits` in suggestion mode, one transaction each, and returns the
 * final state, or null when the last edit could not be suggested. Every
 * suggested transaction is also checked to be a legal change for the
 * suggester, to undo to the state it started from, and to survive a JSON
 * round trip.
 */
function suggest(start: EditorState, who: Suggester, edits: Edit[], ids: IdSource = counterIds()): EditorState | null {
  let current = start;
  for (const edit of edits) {
    const tr = suggestTransaction(current, edit(current), who, ids);
    if (!tr) return null;
    const next = current.apply(tr);
    expect(validateSuggesterChange(current.doc, next.doc, who)).toEqual({ ok: true });
    let undone = next.doc;
    for (let i = tr.steps.length - 1; i >= 0; i--) undone = tr.steps[i]!.invert(tr.docs[i]!).apply(undone).doc!;
    expect(undone.eq(current.doc)).toBe(true);
    expect(parseDocJSON(next.doc.toJSON()).eq(next.doc)).toBe(true);
    current = next;
  }
  return current;
}

/** Expects `actual` to hold the document of `json` with the cursor at its `<a>` tag. */
function expectState(actual: EditorState | null, json: DocJSON) {
  const { node: expected, tags } = tagged(json);
  expect(actual?.doc.toJSON()).toEqual(expected.toJSON());
  if (tags.a !== undefined) expect(actual?.selection.head).toBe(tags.a);
}

describe("typing in suggestion mode", () => {
  it("proposes the typed text as an insertion attributed to the suggester", () => {
    const after = suggest(state(doc(op("o1", "Calls upon <a>States"))), A, [type("all ")]);
    expectState(after, doc(op("o1", "Calls upon ", ins("all <a>", A, "s1"), "States")));
  });

  it("makes consecutive keystrokes one suggestion", () => {
    const after = suggest(state(doc(op("o1", "Calls upon <a>States"))), A, [type("a"), type("l"), type("l ")]);
    expectState(after, doc(op("o1", "Calls upon ", ins("all <a>", A, "s1"), "States")));
  });

  it("starts a suggestion of one's own next to someone else's insertion", () => {
    const start = state(doc(op("o1", "Calls upon ", ins("all", B, "b1"), "<a> States")));
    const after = suggest(start, A, [type(" Member")]);
    expectState(after, doc(op("o1", "Calls upon ", ins("all", B, "b1"), ins(" Member<a>", A, "s1"), " States")));
  });

  it("puts one's text inside someone else's insertion as one's own suggestion", () => {
    const start = state(doc(op("o1", "Calls upon ", ins("al<a>l", B, "b1"), " States")));
    const after = suggest(start, A, [type("X")]);
    expectState(
      after,
      doc(op("o1", "Calls upon ", ins("al", B, "b1"), ins("X<a>", A, "s1"), ins("l", B, "b1"), " States")),
    );
  });

  it("marks the suggestion with the tag that keeps it from being transformed twice", () => {
    const start = state(doc(op("o1", "Decides<a>")));
    const tr = suggestTransaction(start, start.tr.insertText("!"), A, counterIds());
    expect(tr?.getMeta(SUGGESTED)).toBe(true);
  });
});

describe("deleting in suggestion mode", () => {
  it("marks the character before the cursor deleted on Backspace and leaves the cursor before it", () => {
    const after = suggest(state(doc(op("o1", "Calls upon<a> States"))), A, [backspace]);
    expectState(after, doc(op("o1", "Calls upo<a>", del("n", A, "s1"), " States")));
  });

  it("extends the same deletion on repeated Backspace", () => {
    const after = suggest(state(doc(op("o1", "Calls upon<a> States"))), A, [backspace, backspace, backspace]);
    expectState(after, doc(op("o1", "Calls u<a>", del("pon", A, "s1"), " States")));
  });

  it("marks the character after the cursor deleted on Delete and moves the cursor past it", () => {
    const after = suggest(state(doc(op("o1", "Calls <a>upon States"))), A, [forwardDelete, forwardDelete]);
    expectState(after, doc(op("o1", "Calls ", del("up", A, "s1"), "<a>on States")));
  });

  it("removes one's own inserted text for good", () => {
    const start = state(doc(op("o1", "Calls upon ", ins("all<a>", A, "s1"), " States")));
    const after = suggest(start, A, [backspace]);
    expectState(after, doc(op("o1", "Calls upon ", ins("al<a>", A, "s1"), " States")));
  });

  it("removes one's whole insertion when all of it is deleted", () => {
    const start = state(doc(op("o1", "Calls upon <a>", ins("all", A, "s1"), "<b> States")));
    const after = suggest(start, A, [deleteSelection]);
    expectState(after, doc(op("o1", "Calls upon <a> States")));
  });

  it("changes nothing when the deleted text is someone else's insertion", () => {
    const start = state(doc(op("o1", "Calls upon ", ins("all<a>", B, "b1"), " States")));
    expect(suggest(start, A, [backspace])).toBeNull();
  });

  it("changes nothing when the deleted text is already proposed for deletion by someone else", () => {
    const start = state(doc(op("o1", "Calls ", del("upon<a>", B, "b1"), " States")));
    expect(suggest(start, A, [backspace])).toBeNull();
  });

  it("marks only the base text of a range that also holds someone else's suggestions", () => {
    const start = state(doc(op("o1", "Calls <a>upon ", ins("all", B, "b1"), " Sta<b>tes")));
    const after = suggest(start, A, [deleteSelection]);
    expectState(
      after,
      doc(op("o1", "Calls <a>", del("upon ", A, "s1"), ins("all", B, "b1"), del(" Sta", A, "s1"), "tes")),
    );
  });

  it("marks the text of every paragraph a deletion crosses, keeping the paragraphs apart", () => {
    const start = state(doc(op("o1", "Calls upon <a>States"), op("o2", "Dec<b>ides")));
    const after = suggest(start, A, [deleteSelection]);
    expectState(after, doc(op("o1", "Calls upon <a>", del("States", A, "s1")), op("o2", del("Dec", A, "s1"), "ides")));
  });
});

describe("replacing in suggestion mode", () => {
  it("makes selecting and typing one replacement: a deletion and an insertion under one id", () => {
    const after = suggest(state(doc(op("o1", "<a>Calls<b> upon States"))), A, [type("Urges")]);
    expectState(after, doc(op("o1", del("Calls", A, "s1"), ins("Urges<a>", A, "s1"), " upon States")));
  });

  it("keeps typing after a replacement in the same suggestion", () => {
    const after = suggest(state(doc(op("o1", "<a>Calls<b> upon States"))), A, [type("Urg"), type("es")]);
    expectState(after, doc(op("o1", del("Calls", A, "s1"), ins("Urges<a>", A, "s1"), " upon States")));
  });
});

describe("new paragraphs in suggestion mode", () => {
  it("proposes a new paragraph of the same kind after the current one on Enter", () => {
    const after = suggest(state(doc(pp("p1", "Recalling<a>"), op("o1", "Decides"))), A, [enter]);
    expectState(after, doc(pp("p1", "Recalling"), proposed(pp("n1", "<a>"), A, "s1"), op("o1", "Decides")));
  });

  it("makes text typed in one's proposed paragraph part of that proposal", () => {
    const after = suggest(state(doc(op("o1", "Decides<a>"))), A, [enter, type("Requests")]);
    expectState(after, doc(op("o1", "Decides"), proposed(op("n1", ins("Requests<a>", A, "s1")), A, "s1")));
  });

  it("proposes a plain paragraph on Enter at the end of a section heading", () => {
    const after = suggest(state(doc(section("h1", "I. Vision<a>"), op("o1", "Decides"))), A, [enter]);
    expectState(after, doc(section("h1", "I. Vision"), proposed(plain("n1", "<a>"), A, "s1"), op("o1", "Decides")));
  });

  it("proposes the second of two pasted paragraphs as a new paragraph", () => {
    const start = state(doc(op("o1", "Decides<a>"), op("o2", "Requests")));
    const after = suggest(start, A, [paste(doc(op("x1", " to act"), op("x2", "Urges States")))]);
    expectState(
      after,
      doc(
        op("o1", "Decides", ins(" to act", A, "s1")),
        proposed(op("n1", ins("Urges States<a>", A, "s2")), A, "s2"),
        op("o2", "Requests"),
      ),
    );
  });
});

describe("pasting a blank line and a paragraph into an empty paragraph", () => {
  // The editor replaces the empty paragraph as a whole: a step between blocks, not inside one.
  // Replacing a range draws an id (s1) for what it strikes, here nothing.
  it("proposes the pasted paragraph after the empty one", () => {
    const start = state(doc(op("o1", "Decides"), op("o2", "<a>")));
    const after = suggest(start, A, [paste(doc(op("x1"), pp("x2", "Recalling")))]);
    expectState(after, doc(op("o1", "Decides"), op("o2"), proposed(pp("n1", ins("Recalling<a>", A, "s2")), A, "s2")));
  });
});

describe("steps that are not text replacements", () => {
  it("drops a formatting step", () => {
    const start = state(doc(op("o1", "<a>Calls<b> upon States")));
    const tr = start.tr.addMark(1, 6, start.schema.marks.bold!.create());
    expect(suggestTransaction(start, tr, A, counterIds())).toBeNull();
  });

  it("drops a change of paragraph kind", () => {
    const start = state(doc(op("o1", "Calls upon States")));
    const tr = start.tr.setNodeMarkup(0, undefined, { ...start.doc.child(0).attrs, kind: "pp" });
    expect(suggestTransaction(start, tr, A, counterIds())).toBeNull();
  });

  it("keeps the typing of a transaction whose formatting it drops", () => {
    const start = state(doc(op("o1", "Calls upon States<a>")));
    const tr = start.tr.addMark(1, 6, start.schema.marks.bold!.create()).insertText(" now");
    const after = suggestTransaction(start, tr, A, counterIds());
    expect(after?.doc.toJSON()).toEqual(node(doc(op("o1", "Calls upon States", ins(" now", A, "s1")))).toJSON());
  });
});
