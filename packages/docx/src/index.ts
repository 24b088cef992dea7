export { type ComparisonAuthor, comparisonText } from "./compare.ts";
export { DocxError, type DocxErrorCode } from "./errors.ts";
export { type FoundChange, type FoundComment, inspectDocx } from "./inspect.ts";
export { toMarkdown } from "./markdown.ts";
export type { Revision, WordBlock, WordComment, WordRun, WordText } from "./model.ts";
export { type ImportedDocument, type ReadOptions, readDocx } from "./read.ts";
export { cleanText, type DescribeSuggestion, type SuggestionDetails, trackedText } from "./tracked.ts";
export type { ImportWarning, ImportWarningCode } from "./warnings.ts";
export { PARAGRAPH_STYLES, writeDocx } from "./write.ts";
