import { ErrorCode, type Party, type Role } from "@plenary/protocol";
import { addressKey } from "../http/addresses.ts";
import { AttemptLimiter, type LimitKey, type LimitRule } from "../http/limiter.ts";
import { HttpError } from "../http/respond.ts";
import { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword } from "./passwords.ts";
import type { ApplicationRecord, InviteRecord, ParticipantRecord, SessionRecord, UserRecord } from "./records.ts";
import type { AccountStore } from "./store.ts";
import { derivedToken, newId, newToken, tokenHash } from "./tokens.ts";

/**
 * How many attempts the unauthenticated endpoints allow. Sign-in failures are counted per
 * account and address (so that a stranger elsewhere cannot lock the owner out) and per address
 * (so that one address cannot try many accounts); applications, which create accounts, and failed
 * invitation acceptances, per address.
 */
export interface AccountLimits {
  signInPerAccount: LimitRule;
  signInPerAddress: LimitRule;
  applicationsPerAddress: LimitRule;
  /** Failed attempts to accept an invitation. */
  invitationsPerAddress: LimitRule;
}

const MINUTE = 60_000;

/** The limits used unless a server is told otherwise. */
export const DEFAULT_LIMITS: AccountLimits = {
  signInPerAccount: { attempts: 5, windowMs: 15 * MINUTE },
  signInPerAddress: { attempts: 20, windowMs: 15 * MINUTE },
  applicationsPerAddress: { attempts: 5, windowMs: 60 * MINUTE },
  invitationsPerAddress: { attempts: 10, windowMs: 60 * MINUTE },
};

/**
 * A participant's role changed, or they were removed from a process (`to` is "public"): a value
 * that can be stored, sent and put on the public record.
 */
export interface ParticipantChange {
  kind: "role-changed" | "participant-removed";
  processId: string;
  userId: string;
  partyId: string;
  from: Exclude<Role, "public">;
  to: Role;
  /** The facilitator who made the change. */
  by: string;
  at: string;
}

/** What {@link Accounts.subscribe} reports: a session that ended, or a change to someone's participation. */
export type AccountEvent =
  | { kind: "session-ended"; userId: string; tokenHash: string; why: "signed-out" | "expired" | "disabled" }
  | ParticipantChange;

// What a disabled account's password hash is replaced with: no password matches it.
const DISABLED_HASH = "disabled";

/** Options for {@link Accounts}. */
export interface AccountsOptions {
  store: AccountStore;
  /** The clock; injected by tests. */
  now?: () => Date;
  /** How long a session lasts; default 7 days. */
  sessionMs?: number;
  /** log2 of scrypt's N; default {@link DEFAULT_PASSWORD_COST}. */
  passwordCost?: number;
  /** Attempts allowed on the unauthenticated endpoints; default {@link DEFAULT_LIMITS}. */
  limits?: Partial<AccountLimits>;
}

/** A session as the server uses it: the record, its user and party. */
export interface ActiveSession {
  session: SessionRecord;
  user: UserRecord;
  party: Party;
}

/** What signing in (or accepting an invitation, or applying) gives back: the tokens to hand to the browser. */
export interface NewSession extends ActiveSession {
  /** Goes in the HTTP-only cookie. */
  token: string;
  /** Given to the WebSocket provider; the store keeps only its hash. */
  collabToken: string;
}

/** What a person types to make an account. */
export interface NewAccount {
  displayName: string;
  email: string;
  password: string;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Who people are and what role they hold: sign-in, sessions, invitations and
 * accreditation. Every refusal is an {@link HttpError} with a stable code, and
 * a refused request changes nothing.
 */
export class Accounts {
  readonly store: AccountStore;
  private readonly now: () => Date;
  private readonly sessionMs: number;
  private readonly passwordCost: number;
  private readonly limits: AccountLimits;
  private readonly limiter: AttemptLimiter;
  private readonly listeners = new Set<(event: AccountEvent) => void>();
  private dummyHash: Promise<string>;
  // Derives each session's WebSocket token, so it can be given out again without being stored.
  private readonly collabSecret: string;

