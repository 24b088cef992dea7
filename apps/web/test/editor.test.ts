import { doc, op, plain, plenarySchema, pp, section, withId } from "@plenary/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { activeBlockKind, setBlockKind } from "../src/editor/blockKind.ts";
import { sameBlockStructure } from "../src/editor/blockStructure.ts";
import { paragraphNumbersKey, paragraphNumbersPlugin } from "../src/editor/paragraphNumbers.ts";
import { ariaShortcut, formatShortcut } from "../src/editor/shortcuts.ts";

const schema = plenarySchema();
const node = (json: ReturnType<typeof doc>): PMNode => schema.nodeFromJSON(json);

function stateOf(json: ReturnType<typeof doc>): EditorState {
  return EditorState.create({ doc: node(json), plugins: [paragraphNumbersPlugin()] });
}

function labels(state: EditorState): (string | null)[] {
  const found = paragraphNumbersKey.getState(state)!.decorations.find();
  return found.map(
    (decoration) =>
      (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs["data-label"] ?? null,
  );
}

/** The position inside the block at `index`, `offset` characters into its text. */
function inside(state: EditorState, index: number, offset = 0): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += state.doc.child(i).nodeSize;
  return pos + 1 + offset;
}

const sample = () =>
  doc(
    withId(plain("The General Assembly,"), "chapeau"),
    withId(pp("Recalling"), "pp1"),
    withId(section("I. Vision"), "s1"),
    withId(op("Decides"), "op1"),
    withId(op("Requests"), "op2"),
  );

describe("sameBlockStructure", () => {
  it("holds when only text inside a block changed", () => {
    const before = stateOf(sample());
    const after = before.apply(before.tr.insertText("ly", inside(before, 3, 7)));
    expect(sameBlockStructure(before.doc, after.doc)).toBe(true);
  });

  it("fails when a block is added, re-kinded or given another id", () => {
    const a = node(sample());
    expect(sameBlockStructure(a, node(doc(...sample().content, op("Decides further"))))).toBe(false);
    const rekinded = sample();
    rekinded.content[4] = withId(pp("Requests"), "op2");
    expect(sameBlockStructure(a, node(rekinded))).toBe(false);
    const renamed = sample();
    renamed.content[4] = withId(op("Requests"), "other");
    expect(sameBlockStructure(a, node(renamed))).toBe(false);
  });
});

describe("paragraph numbers", () => {
  it("labels PP and OP paragraphs, not headings or plain paragraphs", () => {
    expect(labels(stateOf(sample()))).toEqual(["PP 1", "OP 1", "OP 2"]);
  });

  it("does not renumber while someone types inside a paragraph", () => {
    const before = stateOf(sample());
    const after = before.apply(before.tr.insertText("ly", inside(before, 3, 7)));
    expect(paragraphNumbersKey.getState(after)!.labels).toBe(paragraphNumbersKey.getState(before)!.labels);
    expect(labels(after)).toEqual(["PP 1", "OP 1", "OP 2"]);
  });

  it("renumbers the following paragraphs when one is inserted", () => {
    const before = stateOf(sample());
    const at = inside(before, 3, "Decides".length);
    const after = before.apply(
      before.tr.split(at, 1, [{ type: schema.nodes.paragraph!, attrs: { id: "new", kind: "op" } }]),
    );
    expect(labels(after)).toEqual(["PP 1", "OP 1", "OP 2", "OP 3"]);
  });
});

describe("setBlockKind", () => {
  it("turns a paragraph into a heading and back, keeping its id and text", () => {
    let state = stateOf(sample());
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inside(state, 4, 2))));
    expect(activeBlockKind(state)).toBe("op");

    setBlockKind("section")(state, (tr) => {
      state = state.apply(tr);
    });
    expect(state.doc.child(4).type.name).toBe("section");
    expect(state.doc.child(4).attrs.id).toBe("op2");
    expect(labels(state)).toEqual(["PP 1", "OP 1"]);

    setBlockKind("pp")(state, (tr) => {
      state = state.apply(tr);
    });
    expect(state.doc.child(4).toJSON()).toMatchObject({ type: "paragraph", attrs: { id: "op2", kind: "pp" } });
    expect(state.doc.child(4).textContent).toBe("Requests");
    expect(labels(state)).toEqual(["PP 1", "OP 1", "PP 2"]);
  });

  it("applies to every block the selection touches, and reports a mixed selection", () => {
    let state = stateOf(sample());
    state = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, inside(state, 1, 1), inside(state, 3, 1))),
    );
    expect(activeBlockKind(state)).toBeNull();
    setBlockKind("op")(state, (tr) => {
      state = state.apply(tr);
    });
    expect(labels(state)).toEqual(["OP 1", "OP 2", "OP 3", "OP 4"]);
  });

  it("does nothing when the block already has the kind", () => {
    const state = stateOf(sample());
    const at = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inside(state, 3, 1))));
    expect(setBlockKind("op")(at)).toBe(false);
  });
});

describe("shortcuts", () => {
  it("reads as on the person's platform", () => {
    expect(formatShortcut("Mod-Alt-2", false)).toBe("Ctrl+Alt+2");
    expect(formatShortcut("Shift-Mod-z", false)).toBe("Shift+Ctrl+Z");
    expect(formatShortcut("Mod-Alt-2", true)).toBe("⌘⌥2");
    expect(ariaShortcut("Mod-b", false)).toBe("Control+B");
    expect(ariaShortcut("Mod-b", true)).toBe("Meta+B");
  });
});
