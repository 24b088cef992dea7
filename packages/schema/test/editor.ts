import { Editor } from "@tiptap/core";
import { history, redo, undo } from "@tiptap/pm/history";
import type { Slice } from "@tiptap/pm/model";
import { NodeSelection, type Plugin, TextSelection } from "@tiptap/pm/state";
import type { EditorProps, EditorView } from "@tiptap/pm/view";
import { blocksOfNode, type DocJSON, plenaryExtensions } from "../src/index.ts";
import { tagged } from "./tags.ts";

// These tests run in Node, without a DOM. Tiptap 3 builds an editor with `element: null`
// and gives it a stand-in view, but only `mount()` installs the extensions' plugins; we
// install the very same plugins ourselves. Keys, paste and drop are then driven through
// the plugins' props exactly as prosemirror-view calls them, minus the DOM.

/** A headless editor and the positions tagged in its initial document. */
export interface TestEditor {
  editor: Editor;
  tags: Record<string, number>;
}

/** An editor with Plenary's extensions and undo history, holding `json`; the cursor goes to tag `<a>` if any. */
export function createEditor(json: DocJSON): TestEditor {
  const { doc, tags } = tagged(json);
  const editor = new Editor({ element: null, extensions: plenaryExtensions(), content: doc });
  editor.view.updateState(editor.state.reconfigure({ plugins: [...editor.extensionManager.plugins, history()] }));
  if (tags.a !== undefined) select(editor, tags.a, tags.b);
  return { editor, tags };
}

