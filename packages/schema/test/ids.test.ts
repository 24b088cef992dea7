import { Fragment, Slice } from "@tiptap/pm/model";
import { ReplaceAroundStep } from "@tiptap/pm/transform";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { doc, isBlockId, op, plain, pp, section, withId } from "../src/index.ts";
import {
  type Action,
  apply,
  blockStart,
  blocks,
  copyBlock,
  copyRange,
  createEditor,
  drag,
  ids,
  paste,
  press,
  redoLast,
  select,
  type,
  undoLast,
} from "./editor.ts";

/** Asserts every block has a well-formed id and no two blocks share one. */
function expectDistinctIds(actual: string[]): void {
  for (const id of actual) expect(isBlockId(id), `"${id}" is a block id`).toBe(true);
  expect(new Set(actual).size).toBe(actual.length);
}

describe("typing", () => {
  test("typing inside a paragraph keeps its id", () => {
    const { editor } = createEditor(doc(withId(op("Calls upon <a>States"), "o1")));
    type(editor, "all Member ");
    expect(blocks(editor)).toEqual([{ id: "o1", kind: "op", text: "Calls upon all Member States" }]);
  });
});

describe("Enter", () => {
  test("splitting a paragraph in the middle keeps the first half's id and gives the second half a new one", () => {
    const { editor } = createEditor(doc(withId(pp("Recalling"), "p1"), withId(op("Calls upon <a>States"), "o1")));
    expect(press(editor, "Enter")).toBe(true);
    const [first, second, third] = blocks(editor);
    expect(first).toEqual({ id: "p1", kind: "pp", text: "Recalling" });
    expect(second).toEqual({ id: "o1", kind: "op", text: "Calls upon " });
    expect(third).toMatchObject({ kind: "op", text: "States" });
    expect(["p1", "o1"]).not.toContain(third!.id);
    expectDistinctIds(ids(editor));
  });

  test("Enter at the start of a paragraph gives the new empty paragraph above a new id; the text keeps its own", () => {
    const { editor } = createEditor(doc(withId(pp("Recalling"), "p1"), withId(op("<a>Calls upon States"), "o1")));
    expect(press(editor, "Enter")).toBe(true);
    const [, above, text] = blocks(editor);
    expect(above!.text).toBe("");
    expect(["p1", "o1"]).not.toContain(above!.id);
    expect(text).toEqual({ id: "o1", kind: "op", text: "Calls upon States" });
    expectDistinctIds(ids(editor));
  });

  test("Enter at the end of a paragraph gives the new empty paragraph below a new id", () => {
    const { editor } = createEditor(doc(withId(op("Calls upon States<a>"), "o1")));
    expect(press(editor, "Enter")).toBe(true);
    const [text, below] = blocks(editor);
    expect(text).toEqual({ id: "o1", kind: "op", text: "Calls upon States" });
    expect(below!.text).toBe("");
    expect(below!.id).not.toBe("o1");
    expectDistinctIds(ids(editor));
  });

  test("splitting a section heading gives the second half a new id", () => {
    const { editor } = createEditor(doc(withId(section("I. Shared <a>vision"), "s1")));
    expect(press(editor, "Enter")).toBe(true);
    const [first, second] = blocks(editor);
    expect(first).toEqual({ id: "s1", kind: "section", text: "I. Shared " });
    expect(second!.text).toBe("vision");
    expect(second!.id).not.toBe("s1");
    expectDistinctIds(ids(editor));
  });
});

describe("joining", () => {
  test("Backspace at the start of a paragraph joins it to the one above, which keeps its id", () => {
    const { editor } = createEditor(doc(withId(op("Calls upon States "), "o1"), withId(op("<a>to act"), "o2")));
    expect(press(editor, "Backspace")).toBe(true);
    expect(blocks(editor)).toEqual([{ id: "o1", kind: "op", text: "Calls upon States to act" }]);
  });

  test("Delete at the end of a paragraph joins the next one into it, keeping the first id", () => {
    const { editor } = createEditor(doc(withId(op("Calls upon States <a>"), "o1"), withId(op("to act"), "o2")));
    expect(press(editor, "Delete")).toBe(true);
    expect(blocks(editor)).toEqual([{ id: "o1", kind: "op", text: "Calls upon States to act" }]);
  });
});

describe("moving", () => {
  const draft = () =>
    createEditor(doc(withId(op("Decides"), "o1"), withId(op("Requests"), "o2"), withId(op("Invites"), "o3"))).editor;

  test("a paragraph deleted and inserted elsewhere in one transaction keeps its id", () => {
    const editor = draft();
    const from = blockStart(editor, 0);
    const moved = editor.state.doc.child(0);
    const tr = editor.state.tr.delete(from, from + moved.nodeSize);
    tr.insert(tr.mapping.map(blockStart(editor, 3)), moved);
    editor.view.dispatch(tr);
    expect(ids(editor)).toEqual(["o2", "o3", "o1"]);
  });

  test("a paragraph moved by a single ReplaceAroundStep keeps its id, and so does the one it moved past", () => {
    const editor = draft();
    const [a, b] = [editor.state.doc.child(0), editor.state.doc.child(1)];
    const step = new ReplaceAroundStep(
      0,
      a.nodeSize + b.nodeSize,
      0,
      a.nodeSize,
      new Slice(Fragment.from(b), 0, 0),
      b.nodeSize,
    );
    editor.view.dispatch(editor.state.tr.step(step));
    expect(ids(editor)).toEqual(["o2", "o1", "o3"]);
  });

  test("dragging a paragraph to another place keeps its id", () => {
    const editor = draft();
    drag(editor, blockStart(editor, 0), blockStart(editor, 3));
    expect(blocks(editor).map((block) => `${block.id} ${block.text}`)).toEqual([
      "o2 Requests",
      "o3 Invites",
      "o1 Decides",
    ]);
  });

  test("dragging a copy of a paragraph gives the copy a new id and leaves the original its own", () => {
    const editor = draft();
    drag(editor, blockStart(editor, 0), blockStart(editor, 3), { copy: true });
    const texts = blocks(editor).map((block) => block.text);
    expect(texts).toEqual(["Decides", "Requests", "Invites", "Decides"]);
    expect(ids(editor).slice(0, 3)).toEqual(["o1", "o2", "o3"]);
    expectDistinctIds(ids(editor));
  });
});

