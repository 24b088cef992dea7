/** A draft's record, without its text. */
export interface DraftRecord {
  id: string;
  /** The negotiation process the draft belongs to. */
  processId: string;
  title: string;
  createdAt: string;
  /** Time of the last change to the text (ISO 8601). */
  updatedAt: string;
}

/** What is needed to rebuild a draft's Y.Doc: a compacted state and the updates logged after it. */
export interface StoredText {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last update in `updates` (or of the snapshot when there are none). */
  lastSeq: number;
}

/**
 * Where drafts and their text live. Every implementation (SQLite now, PostgreSQL
 * later) passes the same storage tests. Writes of updates are synchronous and
 * durable when they return: the server acknowledges an update only after
 * {@link Storage.appendUpdate} has returned.
 */
export interface Storage {
  /** Drafts, of one process or of all. */
  listDrafts(processId?: string): DraftRecord[];
  getDraft(id: string): DraftRecord | undefined;
  /** Creates a draft whose text is the given Yjs state; throws if the id is taken. */
  createDraft(draft: { id: string; processId: string; title: string; state: Uint8Array }): DraftRecord;
  /** Everything needed to rebuild the draft's text; undefined for an unknown draft. */
  loadText(draftId: string): StoredText | undefined;
  /** Durably appends one Yjs update to the draft's log; returns its sequence number. */
  appendUpdate(draftId: string, update: Uint8Array): number;
  /** Replaces the log up to `upToSeq` by `state` (the full Yjs state including those updates). */
  compact(draftId: string, state: Uint8Array, upToSeq: number): void;
  /** Number of updates logged after the last compaction. */
  pendingUpdates(draftId: string): number;
  close(): void;
}

/** Thrown when a draft id is already taken. */
export class DraftExistsError extends Error {
  override name = "DraftExistsError";
}
