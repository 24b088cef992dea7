import type { ApiFailure } from "../api/errorMessage.ts";

/** What went wrong with an import, in the terms the form explains it. */
export type ImportProblem =
  /** The file is larger than the server accepts. */
  | "tooLarge"
  /** The server did not take the upload as a Word file (wrong type). */
  | "notDocx"
  /** The server read the file and refused it: its own sentence says why (damaged, an old .doc, no text…). */
  | "unreadable"
  /** Anything any call may meet (network, session, role…): the general sentences. */
  | "general";

/** Reads a refused import by its status and code. */
export function importProblemOf(failure: ApiFailure): ImportProblem {
  if (failure.status === 413 || failure.code === "payload_too_large") return "tooLarge";
  if (failure.status === 415) return "notDocx";
  if (failure.status === 400 && failure.code === "invalid_input") return "unreadable";
  return "general";
}

/** The name of each kind of warning the reader gives (its code), as a key of the translations. */
const WARNING_KINDS = {
  table: "table",
  image: "image",
  equation: "equation",
  comment: "comment",
  "tracked-change": "trackedChange",
  footnote: "footnote",
  endnote: "endnote",
  formatting: "formatting",
  link: "link",
  "line-break": "lineBreak",
  "header-footer": "headerFooter",
  "numbering-kept": "numberingKept",
  "kind-guessed": "kindGuessed",
  "heading-guessed": "headingGuessed",
  unsupported: "unsupported",
} as const;

export type WarningKind = (typeof WARNING_KINDS)[keyof typeof WARNING_KINDS] | "other";

/** The translation key of a warning's kind, by the server's code; "other" for a code this build does not know. */
export function warningKindOf(code: string): WarningKind {
  return Object.hasOwn(WARNING_KINDS, code) ? WARNING_KINDS[code as keyof typeof WARNING_KINDS] : "other";
}
