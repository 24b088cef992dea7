import type { JSONContent } from "@tiptap/core";

/** The kind of a paragraph: preambular (PP), operative (OP) or plain (unnumbered). */
export type ParagraphKind = "pp" | "op" | "plain";

/** All paragraph kinds, in the order the interface offers them. */
export const PARAGRAPH_KINDS: readonly ParagraphKind[] = ["pp", "op", "plain"];

/** The kind of a top-level block: a section heading or a paragraph of some kind. */
export type BlockKind = "section" | ParagraphKind;

/** A document as ProseMirror/Tiptap JSON. */
export type DocJSON = JSONContent & { type: "doc"; content: JSONContent[] };

/** One top-level block with its computed number (`label` is null for unnumbered blocks). */
export interface NumberedBlock {
  /** The block's stable id. */
  id: string;
  kind: BlockKind;
  /** 0-based position among the document's top-level blocks. */
  index: number;
  /** 1-based number among blocks of the same kind (PP or OP); null when unnumbered. */
  number: number | null;
  /** Short label as negotiators say it: "PP 3", "OP 12"; null when unnumbered. */
  label: string | null;
  /** The block's plain text. */
  text: string;
}
