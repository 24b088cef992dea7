import type { beforeHandleMessagePayload, Connection, Extension, Hocuspocus } from "@hocuspocus/server";
import { CloseCode } from "@plenary/protocol";
import type { AccountEvent, Accounts } from "../accounts/service.ts";
import type { Storage } from "../storage/storage.ts";
import type { ConnectionContext } from "./access.ts";
import { ConnectionRefusal } from "./guard.ts";

/** Options for {@link SessionEnforcement}. */
export interface SessionEnforcementOptions {
  accounts: Accounts;
  storage: Storage;
  /** The clock; injected by tests. */
  now?: () => Date;
  /** How often every live connection is checked against the store; default 500 ms. */
  sweepMs?: number;
}

type Refusal = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Keeps live `/collab` connections to what their session still allows. A connection is
 * authenticated once, when it opens; afterwards its session can end (sign-out, expiry, a
 * disabled account) and its person's role can change or end (a facilitator changed it or removed
 * them). Then the connection is closed: at once when the server itself ends the session or changes
 * the role (through {@link Accounts.subscribe}), and in any case within `sweepMs`, when every
 * connection is checked again against the store. The client reconnects with whatever it now has.
 * Messages still queued on a closed connection, and any message whose session has expired, are
 * refused before they are handled, so nothing reaches the draft after the session ends.
 */
export class SessionEnforcement implements Extension {
  extensionName = "SessionEnforcement";
  // Before every other extension: a connection without a valid session is refused first.
  priority = 1000;
  private readonly accounts: Accounts;
  private readonly storage: Storage;
  private readonly now: () => Date;
  private readonly sweepMs: number;
  private hocuspocus: Hocuspocus | undefined;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(options: SessionEnforcementOptions) {
    this.accounts = options.accounts;
    this.storage = options.storage;
    this.now = options.now ?? (() => new Date());
    this.sweepMs = options.sweepMs ?? 500;
  }

  /** Starts watching the connections of `hocuspocus` (the instance this extension is part of). */
  watch(hocuspocus: Hocuspocus): void {
    this.hocuspocus = hocuspocus;
    this.unsubscribe = this.accounts.subscribe((event) => this.onAccountEvent(event));
    this.timer = setInterval(() => this.sweep(), this.sweepMs);
    this.timer.unref();
  }

  /** Stops watching (when the server closes). */
  stop(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
  }

  async beforeHandleMessage({ connection, context }: beforeHandleMessagePayload<ConnectionContext>): Promise<void> {
    // A closed connection may still have messages queued: none of them is handled.
    if (!connection.document.hasConnection(connection)) {
      throw new ConnectionRefusal(CloseCode.SessionExpired, "This connection has been closed");
    }
    const expiresAt = context.session?.session.expiresAt;
    if (expiresAt !== undefined && expiresAt <= this.now().toISOString()) {
      this.close(connection, CloseCode.SessionExpired);
      throw new ConnectionRefusal(CloseCode.SessionExpired, "Your session has expired. Please sign in again.");
    }
  }

  /**
   * Closes every live connection that `matches`, with `refusal` as its code and reason; returns
   * how many were closed.
   */
  closeWhere(matches: (context: ConnectionContext, draftId: string) => boolean, refusal: Refusal): number {
    let closed = 0;
    for (const [draftId, document] of this.hocuspocus?.documents ?? []) {
      for (const connection of document.getConnections()) {
        if (!matches(connection.context as ConnectionContext, draftId)) continue;
        this.close(connection, refusal);
        closed += 1;
      }
    }
    return closed;
  }

  private onAccountEvent(event: AccountEvent): void {
    if (event.kind === "session-ended") {
      this.closeWhere((context) => context.session?.session.tokenHash === event.tokenHash, CloseCode.SessionExpired);
      return;
    }
    this.closeWhere(
      (context, draftId) =>
        context.session?.user.id === event.userId && this.storage.getDraft(draftId)?.processId === event.processId,
      CloseCode.RoleChanged,
    );
  }

  // Every connection with a session, checked again: the session still exists and has not expired,
  // and the person's role in the draft's process is still the one the connection was opened with.
  private sweep(): void {
    const now = this.now().toISOString();
    const sessions = new Map<string, boolean>();
    const processes = new Map<string, string | undefined>();
    const roles = new Map<string, string>();
    this.closeWhere((context) => {
      const tokenHash = context.session?.session.tokenHash;
      if (!tokenHash) return false;
      let alive = sessions.get(tokenHash);
      if (alive === undefined) {
        const stored = this.accounts.store.getSession(tokenHash);
        alive = stored !== undefined && stored.expiresAt > now;
        sessions.set(tokenHash, alive);
      }
      return !alive;
    }, CloseCode.SessionExpired);
    this.closeWhere((context, draftId) => {
      if (!context.session) return false;
      if (!processes.has(draftId)) processes.set(draftId, this.storage.getDraft(draftId)?.processId);
      const processId = processes.get(draftId);
      if (processId === undefined) return false;
      const key = `${processId}|${context.session.user.id}`;
      let role = roles.get(key);
      if (role === undefined) {
        role = this.accounts.store.roleOf(processId, context.session.user.id);
        roles.set(key, role);
      }
      return role !== context.role;
    }, CloseCode.RoleChanged);
  }

  private close(connection: Connection, refusal: Refusal): void {
    connection.close({ code: refusal.code, reason: refusal.reason });
  }
}
