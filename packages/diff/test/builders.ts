import { type BlockInfo, type NumberedBlock, numberBlocks } from "@plenary/schema";
import type { ComparedParagraph } from "../src/index.ts";

/** An operative paragraph with the block id `id`. */
export const op = (id: string, text: string): BlockInfo => ({ id, kind: "op", text });
/** A preambular paragraph with the block id `id`. */
export const pp = (id: string, text: string): BlockInfo => ({ id, kind: "pp", text });
/** A section heading with the block id `id`. */
export const section = (id: string, text: string): BlockInfo => ({ id, kind: "section", text });

/** A version of a text: its blocks, numbered as the editor numbers them. */
export const v = (...blocks: BlockInfo[]): NumberedBlock[] => numberBlocks(blocks);

/** The same version as pasted or imported: no block has an id. */
export const withoutIds = (version: readonly NumberedBlock[]): NumberedBlock[] =>
  version.map((block) => ({ ...block, id: "" }));

const name = (block: NumberedBlock) => block.id || block.label || block.text;

/**
 * A comparison in one line per row: the status, then the blocks by id (by label
 * when they have none), old → new: "unchanged a", "split a → a q", "deleted b".
 */
export function shape(rows: readonly ComparedParagraph[]): string[] {
  return rows.map((r) => {
    const old = r.old.map(name).join(" ");
    const neu = r.new.map(name).join(" ");
    if (r.status === "added") return `added ${neu}`;
    if (r.status === "deleted") return `deleted ${old}`;
    return old === neu ? `${r.status} ${old}` : `${r.status} ${old} → ${neu}`;
  });
}

/** A row's number as the comparison view shows it: "OP 3, was OP 2". */
export const numbering = (r: ComparedParagraph): string => `${r.new[0]?.label}, was ${r.old[0]?.label}`;

/** The row holding the block with id `id` in either version. */
export function rowOf(rows: readonly ComparedParagraph[], id: string): ComparedParagraph {
  const found = rows.find((r) => [...r.old, ...r.new].some((b) => b.id === id));
  if (!found) throw new RangeError(`No row holds block ${id}`);
  return found;
}
