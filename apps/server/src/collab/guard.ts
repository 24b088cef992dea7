import type { beforeSyncPayload, Extension } from "@hocuspocus/server";
import { CloseCode } from "@plenary/protocol";
import * as Y from "yjs";

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
 * Refuses, before they are applied, sync messages whose Yjs update cannot be
 * decoded. (Who may write what is decided by AccessControl and
 * UpdateValidation; this one keeps out what is not an update at all.)
 */
export class CollabGuard implements Extension {
  extensionName = "CollabGuard";
  priority = 900;

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
