import { ErrorCode, type Party, type Role } from "@plenary/protocol";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { HttpError } from "../http/respond.ts";
import { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword } from "./passwords.ts";
import type { ApplicationRecord, InviteRecord, SessionRecord, UserRecord } from "./records.ts";
import type { AccountStore } from "./store.ts";
import { derivedToken, newId, newToken, tokenHash } from "./tokens.ts";

/** Options for {@link Accounts}. */
export interface AccountsOptions {
  store: AccountStore;
  /** The clock; injected by tests. */
  now?: () => Date;
  /** How long a session lasts; default 7 days. */
  sessionMs?: number;
  /** log2 of scrypt's N; default {@link DEFAULT_PASSWORD_COST}. */
  passwordCost?: number;
  /** Failed sign-ins allowed per address and e-mail in `signInWindowSeconds`; default 5. */
  signInAttempts?: number;
  signInWindowSeconds?: number;
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
  private readonly limiter: RateLimiterMemory;
  private dummyHash: Promise<string>;
  // Derives each session's WebSocket token, so it can be given out again without being stored.
  private readonly collabSecret: string;

  constructor(options: AccountsOptions) {
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    this.sessionMs = options.sessionMs ?? 7 * DAY;
    this.passwordCost = options.passwordCost ?? DEFAULT_PASSWORD_COST;
    this.limiter = new RateLimiterMemory({
      points: options.signInAttempts ?? 5,
      duration: options.signInWindowSeconds ?? 15 * 60,
    });
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

  /** Signs a person in; refuses wrong credentials and, past a few failures, further attempts for a while. */
  async signIn(email: string, password: string, clientAddress: string): Promise<NewSession> {
    const key = `${clientAddress}|${email.toLowerCase()}`;
    const limit = await this.limiter.get(key);
    if (limit && limit.remainingPoints <= 0) {
      const minutes = Math.ceil(limit.msBeforeNext / 60_000);
      throw new HttpError(
        429,
        ErrorCode.RateLimited,
        `Too many failed sign-ins. Try again in ${minutes} min.`,
        Math.ceil(limit.msBeforeNext / 1000),
      );
    }
    const user = this.store.findUserByEmail(email);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !valid) {
      await this.limiter.penalty(key, 1);
      throw new HttpError(401, ErrorCode.InvalidCredentials, "The e-mail address or the password is wrong.");
    }
    await this.limiter.delete(key);
    return this.startSession(user);
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
      throw new HttpError(401, ErrorCode.SessionExpired, "Your session has expired. Please sign in again.");
    }
    const user = this.store.getUser(session.userId);
    if (!user) return undefined;
    return { session, user, party: this.partyOf(user) };
  }

  signOut(session: SessionRecord): void {
    this.store.deleteSession(session.tokenHash);
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

  /** Makes an account through an invitation, gives it the invitation's party and role, and signs it in. */
  async acceptInvite(token: string, account: NewAccount): Promise<NewSession> {
    this.usableInvite(token);
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
    return this.startSession(user);
  }

  /**
   * An organisation applies for accreditation: makes the applicant's account and
   * the organisation's party (without any role yet) and the pending application.
   */
  async apply(
    processId: string,
    application: NewAccount & {
      organisation: string;
      stakeholderGroup: Party["stakeholderGroup"];
      country: string;
      statement: string;
    },
  ): Promise<{ application: ApplicationRecord; session: NewSession }> {
    this.assertEmailFree(application.email);
    const passwordHash = await this.hashPassword(application.password);
    const result = this.store.transaction(() => {
      this.assertEmailFree(application.email);
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
      const record: ApplicationRecord = {
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
      };
      this.store.createApplication(record);
      return { application: record, user };
    });
    return { application: result.application, session: this.startSession(result.user) };
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
