import type { BlockKind } from "@plenary/schema";

/** An editor action with a keyboard shortcut and a toolbar button. */
export type EditorAction = BlockKind | "bold" | "italic" | "undo" | "redo";

/** Each action's shortcut, in ProseMirror keymap notation ("Mod" is Ctrl, or ⌘ on a Mac). */
export const SHORTCUTS: Readonly<Record<EditorAction, string>> = {
  pp: "Mod-Alt-1",
  op: "Mod-Alt-2",
  plain: "Mod-Alt-3",
  section: "Mod-Alt-4",
  bold: "Mod-b",
  italic: "Mod-i",
  undo: "Mod-z",
  redo: "Shift-Mod-z",
};

const MAC_SYMBOLS: Record<string, string> = { Mod: "⌘", Alt: "⌥", Shift: "⇧", Ctrl: "⌃" };
const ARIA_NAMES: Record<string, string> = { Alt: "Alt", Shift: "Shift", Ctrl: "Control" };

/** A shortcut as people read it: "Ctrl+Alt+1" on Windows and Linux, "⌘⌥1" on a Mac. */
export function formatShortcut(keys: string, mac: boolean): string {
  const parts = keys.split("-").map((part) => (part.length === 1 ? part.toUpperCase() : part));
  if (mac) return parts.map((part) => MAC_SYMBOLS[part] ?? part).join("");
  return parts.map((part) => (part === "Mod" ? "Ctrl" : part)).join("+");
}

/** A shortcut in the notation of the `aria-keyshortcuts` attribute ("Control+Alt+1"). */
export function ariaShortcut(keys: string, mac: boolean): string {
  return keys
    .split("-")
    .map((part) => {
      if (part === "Mod") return mac ? "Meta" : "Control";
      return ARIA_NAMES[part] ?? (part.length === 1 ? part.toUpperCase() : part);
    })
    .join("+");
}

/** Whether this browser runs on Apple hardware, where "Mod" is the ⌘ key. */
export function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
