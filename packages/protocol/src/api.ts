import type { DocJSON, NumberedBlock } from "@plenary/schema";

/** The path of the Yjs WebSocket endpoint; the Hocuspocus document name is the draft's id. */
export const COLLAB_PATH = "/collab";

/** Largest WebSocket message the server accepts, in bytes. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** A draft in the list of drafts (`GET /api/drafts`). */
export interface DraftSummary {
  id: string;
  title: string;
  /** ISO 8601 time of the last change to the text. */
  updatedAt: string;
}

/** `GET /api/drafts` */
export interface DraftListResponse {
  drafts: DraftSummary[];
}

/** `GET /api/drafts/:id`: the current text, with computed paragraph numbers. */
export interface DraftResponse extends DraftSummary {
  doc: DocJSON;
  blocks: NumberedBlock[];
}
