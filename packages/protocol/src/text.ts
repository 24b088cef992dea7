import { z } from "zod";

/** Why a piece of text is not plain text a person typed; see {@link plainTextProblem}. */
export type TextProblem = "html" | "control" | "direction" | "line-break";

/** The sentence a person reads for each {@link TextProblem}. */
export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  html: "Write plain text: HTML is not accepted.",
  control: "Remove the invisible control characters from the text.",
  direction:
    "Remove the invisible characters that change the direction of the text (they can make it read differently from what is stored).",
  "line-break": "Write this on one line.",
};

// A tag, a comment, a doctype or a processing instruction opens with "<" right before an ASCII
// letter, "!", "/" or "?": that is how HTML parsers read it. "a < b" and "<2 °C" stay allowed.
const HTML = /<[a-z!/?]/i;
// C0 and C1 controls except tab, line feed and carriage return (which multi-line text may hold).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Embeddings, overrides and isolates: they reorder what is displayed ("Trojan Source"). The marks
// U+200E and U+200F that right-to-left writing uses are not among them.
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/;
// Everything that starts a new line, including the Unicode line and paragraph separators.
const LINE_BREAK = /[\t\n\r\u0085\u2028\u2029]/;

/**
 * What is wrong with `text` as plain text, or null when nothing is: HTML markup, control
 * characters, bidirectional overrides, and (for one-line fields) line breaks or tabs. Every
 * free text the server stores (names, titles, statements, rationales, replies, reasons) is held
 * to this rule.
 */
export function plainTextProblem(text: string, options: { multiline: boolean }): TextProblem | null {
  if (HTML.test(text)) return "html";
  if (CONTROL.test(text)) return "control";
  if (DIRECTION.test(text)) return "direction";
  if (!options.multiline && LINE_BREAK.test(text)) return "line-break";
  return null;
}

/** Options of {@link plainText}. */
export interface PlainTextOptions {
  /** Longest text accepted, in UTF-16 code units. */
  max: number;
  /** Shortest text accepted (after trimming); default 1. 0 makes the text optional. */
  min?: number;
  /** The sentence shown when the text is shorter than `min`. */
  tooShort?: string;
  /** Whether line breaks are allowed (statements, replies) or not (names, titles); default false. */
  multiline?: boolean;
}

/**
 * A zod schema for a free text a person types: trimmed, of bounded length, and refused
 * with a clear sentence when {@link plainTextProblem} finds something wrong. Every free-text
 * field of the API's request schemas is built with it.
 */
export function plainText(options: PlainTextOptions) {
  const min = options.min ?? 1;
  const multiline = options.multiline ?? false;
  let schema = z.string().trim();
  if (min > 0) schema = schema.min(min, options.tooShort ?? "This cannot be empty.");
  return schema.max(options.max, `Write at most ${options.max} characters.`).superRefine((text, context) => {
    const problem = plainTextProblem(text, { multiline });
    // The problem travels as a parameter too, so that a form can say it in the person's language.
    if (problem) context.addIssue({ code: "custom", message: TEXT_PROBLEM_MESSAGES[problem], params: { problem } });
  });
}

/** A zod schema for an id that names a record (a party, a paragraph): letters, digits, "-" and "_". */
export function recordId() {
  return z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, "This id is not valid.");
}
