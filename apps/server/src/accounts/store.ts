import type { Party, Role } from "@plenary/protocol";
import type Database from "better-sqlite3";
import type {
  ApplicationRecord,
  InviteRecord,
  NoticeRecord,
  ParticipantRecord,
  ProcessRecord,
  SessionRecord,
  UserRecord,
} from "./records.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS processes (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parties (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  stakeholder_group TEXT NOT NULL,
  iso TEXT,
  regional_group TEXT,
  country TEXT
);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES parties(id),
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS memberships (
  process_id TEXT NOT NULL REFERENCES processes(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  joined_at TEXT NOT NULL,
  PRIMARY KEY (process_id, user_id)
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  collab_token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
  token_hash TEXT PRIMARY KEY,
  process_id TEXT NOT NULL REFERENCES processes(id),
  role TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES parties(id),
  email TEXT,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  used_by TEXT REFERENCES users(id)
);
CREATE TABLE IF NOT EXISTS notices (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  process_id TEXT NOT NULL REFERENCES processes(id),
  organisation TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notices_by_user ON notices (user_id, created_at);
CREATE TABLE IF NOT EXISTS applications (
  id TEXT PRIMARY KEY,
  process_id TEXT NOT NULL REFERENCES processes(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  party_id TEXT NOT NULL REFERENCES parties(id),
  contact_name TEXT NOT NULL,
  statement TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  decided_by TEXT REFERENCES users(id),
  decided_at TEXT,
  created_at TEXT NOT NULL
);
`;

type Row = Record<string, string | null>;

/** How many notices an account keeps (the newest). */
export const MAX_NOTICES = 20;

const PARTICIPANTS =
  "SELECT memberships.role, memberships.joined_at, users.id AS user_id, users.email, users.display_name, " +
  "parties.* FROM memberships JOIN users ON users.id = memberships.user_id " +
  "JOIN parties ON parties.id = users.party_id";
const PARTICIPANTS_ORDER = "ORDER BY memberships.role, parties.name, users.display_name";

function participantOf(row: Row): ParticipantRecord {
  return {
    user: { id: row.user_id as string, email: row.email as string, displayName: row.display_name as string },
    party: partyOf(row),
    role: row.role as ParticipantRecord["role"],
    joinedAt: row.joined_at as string,
  };
}

function partyOf(row: Row): Party {
  const party: Party = {
    id: row.id as string,
    kind: row.kind as Party["kind"],
    name: row.name as string,
    stakeholderGroup: row.stakeholder_group as Party["stakeholderGroup"],
  };
  if (row.iso) party.iso = row.iso;
  if (row.regional_group) party.regionalGroup = row.regional_group as Party["regionalGroup"];
  if (row.country) party.country = row.country;
  return party;
}

function userOf(row: Row): UserRecord {
  return {
    id: row.id as string,
    email: row.email as string,
    displayName: row.display_name as string,
    passwordHash: row.password_hash as string,
    partyId: row.party_id as string,
    createdAt: row.created_at as string,
  };
}

function sessionOf(row: Row): SessionRecord {
  return {
    tokenHash: row.token_hash as string,
    userId: row.user_id as string,
    csrfToken: row.csrf_token as string,
    collabTokenHash: row.collab_token_hash as string,
    createdAt: row.created_at as string,
    expiresAt: row.expires_at as string,
  };
}

function inviteOf(row: Row): InviteRecord {
  return {
    tokenHash: row.token_hash as string,
    processId: row.process_id as string,
    role: row.role as InviteRecord["role"],
    partyId: row.party_id as string,
    email: row.email ?? null,
    createdBy: row.created_by as string,
    createdAt: row.created_at as string,
    expiresAt: row.expires_at as string,
    usedAt: row.used_at ?? null,
    usedBy: row.used_by ?? null,
  };
}

function applicationOf(row: Row): ApplicationRecord {
  return {
    id: row.id as string,
    processId: row.process_id as string,
    userId: row.user_id as string,
    partyId: row.party_id as string,
    contactName: row.contact_name as string,
    statement: row.statement as string,
    status: row.status as ApplicationRecord["status"],
    reason: row.reason ?? null,
    decidedBy: row.decided_by ?? null,
    decidedAt: row.decided_at ?? null,
    createdAt: row.created_at as string,
  };
}

/**
 * Processes, parties, people, their roles, sessions, invitations and
 * applications for accreditation, in the same SQLite database as the drafts.
 */
export class AccountStore {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    this.db.exec(SCHEMA);
  }

  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** A setting's value, if it has one. */
  getSetting(key: string): string | undefined {
    return this.db.prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?").get(key)?.value;
  }

  /** Sets a setting's value. */
  putSetting(key: string, value: string): void {
    this.db
      .prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(key, value);
  }

  /** A setting's value, created with `initial()` when it has none yet. */
  setting(key: string, initial: () => string): string {
    this.db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)").run(key, initial());
    return this.db.prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?").get(key)!.value;
  }

  createProcess(process: ProcessRecord): void {
    this.db
      .prepare("INSERT INTO processes (id, title, description, created_at) VALUES (?, ?, ?, ?)")
      .run(process.id, process.title, process.description, process.createdAt);
  }

  listProcesses(): ProcessRecord[] {
    return this.db
      .prepare<[], Row>("SELECT * FROM processes ORDER BY created_at, id")
      .all()
      .map((row) => ({
        id: row.id as string,
        title: row.title as string,
        description: row.description as string,
        createdAt: row.created_at as string,
      }));
  }

  getProcess(id: string): ProcessRecord | undefined {
    return this.listProcesses().find((process) => process.id === id);
  }

  createParty(party: Party): void {
    this.db
      .prepare(
        "INSERT INTO parties (id, kind, name, stakeholder_group, iso, regional_group, country) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        party.id,
        party.kind,
        party.name,
        party.stakeholderGroup,
        party.iso ?? null,
        party.regionalGroup ?? null,
        party.country ?? null,
      );
  }

  getParty(id: string): Party | undefined {
    const row = this.db.prepare<[string], Row>("SELECT * FROM parties WHERE id = ?").get(id);
    return row ? partyOf(row) : undefined;
  }

  listParties(): Party[] {
    return this.db.prepare<[], Row>("SELECT * FROM parties ORDER BY name").all().map(partyOf);
  }

  /**
   * The parties anyone may see: all but the organisations of applications that are pending or
   * were declined (they exist only for the application, and take part only once approved).
   */
  listPublicParties(): Party[] {
    return this.db
      .prepare<[], Row>(
        "SELECT * FROM parties WHERE id NOT IN (SELECT party_id FROM applications WHERE status != 'approved') " +
          "ORDER BY name",
      )
      .all()
      .map(partyOf);
  }

  /** Parties with at least one participant in the process. */
  partiesInProcess(processId: string): Party[] {
    return this.db
      .prepare<[string], Row>(
        "SELECT DISTINCT parties.* FROM parties JOIN users ON users.party_id = parties.id " +
          "JOIN memberships ON memberships.user_id = users.id WHERE memberships.process_id = ? ORDER BY parties.name",
      )
      .all(processId)
      .map(partyOf);
  }

  createUser(user: UserRecord): void {
    this.db
      .prepare(
        "INSERT INTO users (id, email, display_name, password_hash, party_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(user.id, user.email, user.displayName, user.passwordHash, user.partyId, user.createdAt);
  }

  getUser(id: string): UserRecord | undefined {
    const row = this.db.prepare<[string], Row>("SELECT * FROM users WHERE id = ?").get(id);
    return row ? userOf(row) : undefined;
  }

  findUserByEmail(email: string): UserRecord | undefined {
    const row = this.db.prepare<[string], Row>("SELECT * FROM users WHERE email = ?").get(email);
    return row ? userOf(row) : undefined;
  }

  setRole(processId: string, userId: string, role: Exclude<Role, "public">, at: string): void {
    this.db
      .prepare(
        "INSERT INTO memberships (process_id, user_id, role, joined_at) VALUES (?, ?, ?, ?) " +
          "ON CONFLICT(process_id, user_id) DO UPDATE SET role = excluded.role",
      )
      .run(processId, userId, role, at);
  }

  /** Ends a user's membership of a process; false when there was none. */
  removeMembership(processId: string, userId: string): boolean {
    return (
      this.db.prepare("DELETE FROM memberships WHERE process_id = ? AND user_id = ?").run(processId, userId).changes ===
      1
    );
  }

  /** How many people hold `role` in the process. */
  countRole(processId: string, role: Exclude<Role, "public">): number {
    return this.db
      .prepare<[string, string], { n: number }>(
        "SELECT COUNT(*) AS n FROM memberships WHERE process_id = ? AND role = ?",
      )
      .get(processId, role)!.n;
  }

  /** Replaces a user's password hash (disabling an account replaces it with one nothing matches). */
  setPasswordHash(userId: string, passwordHash: string): void {
    this.db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, userId);
  }

  /** The user's role in the process; "public" without a membership. */
  roleOf(processId: string, userId: string | undefined): Role {
    if (!userId) return "public";
    const row = this.db
      .prepare<[string, string], { role: Role }>("SELECT role FROM memberships WHERE process_id = ? AND user_id = ?")
      .get(processId, userId);
    return row?.role ?? "public";
  }

  /** The processes the user has a role in, with that role. */
  membershipsOf(userId: string): { processId: string; role: Exclude<Role, "public"> }[] {
    return this.db
      .prepare<[string], { process_id: string; role: Exclude<Role, "public"> }>(
        "SELECT process_id, role FROM memberships WHERE user_id = ? ORDER BY process_id",
      )
      .all(userId)
      .map((row) => ({ processId: row.process_id, role: row.role }));
  }

  participants(processId: string): ParticipantRecord[] {
    return this.db
      .prepare<[string], Row>(`${PARTICIPANTS} WHERE memberships.process_id = ? ${PARTICIPANTS_ORDER}`)
      .all(processId)
      .map(participantOf);
  }

  /** One participant of a process, if the user is one. */
  participant(processId: string, userId: string): ParticipantRecord | undefined {
    const row = this.db
      .prepare<[string, string], Row>(`${PARTICIPANTS} WHERE memberships.process_id = ? AND memberships.user_id = ?`)
      .get(processId, userId);
    return row ? participantOf(row) : undefined;
  }

  createSession(session: SessionRecord): void {
    this.db
      .prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, collab_token_hash, created_at, expires_at) " +
          "VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(
        session.tokenHash,
        session.userId,
        session.csrfToken,
        session.collabTokenHash,
        session.createdAt,
        session.expiresAt,
      );
  }

  getSession(tokenHash: string): SessionRecord | undefined {
    const row = this.db.prepare<[string], Row>("SELECT * FROM sessions WHERE token_hash = ?").get(tokenHash);
    return row ? sessionOf(row) : undefined;
  }

  getSessionByCollabToken(collabTokenHash: string): SessionRecord | undefined {
    const row = this.db
      .prepare<[string], Row>("SELECT * FROM sessions WHERE collab_token_hash = ?")
      .get(collabTokenHash);
    return row ? sessionOf(row) : undefined;
  }

  deleteSession(tokenHash: string): void {
    this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash);
  }

  /** The sessions a user has open. */
  sessionsOf(userId: string): SessionRecord[] {
    return this.db.prepare<[string], Row>("SELECT * FROM sessions WHERE user_id = ?").all(userId).map(sessionOf);
  }

  deleteExpiredSessions(now: string): void {
    this.db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(now);
  }

  createInvite(invite: InviteRecord): void {
    this.db
      .prepare(
        "INSERT INTO invites (token_hash, process_id, role, party_id, email, created_by, created_at, expires_at) " +
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        invite.tokenHash,
        invite.processId,
        invite.role,
        invite.partyId,
        invite.email,
        invite.createdBy,
        invite.createdAt,
        invite.expiresAt,
      );
  }

  getInvite(tokenHash: string): InviteRecord | undefined {
    const row = this.db.prepare<[string], Row>("SELECT * FROM invites WHERE token_hash = ?").get(tokenHash);
    return row ? inviteOf(row) : undefined;
  }

  /** Marks an invite used; false when it was used already (another request won the race). */
  useInvite(tokenHash: string, userId: string, at: string): boolean {
    const result = this.db
      .prepare("UPDATE invites SET used_at = ?, used_by = ? WHERE token_hash = ? AND used_at IS NULL")
      .run(at, userId, tokenHash);
    return result.changes === 1;
  }

  /** Records a notice for an account's owner, keeping the newest {@link MAX_NOTICES} of each account. */
  addNotice(notice: NoticeRecord): void {
    this.db
      .prepare(
        "INSERT INTO notices (id, user_id, kind, process_id, organisation, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(notice.id, notice.userId, notice.kind, notice.processId, notice.organisation, notice.createdAt);
    this.db
      .prepare(
        "DELETE FROM notices WHERE user_id = ? AND id NOT IN " +
          "(SELECT id FROM notices WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?)",
      )
      .run(notice.userId, notice.userId, MAX_NOTICES);
  }

  /** An account's notices, newest first. */
  noticesOf(userId: string): NoticeRecord[] {
    return this.db
      .prepare<[string], Row>("SELECT * FROM notices WHERE user_id = ? ORDER BY created_at DESC, id DESC")
      .all(userId)
      .map((row) => ({
        id: row.id as string,
        userId: row.user_id as string,
        kind: row.kind as NoticeRecord["kind"],
        processId: row.process_id as string,
        organisation: row.organisation as string,
        createdAt: row.created_at as string,
      }));
  }

  /** Deletes one of an account's notices; false when it has no such notice. */
  deleteNotice(userId: string, id: string): boolean {
    return this.db.prepare("DELETE FROM notices WHERE user_id = ? AND id = ?").run(userId, id).changes === 1;
  }

  createApplication(application: ApplicationRecord): void {
    this.db
      .prepare(
        "INSERT INTO applications (id, process_id, user_id, party_id, contact_name, statement, status, created_at) " +
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        application.id,
        application.processId,
        application.userId,
        application.partyId,
        application.contactName,
        application.statement,
        application.status,
        application.createdAt,
      );
  }

  getApplication(id: string): ApplicationRecord | undefined {
    const row = this.db.prepare<[string], Row>("SELECT * FROM applications WHERE id = ?").get(id);
    return row ? applicationOf(row) : undefined;
  }

  applications(processId: string): ApplicationRecord[] {
    return this.db
      .prepare<[string], Row>("SELECT * FROM applications WHERE process_id = ? ORDER BY created_at, id")
      .all(processId)
      .map(applicationOf);
  }

  applicationsOf(userId: string): ApplicationRecord[] {
    return this.db
      .prepare<[string], Row>("SELECT * FROM applications WHERE user_id = ? ORDER BY created_at, id")
      .all(userId)
      .map(applicationOf);
  }

  /** Records a decision on a pending application; false when it was no longer pending. */
  decideApplication(
    id: string,
    decision: { status: "approved" | "declined"; reason: string; decidedBy: string; at: string },
  ): boolean {
    const result = this.db
      .prepare(
        "UPDATE applications SET status = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
      )
      .run(decision.status, decision.reason, decision.decidedBy, decision.at, id);
    return result.changes === 1;
  }
}
