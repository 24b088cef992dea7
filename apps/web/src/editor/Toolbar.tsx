import type { BlockKind } from "@plenary/schema";
import { type Editor, useEditorState } from "@tiptap/react";
import { type KeyboardEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { activeBlockKind, BLOCK_KINDS, setBlockKind } from "./blockKind.ts";
import { ShortcutHelp } from "./ShortcutHelp.tsx";
import { ariaShortcut, type EditorAction, formatShortcut, isMac, SHORTCUTS } from "./shortcuts.ts";

interface ToolbarProps {
  editor: Editor;
  /** This person's changes are suggestions: formatting and paragraph kinds are not theirs to change. */
  suggesting: boolean;
  /** The live text is hidden (another view of it is shown): nothing applies. */
  inactive: boolean;
  /** Proposes deleting the paragraph at the caret; offered while suggesting. */
  onProposeDeletion?: () => void;
}

/**
 * Paragraph kind, bold, italic, undo and redo: real buttons, with their
 * shortcuts in their titles. While suggesting, formatting and kinds are
 * disabled and "Propose deleting this paragraph" is offered instead.
 */
export function Toolbar({ editor, suggesting, inactive, onProposeDeletion }: ToolbarProps) {
  const { t } = useTranslation();
  const mac = useMemo(isMac, []);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      editable: current.isEditable,
      kind: activeBlockKind(current.state),
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });

  const shortcutProps = (action: EditorAction, label: string) => ({
    title: t("editor.withShortcut", { label, shortcut: formatShortcut(SHORTCUTS[action], mac) }),
    "aria-keyshortcuts": ariaShortcut(SHORTCUTS[action], mac),
  });

  const chooseKind = (kind: BlockKind) => {
    editor.commands.focus();
    setBlockKind(kind)(editor.state, editor.view.dispatch);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t("editor.toolbar")} onKeyDown={moveFocusWithArrows}>
      <fieldset className="toolbar__group" disabled={!state.editable || suggesting || inactive}>
        <legend className="visually-hidden">{t("editor.kindGroup")}</legend>
        {BLOCK_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="toolbar__button toolbar__button--kind"
            aria-pressed={state.kind === kind}
            aria-label={t(`editor.kind.${kind}`)}
            onClick={() => chooseKind(kind)}
            {...shortcutProps(kind, t(`editor.kind.${kind}`))}
          >
            {t(`editor.kindShort.${kind}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="toolbar__group" disabled={!state.editable || suggesting || inactive}>
        <legend className="visually-hidden">{t("editor.toolbar")}</legend>
        <button
          type="button"
          className="toolbar__button toolbar__button--bold"
          aria-pressed={state.bold}
          aria-label={t("editor.bold")}
          onClick={() => editor.chain().focus().toggleMark("bold").run()}
          {...shortcutProps("bold", t("editor.bold"))}
        >
          <b aria-hidden="true">B</b>
        </button>
        <button
          type="button"
          className="toolbar__button toolbar__button--italic"
          aria-pressed={state.italic}
          aria-label={t("editor.italic")}
          onClick={() => editor.chain().focus().toggleMark("italic").run()}
          {...shortcutProps("italic", t("editor.italic"))}
        >
          <i aria-hidden="true">I</i>
        </button>
      </fieldset>
      <fieldset className="toolbar__group" disabled={!state.editable || inactive}>
        <legend className="visually-hidden">{t("editor.undo")}</legend>
        <button
          type="button"
          className="toolbar__button"
          aria-label={t("editor.undo")}
          disabled={!state.canUndo}
          onClick={() => editor.chain().focus().undo().run()}
          {...shortcutProps("undo", t("editor.undo"))}
        >
          <span aria-hidden="true" className="toolbar__icon toolbar__icon--undo">
            ↶
          </span>
        </button>
        <button
          type="button"
          className="toolbar__button"
          aria-label={t("editor.redo")}
          disabled={!state.canRedo}
          onClick={() => editor.chain().focus().redo().run()}
          {...shortcutProps("redo", t("editor.redo"))}
        >
          <span aria-hidden="true" className="toolbar__icon toolbar__icon--redo">
            ↷
          </span>
        </button>
      </fieldset>
      {suggesting && onProposeDeletion && (
        <fieldset className="toolbar__group" disabled={!state.editable || inactive}>
          <legend className="visually-hidden">{t("suggestions.mode.suggesting")}</legend>
          <button type="button" className="toolbar__button toolbar__button--text" onClick={onProposeDeletion}>
            {t("suggestions.proposeDeletion")}
          </button>
        </fieldset>
      )}
      <ShortcutHelp mac={mac} />
    </div>
  );
}

/** Arrow keys move between the toolbar's buttons, as in the ARIA toolbar pattern. */
function moveFocusWithArrows(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== "ArrowRight" && event.key !== "ArrowLeft" && event.key !== "Home" && event.key !== "End") return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)"));
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (current === -1) return;
  const rtl = getComputedStyle(event.currentTarget).direction === "rtl";
  const forward = event.key === (rtl ? "ArrowLeft" : "ArrowRight");
  let next = forward ? current + 1 : current - 1;
  if (event.key === "Home") next = 0;
  if (event.key === "End") next = buttons.length - 1;
  event.preventDefault();
  buttons[(next + buttons.length) % buttons.length]?.focus();
}
