import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { BlockKind, NumberedBlock, ParagraphKind } from "./types.ts";

/** A top-level block before numbering: its id, kind and plain text. */
export interface BlockInfo {
  id: string;
  kind: BlockKind;
  text: string;
}

const LABEL_PREFIX: Record<BlockKind, string | null> = { pp: "PP", op: "OP", plain: null, section: null };

/**
 * Numbers blocks as negotiators do: preambular and operative paragraphs are
 * counted separately, each from 1, across sections; headings and plain
 * paragraphs get no number. Numbers are derived from position, never stored.
 */
export function numberBlocks(blocks: readonly BlockInfo[]): NumberedBlock[] {
  const counters: Record<BlockKind, number> = { pp: 0, op: 0, plain: 0, section: 0 };
  return blocks.map((block, index) => {
    const prefix = LABEL_PREFIX[block.kind];
    if (prefix === null) return { ...block, index, number: null, label: null };
    counters[block.kind] += 1;
    const number = counters[block.kind];
    return { ...block, index, number, label: `${prefix} ${number}` };
  });
}

/** The top-level blocks of a ProseMirror document. */
export function blocksOfNode(doc: PMNode): BlockInfo[] {
  const blocks: BlockInfo[] = [];
  doc.forEach((node) => {
    blocks.push({
      id: String(node.attrs.id ?? ""),
      kind: kindOfNode(node.type.name, node.attrs.kind),
      text: node.textContent,
    });
  });
  return blocks;
}

/** The top-level blocks of a document in ProseMirror JSON. */
export function blocksOfJSON(doc: JSONContent): BlockInfo[] {
  return (doc.content ?? []).map((node) => ({
    id: String(node.attrs?.id ?? ""),
    kind: kindOfNode(node.type ?? "", node.attrs?.kind),
    text: textOfJSON(node),
  }));
}

/** The plain text of a JSON node (its text leaves, concatenated). */
export function textOfJSON(node: JSONContent): string {
  if (typeof node.text === "string") return node.text;
  return (node.content ?? []).map(textOfJSON).join("");
}

function kindOfNode(type: string, kind: unknown): BlockKind {
  if (type === "section") return "section";
  return kind === "pp" || kind === "op" ? (kind satisfies ParagraphKind) : "plain";
}

/** Numbers the top-level blocks of a ProseMirror document. */
export function numberDocument(doc: PMNode): NumberedBlock[] {
  return numberBlocks(blocksOfNode(doc));
}
