import type { BlockKind } from "@plenary/schema";
import type { Segment } from "./inline.ts";

/** A tracked change as Word records it: inserted or deleted, by whom, when. */
export interface Revision {
  type: "insertion" | "deletion";
  /** Shown by Word as the change's author, e.g. "Kenya (Joseph Mwangi)". */
  author: string;
  /** ISO 8601 date and time. */
  date: string;
}

/** A piece of text with its formatting, its tracked change if any, and the comment anchored on it if any. */
export interface WordRun extends Segment {
  change: Revision | null;
  /** Id of the comment whose range covers this run. */
  comment: number | null;
}

/** A heading or paragraph to write. */
export interface WordBlock {
  kind: BlockKind;
  runs: WordRun[];
  /** The whole paragraph is proposed (insertion) or struck (deletion), its paragraph mark included. */
  change: Revision | null;
  /** A comment on the paragraph as a whole (an empty proposed paragraph has no run to anchor it on). */
  comment: number | null;
}

/** A comment in the margin, e.g. a suggestion's rationale. */
export interface WordComment {
  id: number;
  author: string;
  /** ISO 8601 date and time. */
  date: string;
  text: string;
}

/** Everything a .docx is written from: what to write, not how Word spells it. */
export interface WordText {
  title: string;
  blocks: WordBlock[];
  comments: WordComment[];
}