  constructor(options: AccountsOptions) {
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    this.sessionMs = options.sessionMs ?? 7 * DAY;
    this.passwordCost = options.passwordCost ?? DEFAULT_PASSWORD_COST;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.limiter = new AttemptLimiter({ now: () => this.now().getTime() });
    // Verified against when the e-mail is unknown, so that unknown and known addresses take as long.
    this.dummyHash = hashPassword(newToken(), this.passwordCost);
    this.collabSecret = this.store.setting("collab-token-secret", newToken);
  }

  /** The token a session's WebSocket connections authenticate with (see {@link sessionOfCollabToken}). */
  collabTokenOf(session: SessionRecord): string {
    return derivedToken(this.collabSecret, session.tokenHash);
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.passwordCost);
  }

  /**
   * Reports every {@link AccountEvent} to `listener`: ended sessions (so that their live
   * connections close), role changes and removals (for the same, and for the public record).
   * Returns the function that stops it.
   */
  subscribe(listener: (event: AccountEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: AccountEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Signs a person in; refuses wrong credentials and, past a few failures, further attempts for a
   * while. The attempt is counted before the password is checked, so that parallel guesses are
   * limited as well as successive ones; a successful sign-in does not count.
   */
  async signIn(email: string, password: string, clientAddress: string): Promise<NewSession> {
    const address = addressKey(clientAddress);
    const accountKey = `sign-in:${address}|${normaliseEmail(email)}`;
    const attempt = this.take(
      [
        { key: accountKey, rule: this.limits.signInPerAccount },
        { key: `sign-in:${address}`, rule: this.limits.signInPerAddress },
      ],
      "Too many failed sign-ins.",
    );
    const user = this.store.findUserByEmail(email.trim());
    const usable = user && user.passwordHash !== DISABLED_HASH ? user : undefined;
    const valid = await verifyPassword(password, usable?.passwordHash ?? (await this.dummyHash));
    if (!usable || !valid) {
      throw new HttpError(401, ErrorCode.InvalidCredentials, "The e-mail address or the password is wrong.");
    }
    attempt.giveBack();
    this.limiter.clear(accountKey);
    return this.startSession(usable);
  }

  // Counts an attempt under every key, or refuses it (429, with the time to wait) when one is used up.
  private take(keys: readonly LimitKey[], what: string): { giveBack(): void } {
    const attempt = this.limiter.take(keys);
    if (attempt.ok) return attempt;
    const seconds = Math.max(1, Math.ceil(attempt.retryAfterMs / 1000));
    const minutes = Math.ceil(seconds / 60);
    throw new HttpError(429, ErrorCode.RateLimited, `${what} Try again in ${minutes} min.`, seconds);
  }

  /** Opens a session for a user (after sign-in, invitation or application). */
  startSession(user: UserRecord): NewSession {
    const token = newToken();
    const collabToken = derivedToken(this.collabSecret, tokenHash(token));
    const createdAt = this.now();
    const session: SessionRecord = {
      tokenHash: tokenHash(token),
      userId: user.id,
      csrfToken: newToken(),
      collabTokenHash: tokenHash(collabToken),
      createdAt: createdAt.toISOString(),
      expiresAt: new Date(createdAt.getTime() + this.sessionMs).toISOString(),
    };
    this.store.createSession(session);
    return { token, collabToken, session, user, party: this.partyOf(user) };
  }

  /** The active session of a cookie token; undefined for an unknown token, throws for an expired one. */
  sessionOfToken(token: string): ActiveSession | undefined {
    return this.activate(this.store.getSession(tokenHash(token)));
  }

  /** The active session of a WebSocket token; undefined for an unknown token, throws for an expired one. */
  sessionOfCollabToken(collabToken: string): ActiveSession | undefined {
    return this.activate(this.store.getSessionByCollabToken(tokenHash(collabToken)));
  }

  private activate(session: SessionRecord | undefined): ActiveSession | undefined {
    if (!session) return undefined;
    if (session.expiresAt <= this.now().toISOString()) {
      this.store.deleteSession(session.tokenHash);
      this.emit({ kind: "session-ended", userId: session.userId, tokenHash: session.tokenHash, why: "expired" });
      throw new HttpError(401, ErrorCode.SessionExpired, "Your session has expired. Please sign in again.");
    }
    const user = this.store.getUser(session.userId);
    if (!user) return undefined;
    return { session, user, party: this.partyOf(user) };
  }

  /** Ends a session: its cookie and collab token stop working, and its live connections are closed. */
  signOut(session: SessionRecord): void {
    this.store.deleteSession(session.tokenHash);
    this.emit({ kind: "session-ended", userId: session.userId, tokenHash: session.tokenHash, why: "signed-out" });
  }

  /**
   * Disables an account for good: no password matches it any more (a sign-in is refused like a
   * wrong password, after the same work), and its sessions end.
   */
  disableAccount(userId: string): void {
    const sessions = this.store.transaction(() => {
      this.store.setPasswordHash(userId, DISABLED_HASH);
      const open = this.store.sessionsOf(userId);
      for (const session of open) this.store.deleteSession(session.tokenHash);
      return open;
    });
    for (const session of sessions) {
      this.emit({ kind: "session-ended", userId, tokenHash: session.tokenHash, why: "disabled" });
    }
  }

  /** Whether the account can be signed in to (it has not been disabled). */
  isEnabled(user: UserRecord): boolean {
    return user.passwordHash !== DISABLED_HASH;
  }

  /**
   * Gives a participant another role in a process. Refuses someone who is not a participant
   * (`participant_not_found`) and a change that would leave the process without a facilitator
   * (`last_facilitator`). Returns the change (undefined when the role was that already), which is
   * also reported to {@link subscribe}rs: the person's live connections to the process's drafts
   * close, and they reconnect with the new role.
   */
  changeRole(
    actor: UserRecord,
    processId: string,
    userId: string,
    role: Exclude<Role, "public">,
  ): ParticipantChange | undefined {
    const at = this.now().toISOString();
    const change = this.store.transaction(() => {
      const participant = this.requireParticipant(processId, userId);
      if (participant.role === role) return undefined;
      if (participant.role === "facilitator") this.assertAnotherFacilitator(processId);
      this.store.setRole(processId, userId, role, at);
      return this.participantChange("role-changed", participant, processId, role, actor, at);
    });
    if (change) this.emit(change);
    return change;
  }

  /**
   * Removes a participant from a process: they keep their account, and read the process as the
   * public does. Same refusals and the same report as {@link changeRole}.
   */
  removeParticipant(actor: UserRecord, processId: string, userId: string): ParticipantChange {
    const at = this.now().toISOString();
    const change = this.store.transaction(() => {
      const participant = this.requireParticipant(processId, userId);
      if (participant.role === "facilitator") this.assertAnotherFacilitator(processId);
      this.store.removeMembership(processId, userId);
      return this.participantChange("participant-removed", participant, processId, "public", actor, at);
    });
    this.emit(change);
    return change;
  }

  private requireParticipant(processId: string, userId: string): ParticipantRecord {
    const participant = this.store.participant(processId, userId);
    if (!participant) {
      throw new HttpError(404, ErrorCode.ParticipantNotFound, "This person does not take part in the process.");
    }
    return participant;
  }

  private assertAnotherFacilitator(processId: string): void {
    if (this.store.countRole(processId, "facilitator") > 1) return;
    throw new HttpError(
      409,
      ErrorCode.LastFacilitator,
      "This is the process's only facilitator: make someone else a facilitator first.",
    );
  }

  private participantChange(
    kind: ParticipantChange["kind"],
    participant: ParticipantRecord,
    processId: string,
    to: Role,
    actor: UserRecord,
    at: string,
  ): ParticipantChange {
    return {
      kind,
      processId,
      userId: participant.user.id,
      partyId: participant.party.id,
      from: participant.role,
      to,
      by: actor.id,
      at,
    };
  }

  /** A person's role in a process ("public" when signed out or without a role). */
  roleOf(processId: string, session: ActiveSession | undefined): Role {
    return this.store.roleOf(processId, session?.user.id);
  }

  /** Creates a single-use invitation; returns its token (to put in a link) and record. */
  createInvite(
    actor: UserRecord,
    request: {
      processId: string;
      role: InviteRecord["role"];
      party: { id: string } | Omit<Party, "id">;
      email?: string | undefined;
      expiresInHours: number;
    },
  ): { token: string; invite: InviteRecord; party: Party } {
    const token = newToken();
    const createdAt = this.now();
    return this.store.transaction(() => {
      const party = this.resolveParty(request.party);
      const invite: InviteRecord = {
        tokenHash: tokenHash(token),
        processId: request.processId,
        role: request.role,
        partyId: party.id,
        email: request.email ?? null,
        createdBy: actor.id,
        createdAt: createdAt.toISOString(),
        expiresAt: new Date(createdAt.getTime() + request.expiresInHours * 3600_000).toISOString(),
        usedAt: null,
        usedBy: null,
      };
      this.store.createInvite(invite);
      return { token, invite, party };
    });
  }

  /** The invitation behind a token, if it can still be accepted; throws a clear refusal otherwise. */
  usableInvite(token: string): { invite: InviteRecord; party: Party } {
    const invite = this.store.getInvite(tokenHash(token));
    if (!invite) throw new HttpError(404, ErrorCode.InviteNotFound, "This invitation link is not valid.");
    if (invite.usedAt) {
      throw new HttpError(410, ErrorCode.InviteUsed, "This invitation link has been used already. Please sign in.");
    }
    if (invite.expiresAt <= this.now().toISOString()) {
      throw new HttpError(
        410,
        ErrorCode.InviteExpired,
        "This invitation link has expired. Ask the facilitators for a new one.",
      );
    }
    return { invite, party: this.requireParty(invite.partyId) };
  }

  /**
   * Makes an account through an invitation, gives it the invitation's party and role, and signs it
   * in. An invitation made for an e-mail address is accepted only with that address. Failed
   * attempts (unknown, used or expired links, another address, a taken e-mail) are limited per
   * client address; accounts made through invitations are bounded by the links facilitators make.
   */
  async acceptInvite(token: string, account: NewAccount, clientAddress: string): Promise<NewSession> {
    const attempt = this.take(
      [{ key: `invite:${addressKey(clientAddress)}`, rule: this.limits.invitationsPerAddress }],
      "Too many attempts to accept invitations from this network.",
    );
    const { invite } = this.usableInvite(token);
    if (invite.email !== null && normaliseEmail(invite.email) !== normaliseEmail(account.email)) {
      throw new HttpError(
        403,
        ErrorCode.InviteEmailMismatch,
        "This invitation is for another e-mail address. Use the address it was sent to, or ask the facilitators for a new link.",
      );
    }
    this.assertEmailFree(account.email);
    const passwordHash = await this.hashPassword(account.password);
    const user = this.store.transaction(() => {
      // Checked again inside the transaction: of two requests racing with one link, one wins.
      const { invite } = this.usableInvite(token);
      this.assertEmailFree(account.email);
      const user = this.newUser(account, passwordHash, invite.partyId);
      this.store.createUser(user);
      if (!this.store.useInvite(invite.tokenHash, user.id, user.createdAt)) {
        throw new HttpError(410, ErrorCode.InviteUsed, "This invitation link has been used already. Please sign in.");
      }
      this.store.setRole(invite.processId, user.id, invite.role, user.createdAt);
      return user;
    });
    attempt.giveBack();
    return this.startSession(user);
  }

  /**
   * An organisation applies for accreditation. For a new e-mail address, this makes the
   * applicant's account, the organisation's party (without any role yet) and the pending
   * application. For an address that has an account already, nothing is recorded but a notice
   * that the account's owner sees when they sign in. The caller learns neither way which it was:
   * the answer is the same and takes the same work (one password hash). Attempts are limited per
   * client address.
   */
  async apply(
    processId: string,
    application: NewAccount & {
      organisation: string;
      stakeholderGroup: Party["stakeholderGroup"];
      country: string;
      statement: string;
    },
    clientAddress: string,
  ): Promise<void> {
    this.take(
      [{ key: `apply:${addressKey(clientAddress)}`, rule: this.limits.applicationsPerAddress }],
      "Too many applications from this network.",
    );
    const passwordHash = await this.hashPassword(application.password);
    this.store.transaction(() => {
      const createdAt = this.now().toISOString();
      const owner = this.store.findUserByEmail(application.email.trim());
      if (owner) {
        const notice = { id: newId("notice"), userId: owner.id, processId, createdAt };
        this.store.addNotice({
          ...notice,
          kind: "application-with-your-address",
          organisation: application.organisation,
        });
        return;
      }
      const party: Party = {
        id: newId("party"),
        kind: "organisation",
        name: application.organisation,
        stakeholderGroup: application.stakeholderGroup,
        country: application.country,
      };
      this.store.createParty(party);
      const user = this.newUser(application, passwordHash, party.id);
      this.store.createUser(user);
      this.store.createApplication({
        id: newId("app"),
        processId,
        userId: user.id,
        partyId: party.id,
        contactName: application.displayName,
        statement: application.statement,
        status: "pending",
        reason: null,
        decidedBy: null,
        decidedAt: null,
        createdAt: user.createdAt,
      });
    });
  }

  /** Approves (the applicant becomes an observer) or declines an application, with a reason the applicant sees. */
  decide(actor: UserRecord, applicationId: string, decision: "approve" | "decline", reason: string): ApplicationRecord {
    const at = this.now().toISOString();
    return this.store.transaction(() => {
      const application = this.store.getApplication(applicationId);
      if (!application) throw new HttpError(404, ErrorCode.ApplicationNotFound, "There is no such application.");
      const status = decision === "approve" ? "approved" : "declined";
      if (!this.store.decideApplication(applicationId, { status, reason, decidedBy: actor.id, at })) {
        throw new HttpError(409, ErrorCode.ApplicationDecided, "This application has been decided already.");
      }
      if (status === "approved") this.store.setRole(application.processId, application.userId, "observer", at);
      return this.store.getApplication(applicationId)!;
    });
  }

  /** Makes an account with a role directly (the first facilitator, demo accounts); returns the user. */
  async createAccount(
    account: NewAccount & { partyId: string; processId: string; role: InviteRecord["role"] },
  ): Promise<UserRecord> {
    this.assertEmailFree(account.email);
    this.requireParty(account.partyId);
    const user = this.newUser(account, await this.hashPassword(account.password), account.partyId);
    this.store.transaction(() => {
      this.store.createUser(user);
      this.store.setRole(account.processId, user.id, account.role, user.createdAt);
    });
    return user;
  }

  private newUser(account: NewAccount, passwordHash: string, partyId: string): UserRecord {
    return {
      id: newId("user"),
      email: account.email.trim(),
      displayName: account.displayName.trim(),
      passwordHash,
      partyId,
      createdAt: this.now().toISOString(),
    };
  }

  private assertEmailFree(email: string): void {
    if (this.store.findUserByEmail(email.trim())) {
      throw new HttpError(409, ErrorCode.EmailTaken, "An account with this e-mail address exists. Please sign in.");
    }
  }

  private resolveParty(party: { id: string } | Omit<Party, "id">): Party {
    if ("id" in party) return this.requireParty(party.id);
    const created: Party = { ...party, id: newId("party") };
    this.store.createParty(created);
    return created;
  }

  private requireParty(id: string): Party {
    const party = this.store.getParty(id);
    if (!party) throw new HttpError(404, ErrorCode.PartyNotFound, `There is no party "${id}".`);
    return party;
  }

  private partyOf(user: UserRecord): Party {
    return this.requireParty(user.partyId);
  }
}

/** An e-mail address as it is compared: without surrounding spaces, in lower case. */
function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
