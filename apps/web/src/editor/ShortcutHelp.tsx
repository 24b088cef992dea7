import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { SUGGESTION_SHORTCUTS, type SuggestionAction } from "../suggestions/suggestionShortcuts.ts";
import { BLOCK_KINDS } from "./blockKind.ts";
import { type EditorAction, formatShortcut, SHORTCUTS } from "./shortcuts.ts";

/** A disclosure listing every keyboard shortcut of the editor. */
export function ShortcutHelp({ mac }: { mac: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      if (panelRef.current?.contains(document.activeElement)) buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", closeOnOutsideClick);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutsideClick);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  const rows: [EditorAction, string][] = [
    ...BLOCK_KINDS.map((kind): [EditorAction, string] => [kind, t(`editor.kind.${kind}`)]),
    ["bold", t("editor.bold")],
    ["italic", t("editor.italic")],
    ["undo", t("editor.undo")],
    ["redo", t("editor.redo")],
  ];
  const suggestionRows: [SuggestionAction, string][] = [
    ["next", t("suggestions.shortcut.next")],
    ["previous", t("suggestions.shortcut.previous")],
    ["accept", t("suggestions.shortcut.accept")],
    ["reject", t("suggestions.shortcut.reject")],
  ];

  return (
    <div className="shortcut-help">
      <button
        ref={buttonRef}
        type="button"
        className="toolbar__button toolbar__button--help"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {t("editor.shortcuts")}
      </button>
      <div ref={panelRef} id={panelId} className="shortcut-help__panel" hidden={!open}>
        <h2 className="shortcut-help__title">{t("editor.shortcutsTitle")}</h2>
        <dl className="shortcut-help__list">
          {rows.map(([action, label]) => (
            <div key={action} className="shortcut-help__row">
              <dt>{label}</dt>
              <dd>
                <kbd>{formatShortcut(SHORTCUTS[action], mac)}</kbd>
              </dd>
            </div>
          ))}
          {suggestionRows.map(([action, label]) => (
            <div key={action} className="shortcut-help__row">
              <dt>{label}</dt>
              <dd>
                <kbd>{formatShortcut(SUGGESTION_SHORTCUTS[action], mac)}</kbd>
              </dd>
            </div>
          ))}
          <div className="shortcut-help__row">
            <dt>{t("suggestions.shortcut.list")}</dt>
            <dd>
              <kbd>J</kbd> / <kbd>K</kbd>
            </dd>
          </div>
        </dl>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        >
          {t("editor.close")}
        </button>
      </div>
    </div>
  );
}
