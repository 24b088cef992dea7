import type Database from "better-sqlite3";

/** What became of a suggestion. */
export type Disposition = "pending" | "accepted" | "rejected" | "withdrawn";

/** A suggestion's record: who made it, why, and what became of it. Its text lives in the draft. */
export interface SuggestionRecord {
  id: string;
  draftId: string;
  authorId: string;
  partyId: string;
  createdAt: string;
  rationale: string;
  status: Disposition;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** Kind, blocks and text at the moment of the decision (kept once the marks are gone from the text). */
  kind: string | null;
  blockIds: string[];
  inserted: string;
  deleted: string;
  /** The agreed wording of each touched paragraph right after the decision (paragraph history). */
  afterTexts: Record<string, string>;
}

/** A party's support (co-sponsorship) of a suggestion. */
export interface SupportRecord {
  suggestionId: string;
  partyId: string;
  userId: string;
  createdAt: string;
}

/** A reply in the thread under a suggestion. */
export interface ReplyRecord {
  id: string;
  suggestionId: string;
  authorId: string;
  partyId: string;
  text: string;
  createdAt: string;
}

/** An entry of the audit log: who did what to what, when. Rows are only ever added. */
export interface AuditRecord {
  seq: number;
  at: string;
  actorId: string;
  action: string;
  draftId: string;
  target: string;
  detail: Record<string, unknown>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS client_ids (
  draft_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (draft_id, client_id)
);
CREATE TABLE IF NOT EXISTS suggestions (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  party_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  rationale TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending',
  decided_by TEXT,
  decided_at TEXT,
  reason TEXT,
  kind TEXT,
  block_ids TEXT NOT NULL DEFAULT '[]',
  inserted TEXT NOT NULL DEFAULT '',
  deleted TEXT NOT NULL DEFAULT '',
  after_texts TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS suggestions_by_draft ON suggestions(draft_id, created_at);
CREATE TABLE IF NOT EXISTS supports (
  suggestion_id TEXT NOT NULL REFERENCES suggestions(id),
  party_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (suggestion_id, party_id)
);
CREATE TABLE IF NOT EXISTS replies (
  id TEXT PRIMARY KEY,
  suggestion_id TEXT NOT NULL REFERENCES suggestions(id),
  author_id TEXT NOT NULL,
  party_id TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  draft_id TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

type Row = Record<string, string | number | null>;

function suggestionOf(row: Row): SuggestionRecord {
  return {
    id: row.id as string,
    draftId: row.draft_id as string,
    authorId: row.author_id as string,
    partyId: row.party_id as string,
    createdAt: row.created_at as string,
    rationale: row.rationale as string,
    status: row.status as Disposition,
    decidedBy: (row.decided_by as string | null) ?? null,
    decidedAt: (row.decided_at as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
    kind: (row.kind as string | null) ?? null,
    blockIds: JSON.parse((row.block_ids as string) ?? "[]") as string[],
    inserted: (row.inserted as string) ?? "",
    deleted: (row.deleted as string) ?? "",
    afterTexts: JSON.parse((row.after_texts as string) ?? "{}") as Record<string, string>,
  };
}

/** Suggestion metadata, Yjs client-id bindings and the audit log, in the drafts' SQLite database. */
export class SuggestionStore {
  private readonly db: Database.Database;
  // Checked on every incoming update: kept in memory and prepared once.
  private readonly owners = new Map<string, string>();
  private readonly selectOwner;
  private readonly insertOwner;

  constructor(db: Database.Database) {
    this.db = db;
    this.db.exec(SCHEMA);
    this.selectOwner = this.db.prepare<[string, number], { user_id: string }>(
      "SELECT user_id FROM client_ids WHERE draft_id = ? AND client_id = ?",
    );
    this.insertOwner = this.db.prepare(
      "INSERT OR IGNORE INTO client_ids (draft_id, client_id, user_id) VALUES (?, ?, ?)",
    );
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** The user a Yjs client id is bound to in a draft, if any. */
  clientOwner(draftId: string, clientId: number): string | undefined {
    const key = `${draftId}\u0000${clientId}`;
    const cached = this.owners.get(key);
    if (cached !== undefined) return cached;
    const owner = this.selectOwner.get(draftId, clientId)?.user_id;
    if (owner !== undefined) this.owners.set(key, owner);
    return owner;
  }

  bindClient(draftId: string, clientId: number, userId: string): void {
    const key = `${draftId}\u0000${clientId}`;
    if (this.owners.has(key)) return;
    this.insertOwner.run(draftId, clientId, userId);
    // The first binding wins: read back what is stored.
    const owner = this.selectOwner.get(draftId, clientId)?.user_id;
    if (owner !== undefined) this.owners.set(key, owner);
  }

  get(id: string): SuggestionRecord | undefined {
    const row = this.db.prepare<[string], Row>("SELECT * FROM suggestions WHERE id = ?").get(id);
    return row ? suggestionOf(row) : undefined;
  }

  list(draftId: string): SuggestionRecord[] {
    return this.db
      .prepare<[string], Row>("SELECT * FROM suggestions WHERE draft_id = ? ORDER BY created_at, id")
      .all(draftId)
      .map(suggestionOf);
  }

  /** Registers a suggestion the first time it appears in a draft; does nothing if known. */
  register(record: { id: string; draftId: string; authorId: string; partyId: string; createdAt: string }): boolean {
    const result = this.db
      .prepare(
        "INSERT OR IGNORE INTO suggestions (id, draft_id, author_id, party_id, created_at) VALUES (?, ?, ?, ?, ?)",
      )
      .run(record.id, record.draftId, record.authorId, record.partyId, record.createdAt);
    return result.changes === 1;
  }

  setRationale(id: string, rationale: string): void {
    this.db.prepare("UPDATE suggestions SET rationale = ? WHERE id = ?").run(rationale, id);
  }

  /** Records a disposition; false when the suggestion was no longer pending. */
  dispose(
    id: string,
    outcome: {
      status: Exclude<Disposition, "pending">;
      decidedBy: string;
      at: string;
      reason: string;
      kind: string;
      blockIds: string[];
      inserted: string;
      deleted: string;
    },
  ): boolean {
    const result = this.db
      .prepare(
        "UPDATE suggestions SET status = ?, decided_by = ?, decided_at = ?, reason = ?, kind = ?, block_ids = ?, " +
          "inserted = ?, deleted = ? WHERE id = ? AND status = 'pending'",
      )
      .run(
        outcome.status,
        outcome.decidedBy,
        outcome.at,
        outcome.reason,
        outcome.kind,
        JSON.stringify(outcome.blockIds),
        outcome.inserted,
        outcome.deleted,
        id,
      );
    return result.changes === 1;
  }

  setAfterTexts(id: string, texts: Record<string, string>): void {
    this.db.prepare("UPDATE suggestions SET after_texts = ? WHERE id = ?").run(JSON.stringify(texts), id);
  }

  /** Decided suggestions of a draft that touched a paragraph, oldest decision first. */
  decidedIn(draftId: string, blockId: string): SuggestionRecord[] {
    return this.list(draftId)
      .filter((record) => record.status !== "pending" && record.blockIds.includes(blockId))
      .sort((a, b) => (a.decidedAt ?? "").localeCompare(b.decidedAt ?? ""));
  }

  supports(suggestionId: string): SupportRecord[] {
    return this.db
      .prepare<[string], Row>("SELECT * FROM supports WHERE suggestion_id = ? ORDER BY created_at")
      .all(suggestionId)
      .map((row) => ({
        suggestionId: row.suggestion_id as string,
        partyId: row.party_id as string,
        userId: row.user_id as string,
        createdAt: row.created_at as string,
      }));
  }

  addSupport(support: SupportRecord): boolean {
    return (
      this.db
        .prepare("INSERT OR IGNORE INTO supports (suggestion_id, party_id, user_id, created_at) VALUES (?, ?, ?, ?)")
        .run(support.suggestionId, support.partyId, support.userId, support.createdAt).changes === 1
    );
  }

  removeSupport(suggestionId: string, partyId: string): boolean {
    return (
      this.db.prepare("DELETE FROM supports WHERE suggestion_id = ? AND party_id = ?").run(suggestionId, partyId)
        .changes === 1
    );
  }

  replies(suggestionId: string): ReplyRecord[] {
    return this.db
      .prepare<[string], Row>("SELECT * FROM replies WHERE suggestion_id = ? ORDER BY created_at, id")
      .all(suggestionId)
      .map((row) => ({
        id: row.id as string,
        suggestionId: row.suggestion_id as string,
        authorId: row.author_id as string,
        partyId: row.party_id as string,
        text: row.text as string,
        createdAt: row.created_at as string,
      }));
  }

  addReply(reply: ReplyRecord): void {
    this.db
      .prepare(
        "INSERT INTO replies (id, suggestion_id, author_id, party_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(reply.id, reply.suggestionId, reply.authorId, reply.partyId, reply.text, reply.createdAt);
  }

  audit(entry: Omit<AuditRecord, "seq">): void {
    this.db
      .prepare("INSERT INTO audit (at, actor_id, action, draft_id, target, detail) VALUES (?, ?, ?, ?, ?, ?)")
      .run(entry.at, entry.actorId, entry.action, entry.draftId, entry.target, JSON.stringify(entry.detail));
  }

  auditLog(draftId: string): AuditRecord[] {
    return this.db
      .prepare<[string], Row>("SELECT * FROM audit WHERE draft_id = ? ORDER BY seq")
      .all(draftId)
      .map((row) => ({
        seq: row.seq as number,
        at: row.at as string,
        actorId: row.actor_id as string,
        action: row.action as string,
        draftId: row.draft_id as string,
        target: row.target as string,
        detail: JSON.parse(row.detail as string) as Record<string, unknown>,
      }));
  }
}
