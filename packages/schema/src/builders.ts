import type { JSONContent } from "@tiptap/core";
import type { DocJSON, ParagraphKind } from "./types.ts";

/** Content of a block in a builder: plain strings, or text nodes made with {@link b} / {@link i}. */
export type Inline = string | JSONContent;

let counter = 0;
function nextId(): string {
  counter += 1;
  return `b${counter}`;
}

function inline(content: Inline[]): JSONContent[] {
  return content
    .filter((part) => part !== "")
    .map((part) => (typeof part === "string" ? { type: "text", text: part } : part));
}

function block(type: string, attrs: Record<string, unknown>, content: Inline[]): JSONContent {
  const children = inline(content);
  // Attributes in ProseMirror's canonical JSON order, with the defaults it writes out.
  return { type, attrs: { ...attrs, suggestion: null }, ...(children.length > 0 ? { content: children } : {}) };
}

/** A document of the given blocks: `doc(section("I. Vision"), pp("Recalling…"), op("Decides…"))`. */
export function doc(...blocks: JSONContent[]): DocJSON {
  return { type: "doc", content: blocks };
}

/** A paragraph of the given kind; `id` defaults to a fresh predictable one ("b1", "b2", …). */
export function para(kind: ParagraphKind, ...content: Inline[]): JSONContent {
  return block("paragraph", { id: nextId(), kind }, content);
}

/** A preambular paragraph. */
export const pp = (...content: Inline[]): JSONContent => para("pp", ...content);
/** An operative paragraph. */
export const op = (...content: Inline[]): JSONContent => para("op", ...content);
/** A plain, unnumbered paragraph. */
export const plain = (...content: Inline[]): JSONContent => para("plain", ...content);
/** A section heading. */
export const section = (...content: Inline[]): JSONContent => block("section", { id: nextId() }, content);

/** Gives a block built with the helpers above a chosen id. */
export function withId(node: JSONContent, id: string): JSONContent {
  return { ...node, attrs: { ...node.attrs, id } };
}

/** Bold text. */
export const b = (text: string): JSONContent => ({ type: "text", text, marks: [{ type: "bold" }] });
/** Italic text. */
export const i = (text: string): JSONContent => ({ type: "text", text, marks: [{ type: "italic" }] });
