import { Mark, mergeAttributes } from "@tiptap/core";

/**
 * Who proposed a suggestion: the suggestion's id, the author's user id and the
 * author's party id. Carried by every insertion and deletion mark and by a
 * block proposed for insertion or deletion, so that the text itself says whose
 * proposal each piece is; the server checks it against the connection's user.
 */
export interface SuggestionRef {
  id: string;
  author: string;
  party: string;
}

/** What a block-level suggestion proposes: a new block, or deleting a block. */
export interface BlockSuggestion extends SuggestionRef {
  type: "insertion" | "deletion";
}

// The pure packages compile without DOM typings: this is all parsing needs of an element.
interface ElementLike {
  getAttribute(name: string): string | null;
}

const refAttributes = {
  id: { default: "" },
  author: { default: "" },
  party: { default: "" },
};

function refHTML(attrs: { id?: unknown; author?: unknown; party?: unknown }) {
  return {
    "data-suggestion": attrs.id,
    "data-author": attrs.author,
    "data-party": attrs.party,
  };
}

function refFromHTML(element: ElementLike): SuggestionRef | false {
  const id = element.getAttribute("data-suggestion");
  if (!id) return false;
  return { id, author: element.getAttribute("data-author") ?? "", party: element.getAttribute("data-party") ?? "" };
}

/** Text proposed for insertion: shown underlined in the party's colour; kept by "accept", removed by "reject". */
export const Insertion = Mark.create({
  name: "insertion",
  inclusive: false,
  excludes: "insertion deletion",
  addAttributes: () => refAttributes,
  parseHTML: () => [{ tag: "ins[data-suggestion]", getAttrs: (element) => refFromHTML(element as ElementLike) }],
  renderHTML: ({ HTMLAttributes }) => ["ins", mergeAttributes(refHTML(HTMLAttributes), { class: "pl-insertion" }), 0],
});

/** Text proposed for deletion: shown struck out in the party's colour; removed by "accept", kept by "reject". */
export const Deletion = Mark.create({
  name: "deletion",
  inclusive: false,
  excludes: "insertion deletion",
  addAttributes: () => refAttributes,
  parseHTML: () => [{ tag: "del[data-suggestion]", getAttrs: (element) => refFromHTML(element as ElementLike) }],
  renderHTML: ({ HTMLAttributes }) => ["del", mergeAttributes(refHTML(HTMLAttributes), { class: "pl-deletion" }), 0],
});

/** Whether a value has the shape of a {@link BlockSuggestion}. */
export function isBlockSuggestion(value: unknown): value is BlockSuggestion {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.type === "insertion" || v.type === "deletion") &&
    typeof v.id === "string" &&
    typeof v.author === "string" &&
    typeof v.party === "string"
  );
}

/** The `suggestion` attribute of sections and paragraphs: null, or a {@link BlockSuggestion}. */
export const blockSuggestionAttribute = {
  suggestion: {
    default: null,
    parseHTML: (element: ElementLike) => {
      const type = element.getAttribute("data-block-suggestion");
      const ref = refFromHTML(element);
      return (type === "insertion" || type === "deletion") && ref ? { type, ...ref } : null;
    },
    renderHTML: (attributes: Record<string, unknown>) => {
      const suggestion = attributes.suggestion;
      if (!isBlockSuggestion(suggestion)) return {};
      return { "data-block-suggestion": suggestion.type, ...refHTML(suggestion) };
    },
  },
};
