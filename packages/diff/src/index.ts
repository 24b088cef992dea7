export {
  type ComparedParagraph,
  type CompareOptions,
  compareVersions,
  countByStatus,
  type ParagraphStatus,
} from "./align.ts";
export { containment, similarity, wordsOf } from "./similarity.ts";
export { afterText, beforeText, type WordChange, wordDiff } from "./words.ts";
