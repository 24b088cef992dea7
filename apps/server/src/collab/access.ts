import type { beforeSyncPayload, Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { CloseCode, can, type Role } from "@plenary/protocol";
import * as Y from "yjs";
import type { Accounts, ActiveSession } from "../accounts/service.ts";
import { HttpError } from "../http/respond.ts";
import type { Storage } from "../storage/storage.ts";
import { ConnectionRefusal } from "./guard.ts";

/** What the server knows about a connection once it is authenticated. */
export interface ConnectionContext {
  role: Role;
  session: ActiveSession | undefined;
}

/**
 * Decides who may do what on `/collab`. A connection authenticates with the
 * session's collab token (from `GET /api/session`); no token means the public.
 * Roles that may edit or suggest get a writable connection (what they may
 * write is checked by UpdateValidation); every other connection is read-only,
 * and an update it sends anyway closes it.
 */
export class AccessControl implements Extension {
  extensionName = "AccessControl";
  priority = 800;
  private readonly storage: Storage;
  private readonly accounts: Accounts;

  constructor(storage: Storage, accounts: Accounts) {
    this.storage = storage;
    this.accounts = accounts;
  }

  async onAuthenticate({ documentName, token, connectionConfig }: onAuthenticatePayload): Promise<ConnectionContext> {
    const draft = this.storage.getDraft(documentName);
    if (!draft) throw new ConnectionRefusal(CloseCode.DraftNotFound, `There is no draft "${documentName}"`);
    const session = token ? this.sessionOf(token) : undefined;
    const role = this.accounts.roleOf(draft.processId, session);
    if (!can(role, "draft.read")) throw new ConnectionRefusal(CloseCode.ReadOnly, "This draft is not open to you");
    // Suggesters write too: UpdateValidation holds their updates to the suggestion rule.
    connectionConfig.readOnly = !can(role, "draft.edit") && !can(role, "draft.suggest");
    return { role, session };
  }

  async beforeSync({ type, connection, document, payload }: beforeSyncPayload): Promise<void> {
    // An update from a read-only connection that adds anything is refused outright; one the draft already
    // holds (a reader's copy sent back) is harmless. Sync step 2 gets Hocuspocus's "not synced" answer.
    if (type === 2 && connection.readOnly && !Y.snapshotContainsUpdate(Y.snapshot(document), payload)) {
      throw new ConnectionRefusal(CloseCode.ReadOnly, "Your role does not allow editing this text");
    }
  }

  private sessionOf(token: string): ActiveSession {
    try {
      const session = this.accounts.sessionOfCollabToken(token);
      if (session) return session;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
    }
    throw new ConnectionRefusal(CloseCode.SessionExpired, "Your session is not valid. Please sign in again.");
  }
}
