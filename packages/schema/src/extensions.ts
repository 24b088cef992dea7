import { type Extensions, getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { BlockIds } from "./blockids.ts";
import { newBlockId } from "./ids.ts";
import { Bold, Italic, Paragraph, PlenaryDocument, Section, Text } from "./nodes.ts";
import { Deletion, Insertion } from "./suggestion-marks.ts";

/** Node types that carry a stable `id` attribute. */
export const BLOCK_TYPES = ["section", "paragraph"] as const;

/** Options for {@link plenaryExtensions}. */
export interface PlenaryExtensionOptions {
  /** Id generator; defaults to {@link newBlockId}. */
  generateId?: () => string;
  /** Return false for transactions whose blocks must not receive ids (e.g. remote Yjs changes). */
  filterTransaction?: (tr: Transaction) => boolean;
}

/**
 * The Tiptap extensions that define a Plenary document: sections, PP/OP/plain
 * paragraphs, bold and italic, suggestion marks (insertion, deletion) and
 * block suggestions, and stable block ids (new ids for split-off,
 * pasted or duplicated blocks; the original keeps its own, and so does a moved block).
 */
export function plenaryExtensions(options: PlenaryExtensionOptions = {}): Extensions {
  const generateId = options.generateId ?? (() => newBlockId());
  return [
    PlenaryDocument,
    Text,
    Section,
    Paragraph,
    Bold,
    Italic,
    Insertion,
    Deletion,
    BlockIds.configure({
      types: [...BLOCK_TYPES],
      attributeName: "id",
      generateID: () => generateId(),
      filterTransaction: options.filterTransaction ?? null,
    }),
  ];
}

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of a Plenary document (the same in the browser and on the server). */
export function plenarySchema(): Schema {
  cachedSchema ??= getSchema(plenaryExtensions());
  return cachedSchema;
}
