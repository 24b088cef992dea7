import { Extension } from "@tiptap/core";
import { BLOCK_KINDS, setBlockKind } from "./blockKind.ts";
import { SHORTCUTS } from "./shortcuts.ts";

/**
 * The editor's own shortcuts: paragraph kinds, bold and italic. (Undo and redo
 * come with the Collaboration extension, which undoes only this person's changes.)
 */
export const PlenaryKeymap = Extension.create({
  name: "plenaryKeymap",
  addKeyboardShortcuts() {
    const kinds = Object.fromEntries(
      BLOCK_KINDS.map((kind) => [
        SHORTCUTS[kind],
        () => {
          if (!this.editor.isEditable) return false;
          // Handled even when the block already has this kind, so the key does nothing else.
          setBlockKind(kind)(this.editor.state, this.editor.view.dispatch);
          return true;
        },
      ]),
    );
    return {
      ...kinds,
      [SHORTCUTS.bold]: () => this.editor.commands.toggleMark("bold"),
      [SHORTCUTS.italic]: () => this.editor.commands.toggleMark("italic"),
    };
  },
});
