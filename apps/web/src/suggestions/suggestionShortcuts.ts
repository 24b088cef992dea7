/** A keyboard action on suggestions. */
export type SuggestionAction = "next" | "previous" | "accept" | "reject";

/** Each action's shortcut, in the notation of the editor's own shortcuts (see editor/shortcuts.ts). */
export const SUGGESTION_SHORTCUTS: Readonly<Record<SuggestionAction, string>> = {
  next: "Alt-]",
  previous: "Alt-[",
  accept: "Alt-a",
  reject: "Alt-r",
};

// Physical keys, so that the shortcuts work whatever the keyboard layout types with Alt (⌥ on a Mac types "‘").
const BY_CODE: Readonly<Record<string, SuggestionAction>> = {
  BracketRight: "next",
  BracketLeft: "previous",
  KeyA: "accept",
  KeyR: "reject",
};

/** The fields of a keyboard event that decide the action. */
export interface KeyPress {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The suggestion action of a key press (Alt with ], [, A or R, and nothing else), or null. */
export function suggestionActionOf(event: KeyPress): SuggestionAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return BY_CODE[event.code] ?? null;
}

/** Moving through the list of suggestions with single letters, when focus is on a suggestion (not in a field). */
export function listActionOf(event: KeyPress & { key: string }): "next" | "previous" | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === "j") return "next";
  if (event.key === "k") return "previous";
  return null;
}