describe("pasting", () => {
  test("pasting a copy of a whole paragraph gives the pasted one a new id and leaves the original its own", () => {
    const { editor, tags } = createEditor(doc(withId(op("Decides"), "o1"), withId(op("Requests<c>"), "o2")));
    const copied = copyBlock(editor, blockStart(editor, 0));
    select(editor, tags.c!);
    paste(editor, copied);
    const [original, , pasted] = blocks(editor);
    expect(original).toEqual({ id: "o1", kind: "op", text: "Decides" });
    expect(pasted).toMatchObject({ kind: "op", text: "Decides" });
    expectDistinctIds(ids(editor));
  });

  test("pasting text copied across two paragraphs gives every pasted block a new id", () => {
    const { editor, tags } = createEditor(
      doc(
        withId(pp("Recalling <f>its resolution"), "p1"),
        withId(op("Calls upon<t> States"), "o1"),
        withId(op("Invites<c>"), "o2"),
      ),
    );
    const copied = copyRange(editor, tags.f!, tags.t!);
    select(editor, tags.c!);
    paste(editor, copied);
    expect(blocks(editor).map((block) => block.text)).toEqual([
      "Recalling its resolution",
      "Calls upon States",
      "Invitesits resolution",
      "Calls upon",
    ]);
    expect(ids(editor).slice(0, 3)).toEqual(["p1", "o1", "o2"]);
    expectDistinctIds(ids(editor));
  });

  test("inserting a block whose id is already in the document gives the inserted one a new id", () => {
    const { editor } = createEditor(doc(withId(op("Decides"), "o1"), withId(op("Requests"), "o2")));
    editor.commands.insertContentAt(blockStart(editor, 2), withId(op("Decides"), "o1"));
    expect(ids(editor).slice(0, 2)).toEqual(["o1", "o2"]);
    expectDistinctIds(ids(editor));
  });

  test("a copy inserted before its original gets the new id; the original keeps its own", () => {
    const { editor } = createEditor(doc(withId(op("Decides"), "o1"), withId(op("Requests"), "o2")));
    editor.commands.insertContentAt(0, withId(op("Decides"), "o1"));
    const [copy, ...rest] = ids(editor);
    expect(rest).toEqual(["o1", "o2"]);
    expect(copy).not.toBe("o1");
    expectDistinctIds(ids(editor));
  });
});

describe("undo and redo", () => {
  test("undoing a split restores the single paragraph with its original id", () => {
    const { editor } = createEditor(doc(withId(op("Calls upon <a>States"), "o1")));
    press(editor, "Enter");
    expect(undoLast(editor)).toBe(true);
    expect(blocks(editor)).toEqual([{ id: "o1", kind: "op", text: "Calls upon States" }]);
  });

  test("redoing a split gives the halves distinct ids, the first keeping the original", () => {
    const { editor } = createEditor(doc(withId(op("Calls upon <a>States"), "o1")));
    press(editor, "Enter");
    const afterSplit = ids(editor);
    undoLast(editor);
    expect(redoLast(editor)).toBe(true);
    expect(ids(editor)).toEqual(afterSplit);
    expect(ids(editor)[0]).toBe("o1");
    expectDistinctIds(ids(editor));
  });

  test("undoing a join brings back the second paragraph with its original id", () => {
    const { editor } = createEditor(doc(withId(op("Calls upon States "), "o1"), withId(op("<a>to act"), "o2")));
    press(editor, "Backspace");
    undoLast(editor);
    expect(blocks(editor)).toEqual([
      { id: "o1", kind: "op", text: "Calls upon States " },
      { id: "o2", kind: "op", text: "to act" },
    ]);
  });
});

describe("any sequence of edits", () => {
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({
      kind: fc.constant("type"),
      block: fc.nat(),
      offset: fc.nat(),
      text: fc.string({ minLength: 1, maxLength: 5 }),
    }),
    fc.record({ kind: fc.constantFrom("enter", "backspace", "delete"), block: fc.nat(), offset: fc.nat() }),
    fc.record({ kind: fc.constantFrom("paste", "insert"), block: fc.nat(), target: fc.nat() }),
    fc.record({ kind: fc.constant("drag"), block: fc.nat(), target: fc.nat(), copy: fc.boolean() }),
    fc.record({ kind: fc.constantFrom("undo", "redo") }),
  );

  test("never leaves a block without an id or two blocks with the same id", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const { editor } = createEditor(
          doc(section("I. Vision"), pp("Recalling"), pp("Noting"), op("Decides"), plain("Annex"), op("Requests")),
        );
        for (const next of actions) {
          apply(editor, next);
          expectDistinctIds(ids(editor));
        }
      }),
    );
  });
});
