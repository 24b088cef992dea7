export { b, doc, type Inline, i, op, para, plain, pp, section, withId } from "./builders.ts";
export { BLOCK_TYPES, type PlenaryExtensionOptions, plenaryExtensions, plenarySchema } from "./extensions.ts";
export { isBlockId, newBlockId } from "./ids.ts";
export { Bold, Italic, Paragraph, PlenaryDocument, Section, Text } from "./nodes.ts";
export { type BlockInfo, blocksOfJSON, blocksOfNode, numberBlocks, numberDocument, textOfJSON } from "./numbering.ts";
export {
  type BlockSuggestion,
  blockSuggestionAttribute,
  Deletion,
  Insertion,
  isBlockSuggestion,
  type SuggestionRef,
} from "./suggestion-marks.ts";
export { type BlockKind, type DocJSON, type NumberedBlock, PARAGRAPH_KINDS, type ParagraphKind } from "./types.ts";
export {
  InvalidBlockError,
  InvalidDocumentError,
  jsonToYDoc,
  parseDocJSON,
  TEXT_FIELD,
  writeJSONToYDoc,
  yDocToJSON,
  yDocToNode,
  yElementToNode,
} from "./ydoc.ts";
