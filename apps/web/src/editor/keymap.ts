import { Extension } from "@tiptap/core";
import { BLOCK_KINDS, setBlockKind } from "./blockKind.ts";
import { SHORTCUTS } from "./shortcuts.ts";

/** Options of {@link PlenaryKeymap}. */
export interface PlenaryKeymapOptions {
  /** Whether this person's changes are suggestions: then formatting and paragraph kinds are not theirs to change. */
  suggesting: () => boolean;
}

/**
 * The editor's own shortcuts: paragraph kinds, bold and italic. (Undo and redo
 * come with the Collaboration extension, which undoes only this person's changes.)
 * While suggesting, the keys are taken but do nothing, as the buttons are disabled.
 */
export const PlenaryKeymap = Extension.create<PlenaryKeymapOptions>({
  name: "plenaryKeymap",
  addOptions() {
    return { suggesting: () => false };
  },
  addKeyboardShortcuts() {
    const suggesting = this.options.suggesting;
    const kinds = Object.fromEntries(
      BLOCK_KINDS.map((kind) => [
        SHORTCUTS[kind],
        () => {
          if (!this.editor.isEditable) return false;
          if (suggesting()) return true;
          // Handled even when the block already has this kind, so the key does nothing else.
          setBlockKind(kind)(this.editor.state, this.editor.view.dispatch);
          return true;
        },
      ]),
    );
    return {
      ...kinds,
      [SHORTCUTS.bold]: () => suggesting() || this.editor.commands.toggleMark("bold"),
      [SHORTCUTS.italic]: () => suggesting() || this.editor.commands.toggleMark("italic"),
    };
  },
});
