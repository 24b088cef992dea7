import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { DraftExistsError, type DraftRecord, type Storage, type StoredText } from "./storage.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS drafts (
  id TEXT PRIMARY KEY,
  process_id TEXT NOT NULL,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshots (
  draft_id TEXT PRIMARY KEY REFERENCES drafts(id),
  state BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  draft_id TEXT NOT NULL REFERENCES drafts(id),
  data BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_draft ON updates(draft_id, seq);
`;

interface DraftRow {
  id: string;
  process_id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

function toRecord(row: DraftRow): DraftRecord {
  return {
    id: row.id,
    processId: row.process_id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Options for {@link SqliteStorage}. */
export interface SqliteStorageOptions {
  /** Path of the database file (created with its folder when missing), or ":memory:". */
  path: string;
  /** The clock; injected by tests. */
  now?: () => Date;
}

/**
 * The embedded store: one SQLite file in WAL mode with `synchronous = FULL`, so
 * that an update is on disk when {@link SqliteStorage.appendUpdate} returns.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly statements;

  constructor(options: SqliteStorageOptions) {
    if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA);
    this.now = options.now ?? (() => new Date());
    this.statements = {
      listDrafts: this.db.prepare<[], DraftRow>("SELECT * FROM drafts ORDER BY created_at, id"),
      listProcessDrafts: this.db.prepare<[string], DraftRow>(
        "SELECT * FROM drafts WHERE process_id = ? ORDER BY created_at, id",
      ),
      getDraft: this.db.prepare<[string], DraftRow>("SELECT * FROM drafts WHERE id = ?"),
      insertDraft: this.db.prepare(
        "INSERT INTO drafts (id, process_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
      ),
      touchDraft: this.db.prepare("UPDATE drafts SET updated_at = ? WHERE id = ?"),
      getSnapshot: this.db.prepare<[string], { state: Buffer; up_to_seq: number }>(
        "SELECT state, up_to_seq FROM snapshots WHERE draft_id = ?",
      ),
      upsertSnapshot: this.db.prepare(
        "INSERT INTO snapshots (draft_id, state, up_to_seq) VALUES (?, ?, ?) " +
          "ON CONFLICT(draft_id) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq",
      ),
      updatesAfter: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        "SELECT seq, data FROM updates WHERE draft_id = ? AND seq > ? ORDER BY seq",
      ),
      countAfter: this.db.prepare<[string, number], { n: number }>(
        "SELECT count(*) AS n FROM updates WHERE draft_id = ? AND seq > ?",
      ),
      insertUpdate: this.db.prepare("INSERT INTO updates (draft_id, data, created_at) VALUES (?, ?, ?)"),
      deleteUpTo: this.db.prepare("DELETE FROM updates WHERE draft_id = ? AND seq <= ?"),
    };
  }

  listDrafts(processId?: string): DraftRecord[] {
    const rows =
      processId === undefined ? this.statements.listDrafts.all() : this.statements.listProcessDrafts.all(processId);
    return rows.map(toRecord);
  }

  /** The underlying database, shared with the other stores of the same file. */
  get database(): Database.Database {
    return this.db;
  }

  getDraft(id: string): DraftRecord | undefined {
    const row = this.statements.getDraft.get(id);
    return row ? toRecord(row) : undefined;
  }

  createDraft(draft: { id: string; processId: string; title: string; state: Uint8Array }): DraftRecord {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      if (this.statements.getDraft.get(draft.id)) throw new DraftExistsError(`A draft with id "${draft.id}" exists`);
      this.statements.insertDraft.run(draft.id, draft.processId, draft.title, at, at);
      this.statements.upsertSnapshot.run(draft.id, Buffer.from(draft.state), 0);
    })();
    return { id: draft.id, processId: draft.processId, title: draft.title, createdAt: at, updatedAt: at };
  }

  loadText(draftId: string): StoredText | undefined {
    if (!this.statements.getDraft.get(draftId)) return undefined;
    const snapshot = this.statements.getSnapshot.get(draftId);
    const since = snapshot?.up_to_seq ?? 0;
    const rows = this.statements.updatesAfter.all(draftId, since);
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? since,
    };
  }

  appendUpdate(draftId: string, update: Uint8Array): number {
    const at = this.now().toISOString();
    return this.db.transaction(() => {
      const result = this.statements.insertUpdate.run(draftId, Buffer.from(update), at);
      this.statements.touchDraft.run(at, draftId);
      return Number(result.lastInsertRowid);
    })();
  }

  compact(draftId: string, state: Uint8Array, upToSeq: number): void {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(draftId, Buffer.from(state), upToSeq);
      this.statements.deleteUpTo.run(draftId, upToSeq);
    })();
  }

  pendingUpdates(draftId: string): number {
    const since = this.statements.getSnapshot.get(draftId)?.up_to_seq ?? 0;
    return this.statements.countAfter.get(draftId, since)?.n ?? 0;
  }

  close(): void {
    this.db.close();
  }
}
