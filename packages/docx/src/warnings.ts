/** What kind of thing an import could not carry over as it was. */
export type ImportWarningCode =
  | "table"
  | "image"
  | "equation"
  | "comment"
  | "tracked-change"
  | "footnote"
  | "endnote"
  | "formatting"
  | "link"
  | "line-break"
  | "header-footer"
  | "numbering-kept"
  | "kind-guessed"
  | "heading-guessed"
  | "unsupported";

/** One thing the import could not convert, or converted in a way the facilitator should check. */
export interface ImportWarning {
  code: ImportWarningCode;
  /** A sentence a person can act on, naming where it was ("in OP 3") and what was lost. */
  message: string;
}

interface Issue {
  code: ImportWarningCode;
  /** Index of the block of the imported document it concerns (the block being read when it was seen). */
  block: number;
  detail?: string | undefined;
}

const MAX_DETAILS = 12;

/**
 * Collects what the reader could not convert while it reads, and turns it
 * into one warning per kind of problem, naming the paragraphs concerned by
 * their numbers once the document is complete.
 */
export class Issues {
  private readonly issues: Issue[] = [];
  private readonly general: ImportWarning[] = [];

  /** Notes a problem seen in the block at index `block`; `detail` is quoted text, an author… */
  add(code: ImportWarningCode, block: number, detail?: string): void {
    this.issues.push({ code, block, detail });
  }

  /** Adds a warning not tied to paragraphs. */
  warn(code: ImportWarningCode, message: string): void {
    this.general.push({ code, message });
  }

  /** The warnings, with block indexes turned into the names `where` gives them ("OP 3", "the heading “Preamble”"). */
  warnings(where: (block: number) => string): ImportWarning[] {
    const byCode = new Map<ImportWarningCode, Issue[]>();
    for (const issue of this.issues) byCode.set(issue.code, [...(byCode.get(issue.code) ?? []), issue]);
    const warnings = [...byCode].map(([code, issues]) => ({ code, message: MESSAGES[code](issues, where) }));
    return [...this.general, ...warnings];
  }
}

function places(issues: Issue[], where: (block: number) => string): string {
  const names = [...new Set(issues.map((issue) => where(issue.block)))];
  const shown = names.slice(0, MAX_DETAILS).join(", ");
  return names.length > MAX_DETAILS ? `${shown} and ${names.length - MAX_DETAILS} more` : shown;
}

function quoted(issues: Issue[]): string {
  const details = [...new Set(issues.map((issue) => issue.detail).filter((d): d is string => Boolean(d)))];
  const shown = details
    .slice(0, MAX_DETAILS)
    .map((d) => `“${d}”`)
    .join("; ");
  return details.length > MAX_DETAILS ? `${shown}; and ${details.length - MAX_DETAILS} more` : shown;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const MESSAGES: Record<ImportWarningCode, (issues: Issue[], where: (block: number) => string) => string> = {
  table: (issues, where) =>
    `${count(issues.length, "table row was", "table rows were")} turned into plain paragraphs, cells separated by “ | ” (${places(issues, where)}); check them.`,
  image: (issues, where) =>
    `${count(issues.length, "image or drawing was", "images or drawings were")} not imported (${places(issues, where)}).`,
  equation: (issues, where) =>
    `${count(issues.length, "equation was", "equations were")} not imported (${places(issues, where)}).`,
  comment: (issues) =>
    `${count(issues.length, "Word comment was", "Word comments were")} not imported: ${quoted(issues)}.`,
  "tracked-change": (issues, where) =>
    `The document held ${count(issues.length, "tracked change", "tracked changes")} (${places(issues, where)}); they were imported as if accepted. ${deletedText(issues)}`.trim(),
  footnote: (issues, where) =>
    `${count(issues.length, "footnote was", "footnotes were")} turned into text at the place of the note mark, as “(footnote N: …)” (${places(issues, where)}).`,
  endnote: (issues, where) =>
    `${count(issues.length, "endnote was", "endnotes were")} turned into text at the place of the note mark, as “(endnote N: …)” (${places(issues, where)}).`,
  formatting: (issues, where) =>
    `Formatting that Plenary does not keep was dropped: ${quoted(issues)} (${places(issues, where)}). Bold and italic are kept.`,
  link: (issues, where) =>
    `${count(issues.length, "link was", "links were")} kept as text without the address: ${quoted(issues)} (${places(issues, where)}).`,
  "line-break": (issues, where) =>
    `${count(issues.length, "line or page break inside a paragraph was", "line or page breaks inside paragraphs were")} turned into a space (${places(issues, where)}).`,
  "header-footer": (issues) => `Page headers and footers were not imported: ${quoted(issues)}.`,
  "numbering-kept": (issues, where) =>
    `The document numbers its paragraphs its own way (for example “${issues[0]?.detail ?? ""}”): each keeps its original number as text at its start, beside Plenary's own PP/OP numbers (${places(issues, where)}).`,
  "kind-guessed": (issues, where) =>
    `Preambular or operative could not be told from the style or the opening words; the kind of the paragraph before was used (${places(issues, where)}). Check them.`,
  "heading-guessed": (issues, where) =>
    `Short bold lines without a heading style were taken as headings (${places(issues, where)}). Check them.`,
  unsupported: (issues, where) =>
    `Some content could not be read and was left out: ${quoted(issues)} (${places(issues, where)}).`,
};

function deletedText(issues: Issue[]): string {
  const deleted = issues.filter((issue) => issue.detail);
  return deleted.length > 0 ? `Text they deleted, not in the draft: ${quoted(deleted)}.` : "";
}
