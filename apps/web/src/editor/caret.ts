import type { DecorationAttrs } from "@tiptap/pm/view";
import { cleanName, presenceColor } from "../presence/identity.ts";

/** Another person's caret: a thin bar in their colour with their name above it. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = cleanName(String(user.name ?? "")) ?? "?";
  const color = presenceColor(user.color, name);
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.borderColor = color;
  // The name is for sighted readers; to a screen reader it would break up the text.
  caret.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}

/** Another person's selection: a light tint of their colour, light enough to keep text readable. */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  const name = cleanName(String(user.name ?? "")) ?? "?";
  return {
    nodeName: "span",
    class: "collaboration-carets__selection",
    style: `background-color: ${presenceColor(user.color, name)}33`,
  };
}