/** Places the cursor at `from`, or selects the text from `from` to `to`. */
export function select(editor: Editor, from: number, to = from): void {
  const { state } = editor;
  editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

/** The id, kind and text of each top-level block. */
export function blocks(editor: Editor): { id: string; kind: string; text: string }[] {
  return blocksOfNode(editor.state.doc).map(({ id, kind, text }) => ({ id, kind, text }));
}

/** The ids of the top-level blocks, in order. */
export function ids(editor: Editor): string[] {
  return blocksOfNode(editor.state.doc).map((block) => block.id);
}

/** Types text at the selection, as the browser's input does. */
export function type(editor: Editor, text: string): void {
  editor.view.dispatch(editor.state.tr.insertText(text));
}

type KeyDownEvent = Parameters<NonNullable<EditorProps["handleKeyDown"]>>[1];
const KEY_CODES = { Enter: 13, Backspace: 8, Delete: 46 } as const;

/** Presses a key through the editor's keymaps; returns whether a keymap handled it. */
export function press(editor: Editor, key: keyof typeof KEY_CODES): boolean {
  const event = { key, keyCode: KEY_CODES[key], shiftKey: false, altKey: false, ctrlKey: false, metaKey: false };
  return someProp(editor, (props, plugin) =>
    props.handleKeyDown?.call(plugin, editor.view, event as unknown as KeyDownEvent),
  );
}

/** Undoes the last change; returns whether there was one. */
export function undoLast(editor: Editor): boolean {
  return undo(editor.state, editor.view.dispatch);
}

/** Redoes the last undone change; returns whether there was one. */
export function redoLast(editor: Editor): boolean {
  return redo(editor.state, editor.view.dispatch);
}

/** What the clipboard holds after copying the whole block at `pos` (the slice the editor serializes). */
export function copyBlock(editor: Editor, pos: number): Slice {
  return NodeSelection.create(editor.state.doc, pos).content();
}

/** What the clipboard holds after copying the text between `from` and `to`. */
export function copyRange(editor: Editor, from: number, to: number): Slice {
  return editor.state.doc.slice(from, to);
}

type ClipboardEventLike = Parameters<NonNullable<NonNullable<EditorProps["handleDOMEvents"]>["paste"]>>[1];

/** Pastes a slice at the selection through the paste hooks prosemirror-view runs (`handleDOMEvents.paste`, `transformPasted`, `handlePaste`). */
export function paste(editor: Editor, copied: Slice): void {
  const { view } = editor;
  const event = { clipboardData: null } as unknown as ClipboardEventLike;
  if (someProp(editor, (props, plugin) => props.handleDOMEvents?.paste?.call(plugin, view, event))) return;
  const slice = transformPasted(editor, copied, view);
  if (someProp(editor, (props, plugin) => props.handlePaste?.call(plugin, view, event, slice))) return;
  const single = slice.openStart === 0 && slice.openEnd === 0 && slice.content.childCount === 1;
  const tr = single
    ? view.state.tr.replaceSelectionWith(slice.content.firstChild!, false)
    : view.state.tr.replaceSelection(slice);
  view.dispatch(tr.setMeta("paste", true).setMeta("uiEvent", "paste"));
}

type DragEventLike = Parameters<NonNullable<NonNullable<EditorProps["handleDOMEvents"]>["drop"]>>[1];

/**
 * Drags the block at `from` and drops it at `to`, a position between blocks, as
 * prosemirror-view's drop handler does for a drag that started in this editor: the
 * dragged slice goes through `transformPasted`, then a move deletes the source.
 * `copy` stands for holding the copy modifier (Ctrl, or Alt on macOS).
 */
export function drag(editor: Editor, from: number, to: number, { copy = false } = {}): void {
  const source = NodeSelection.create(editor.state.doc, from);
  editor.view.dispatch(editor.state.tr.setSelection(source));
  const dragged = source.content();
  const view = dragView(editor, { slice: dragged, move: !copy });
  // prosemirror-view's dragstart sets "copyMove" on every drag it starts.
  const event = { dataTransfer: { effectAllowed: "copyMove" }, ctrlKey: copy, altKey: copy };
  if (someProp(editor, (props, plugin) => props.handleDOMEvents?.drop?.call(plugin, view, event as DragEventLike))) {
    return;
  }
  const slice = transformPasted(editor, dragged, view);
  const tr = editor.state.tr;
  if (!copy) source.replace(tr);
  const pos = tr.mapping.map(to);
  const single = slice.openStart === 0 && slice.openEnd === 0 && slice.content.childCount === 1;
  if (single) tr.replaceRangeWith(pos, pos, slice.content.firstChild!);
  else tr.replaceRange(pos, pos, slice);
  view.dispatch(tr.setMeta("uiEvent", "drop"));
}

// The view a drop handler sees: its `dragging` is set, as between dragstart and drop.
// `dom.parentElement` is null, as is the drag source the UniqueID plugin records from a
// window "dragstart" listener that never runs without a DOM, so the drop reads as a drag
// from this same editor.
function dragView(editor: Editor, dragging: { slice: Slice; move: boolean }): EditorView {
  const view = {
    get state() {
      return editor.state;
    },
    dispatch: (tr: Parameters<EditorView["dispatch"]>[0]) => editor.view.dispatch(tr),
    dom: { parentElement: null },
    dragging,
  };
  return view as unknown as EditorView;
}

function transformPasted(editor: Editor, slice: Slice, view: EditorView): Slice {
  let result = slice;
  for (const plugin of editor.state.plugins) {
    const transform = plugin.props.transformPasted;
    if (transform) result = transform.call(plugin, result, view, false);
  }
  return result;
}

function someProp(editor: Editor, run: (props: EditorProps, plugin: Plugin) => unknown): boolean {
  return editor.state.plugins.some((plugin) => run(plugin.props, plugin) === true);
}

/** The position just before the top-level block at `index` (or the end of the document when `index` is the count). */
export function blockStart(editor: Editor, index: number): number {
  const { doc } = editor.state;
  if (index < 0 || index > doc.childCount) throw new RangeError(`No block at index ${index}`);
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/** One random editing action for property tests; block numbers and offsets wrap around what exists. */
export type Action =
  | { kind: "type"; block: number; offset: number; text: string }
  | { kind: "enter" | "backspace" | "delete"; block: number; offset: number }
  | { kind: "paste" | "insert"; block: number; target: number }
  | { kind: "drag"; block: number; target: number; copy: boolean }
  | { kind: "undo" | "redo" };

/** Applies an {@link Action}: edits at a cursor, copies a block to another place, drags one, undoes or redoes. */
export function apply(editor: Editor, action: Action): void {
  const count = editor.state.doc.childCount;
  switch (action.kind) {
    case "undo":
      undoLast(editor);
      return;
    case "redo":
      redoLast(editor);
      return;
    case "type":
      select(editor, cursorIn(editor, action.block, action.offset));
      type(editor, action.text);
      return;
    case "enter":
      select(editor, cursorIn(editor, action.block, action.offset));
      press(editor, "Enter");
      return;
    case "backspace":
    case "delete":
      select(editor, cursorIn(editor, action.block, action.offset));
      press(editor, action.kind === "backspace" ? "Backspace" : "Delete");
      return;
    case "paste":
      {
        const copied = copyBlock(editor, blockStart(editor, action.block % count));
        const target = action.target % count;
        select(editor, blockStart(editor, target + 1) - 1);
        paste(editor, copied);
      }
      return;
    case "insert": {
      const copied = editor.state.doc.child(action.block % count);
      editor.view.dispatch(editor.state.tr.insert(blockStart(editor, action.target % (count + 1)), copied));
      return;
    }
    case "drag":
      drag(editor, blockStart(editor, action.block % count), blockStart(editor, action.target % (count + 1)), {
        copy: action.copy,
      });
      return;
  }
}

function cursorIn(editor: Editor, block: number, offset: number): number {
  const index = block % editor.state.doc.childCount;
  const node = editor.state.doc.child(index);
  return blockStart(editor, index) + 1 + (offset % (node.content.size + 1));
}
