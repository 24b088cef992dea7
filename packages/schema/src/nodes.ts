import { Mark, mergeAttributes, Node } from "@tiptap/core";
import { blockSuggestionAttribute } from "./suggestion-marks.ts";
import { PARAGRAPH_KINDS, type ParagraphKind } from "./types.ts";

/** The document: a sequence of section headings and paragraphs. */
export const PlenaryDocument = Node.create({
  name: "doc",
  topNode: true,
  content: "block+",
});

/** Inline text. */
export const Text = Node.create({
  name: "text",
  group: "inline",
});

/** A section heading ("I. Shared vision"); never numbered as PP/OP. */
export const Section = Node.create({
  name: "section",
  group: "block",
  content: "inline*",
  defining: true,
  addAttributes: () => ({ ...blockSuggestionAttribute }),
  parseHTML: () => [{ tag: "h2" }, { tag: "h3" }],
  renderHTML: ({ HTMLAttributes }) => ["h2", mergeAttributes(HTMLAttributes, { class: "pl-section" }), 0],
});

/** A paragraph of kind preambular (PP), operative (OP) or plain. */
export const Paragraph = Node.create({
  name: "paragraph",
  group: "block",
  content: "inline*",
  priority: 1000,
  addAttributes() {
    return {
      kind: {
        default: "plain" satisfies ParagraphKind,
        parseHTML: (element) => parseKind(element.getAttribute("data-kind")),
        renderHTML: (attributes) => ({ "data-kind": attributes.kind }),
      },
      ...blockSuggestionAttribute,
    };
  },
  parseHTML: () => [{ tag: "p" }],
  renderHTML: ({ HTMLAttributes }) => ["p", mergeAttributes(HTMLAttributes, { class: "pl-paragraph" }), 0],
});

function parseKind(value: string | null): ParagraphKind {
  return PARAGRAPH_KINDS.find((kind) => kind === value) ?? "plain";
}

/** Bold text. */
export const Bold = Mark.create({
  name: "bold",
  parseHTML: () => [{ tag: "strong" }, { tag: "b" }],
  renderHTML: () => ["strong", 0],
});

/** Italic text (used for the opening verb of a paragraph in UN style). */
export const Italic = Mark.create({
  name: "italic",
  parseHTML: () => [{ tag: "em" }, { tag: "i" }],
  renderHTML: () => ["em", 0],
});
