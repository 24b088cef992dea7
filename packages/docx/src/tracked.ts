import { type BlockKind, type DocJSON, isBlockSuggestion, parseDocJSON, type SuggestionRef } from "@plenary/schema";
import { rejectAll } from "@plenary/suggestions";
import type { JSONContent } from "@tiptap/core";
import type { Revision, WordBlock, WordComment, WordRun, WordText } from "./model.ts";

/** How a suggestion is shown in Word: its author line, its date, and the comment beside it. */
export interface SuggestionDetails {
  /** The tracked change's author, e.g. "Kenya (Joseph Mwangi)". */
  author: string;
  /** ISO 8601 date and time the suggestion was made. */
  date: string;
  /** Text of a Word comment anchored on the suggestion (its rationale); none when empty. */
  comment?: string | null;
}

/** Looks up how to show a suggestion, from the reference its marks carry. */
export type DescribeSuggestion = (ref: SuggestionRef) => SuggestionDetails;

/**
 * The text with every pending suggestion as a tracked change: insertions
 * and deletions attributed to their author, a proposed or struck paragraph as
 * a whole (its paragraph mark included), and each suggestion's comment (its
 * rationale) anchored on its first piece. Accepting every change in Word gives
 * Plenary's "all accepted" text; rejecting every change gives the agreed text.
 */
export function trackedText(doc: DocJSON, title: string, describe: DescribeSuggestion): WordText {
  const json = parseDocJSON(doc).toJSON() as DocJSON;
  const comments: WordComment[] = [];
  const seen = new Map<string, { details: SuggestionDetails; comment: number | null; block: number }>();
  const lookup = (ref: SuggestionRef, block: number) => {
    let found = seen.get(ref.id);
    if (!found) {
      const details = describe(ref);
      const text = details.comment?.trim();
      const comment = text ? comments.length : null;
      if (text) comments.push({ id: comments.length, author: details.author, date: details.date, text });
      found = { details, comment, block };
      seen.set(ref.id, found);
    }
    // A suggestion's comment is anchored in the first block it touches only.
    return { ...found, comment: found.block === block ? found.comment : null };
  };
  const revision = (type: Revision["type"], details: SuggestionDetails): Revision => ({
    type,
    author: details.author,
    date: details.date,
  });

  const blocks = json.content.map((node, index): WordBlock => {
    const whole = isBlockSuggestion(node.attrs?.suggestion) ? node.attrs.suggestion : null;
    const wholeFound = whole ? lookup(whole, index) : null;
    const blockChange = whole && wholeFound ? revision(whole.type, wholeFound.details) : null;
    const runs = (node.content ?? []).map((leaf): WordRun => {
      const mark = leaf.marks?.find((m) => m.type === "insertion" || m.type === "deletion");
      const format = { text: leaf.text ?? "", ...formatOf(leaf) };
      // Everything in a struck paragraph goes with it; in a proposed one, others' changes keep their author.
      if (mark && !(whole?.type === "deletion")) {
        const found = lookup(refOf(mark.attrs), index);
        return { ...format, change: revision(mark.type as Revision["type"], found.details), comment: found.comment };
      }
      return { ...format, change: blockChange, comment: wholeFound?.comment ?? null };
    });
    return {
      kind: kindOf(node),
      runs,
      change: blockChange,
      comment: runs.length === 0 ? (wholeFound?.comment ?? null) : null,
    };
  });
  return { title, blocks, comments };
}

/** The agreed text: the document with every pending suggestion left out, and no tracked change. */
export function cleanText(doc: DocJSON, title: string): WordText {
  const agreed = rejectAll(parseDocJSON(doc)).toJSON() as DocJSON;
  return trackedText(agreed, title, () => {
    throw new RangeError("The agreed text has no suggestion left");
  });
}

/** The kind of a JSON block. */
export function kindOf(node: JSONContent): BlockKind {
  if (node.type === "section") return "section";
  const kind = node.attrs?.kind;
  return kind === "pp" || kind === "op" ? kind : "plain";
}

function formatOf(leaf: JSONContent) {
  return {
    bold: leaf.marks?.some((m) => m.type === "bold") ?? false,
    italic: leaf.marks?.some((m) => m.type === "italic") ?? false,
  };
}

function refOf(attrs: Record<string, unknown> | undefined): SuggestionRef {
  return { id: String(attrs?.id ?? ""), author: String(attrs?.author ?? ""), party: String(attrs?.party ?? "") };
}
