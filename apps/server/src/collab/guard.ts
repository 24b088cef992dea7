import type { beforeSyncPayload, Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { CloseCode } from "@plenary/protocol";
import * as Y from "yjs";
import type { Storage } from "../storage/storage.ts";

/** An error whose `code` and `reason` Hocuspocus uses to close the connection. */
export class ConnectionRefusal extends Error {
  override name = "ConnectionRefusal";
  readonly code: number;
  readonly reason: string;

  constructor(refusal: { code: number; reason: string }, message: string) {
    super(message);
    this.code = refusal.code;
    this.reason = refusal.reason;
  }
}

/**
 * Admits connections only to existing drafts and refuses, before they are
 * applied, sync messages whose Yjs update cannot be decoded. (Who may write
 * what is decided by later extensions; this one keeps out what is not a draft
 * or not an update at all.)
 */
export class CollabGuard implements Extension {
  extensionName = "CollabGuard";
  priority = 900;

  private readonly storage: Storage;

  constructor(storage: Storage) {
    this.storage = storage;
  }

  async onAuthenticate({ documentName }: onAuthenticatePayload): Promise<void> {
    if (!this.storage.getDraft(documentName)) {
      throw new ConnectionRefusal(CloseCode.DraftNotFound, `There is no draft "${documentName}"`);
    }
  }

  async beforeSync({ payload, type }: beforeSyncPayload): Promise<void> {
    // Sync step 1 carries a state vector, steps 2 and "update" carry updates.
    if (type === 0) return;
    try {
      Y.decodeUpdate(payload);
    } catch {
      throw new ConnectionRefusal(CloseCode.MalformedUpdate, "The update could not be decoded");
    }
  }
}
