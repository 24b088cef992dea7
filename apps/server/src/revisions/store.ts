import type { DocJSON } from "@plenary/schema";
import type Database from "better-sqlite3";

/** A published revision: immutable once written. */
export interface RevisionRecord {
  id: string;
  draftId: string;
  /** 0 for the zero draft, then 1, 2, … */
  number: number;
  name: string;
  note: string;
  publishedBy: string;
  publishedAt: string;
  /** The agreed text: the draft with every pending suggestion left out. */
  text: DocJSON;
  /** The draft as it stood, pending suggestions included (as marks). */
  withSuggestions: DocJSON;
  /** Ids of the suggestions pending when it was published. */
  pending: string[];
  /** The Yjs state of the draft at that moment. */
  state: Uint8Array;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS revisions (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  note TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  text TEXT NOT NULL,
  with_suggestions TEXT NOT NULL,
  pending TEXT NOT NULL,
  state BLOB NOT NULL,
  UNIQUE (draft_id, number)
);
CREATE TRIGGER IF NOT EXISTS revisions_immutable BEFORE UPDATE ON revisions BEGIN SELECT RAISE(ABORT, 'a revision is immutable'); END;
CREATE TRIGGER IF NOT EXISTS revisions_kept BEFORE DELETE ON revisions BEGIN SELECT RAISE(ABORT, 'a revision is immutable'); END;
`;

type Row = Record<string, string | number | Buffer>;

function revisionOf(row: Row): RevisionRecord {
  return {
    id: row.id as string,
    draftId: row.draft_id as string,
    number: row.number as number,
    name: row.name as string,
    note: row.note as string,
    publishedBy: row.published_by as string,
    publishedAt: row.published_at as string,
    text: JSON.parse(row.text as string) as DocJSON,
    withSuggestions: JSON.parse(row.with_suggestions as string) as DocJSON,
    pending: JSON.parse(row.pending as string) as string[],
    state: new Uint8Array(row.state as Buffer),
  };
}

/** Published revisions, in the drafts' SQLite database; SQLite triggers refuse any change to one. */
export class RevisionStore {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    this.db.exec(SCHEMA);
  }

  list(draftId: string): RevisionRecord[] {
    return this.db
      .prepare<[string], Row>("SELECT * FROM revisions WHERE draft_id = ? ORDER BY number")
      .all(draftId)
      .map(revisionOf);
  }

  get(id: string): RevisionRecord | undefined {
    const row = this.db.prepare<[string], Row>("SELECT * FROM revisions WHERE id = ?").get(id);
    return row ? revisionOf(row) : undefined;
  }

  /** Stores a new revision with the next number; returns it. */
  publish(revision: Omit<RevisionRecord, "number" | "name"> & { name: (number: number) => string }): RevisionRecord {
    return this.db.transaction(() => {
      const last = this.db
        .prepare<[string], { n: number | null }>("SELECT max(number) AS n FROM revisions WHERE draft_id = ?")
        .get(revision.draftId)?.n;
      const number = last === null || last === undefined ? 0 : last + 1;
      const record: RevisionRecord = { ...revision, number, name: revision.name(number) };
      this.db
        .prepare(
          "INSERT INTO revisions (id, draft_id, number, name, note, published_by, published_at, text, with_suggestions, pending, state) " +
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          record.id,
          record.draftId,
          record.number,
          record.name,
          record.note,
          record.publishedBy,
          record.publishedAt,
          JSON.stringify(record.text),
          JSON.stringify(record.withSuggestions),
          JSON.stringify(record.pending),
          Buffer.from(record.state),
        );
      return record;
    })();
  }
}
