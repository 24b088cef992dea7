import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { COLLAB_PATH } from "@plenary/protocol";
import { TEXT_FIELD } from "@plenary/schema";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import type { ConnectionFacts, SocketStatus } from "../connection/connectionState.ts";
import { type Refusal, refusalOf } from "../connection/refusal.ts";
import type { PresenceUser } from "../presence/identity.ts";
import { useSessionStore } from "../session/sessionStore.ts";

/** What a session reports to the rest of the app. */
export interface SessionListener {
  /** New facts about the connection. */
  connection(facts: Partial<ConnectionFacts>): void;
  /** The awareness states changed (someone came, left, moved or renamed). */
  awareness(states: ReadonlyMap<number, unknown>, selfId: number): void;
  /** The text can be shown: it came from the server or from this device's copy. */
  ready(): void;
  /** The server refused the connection or a change. */
  refused(refusal: Refusal): void;
  /** The server admitted the connection, for reading and writing or for reading only. */
  admitted(writable: boolean): void;
}

/** An open draft: its Y.Doc, kept in step with the server and with this device's copy. */
export interface DraftSession {
  readonly draftId: string;
  readonly ydoc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Shows this person to the others under a new name or colour. */
  setUser(user: PresenceUser): void;
  /** Deletes this device's copy of the draft (after a refusal, before loading it again). */
  discardLocalCopy(): Promise<void>;
  /** Disconnects and releases everything; the session cannot be used afterwards. */
  destroy(): void;
}

/** The address of the collaboration endpoint on the page's own server. */
export function collabUrl(location: Pick<Location, "protocol" | "host">): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}${COLLAB_PATH}`;
}

/** The IndexedDB database holding this device's copy of a draft. */
export function localCopyName(draftId: string): string {
  return `plenary-draft-${draftId}`;
}

/**
 * Opens a draft: a Y.Doc restored from this device's copy (IndexedDB) and synced
 * with the server over Hocuspocus, so editing goes on offline and merges on reconnect.
 */
export function openDraftSession(draftId: string, user: PresenceUser, listener: SessionListener): DraftSession {
  const ydoc = new Y.Doc();
  // Only the signed-in keep a copy on this device, to work offline. A visitor's copy would go
  // back to the server as an update when the draft is opened again, and a read-only
  // connection that sends an update is closed.
  const local = useSessionStore.getState().session.collabToken
    ? new IndexeddbPersistence(localCopyName(draftId), ydoc)
    : null;
  const provider = new HocuspocusProvider({
    url: collabUrl(window.location),
    name: draftId,
    document: ydoc,
    // The session's collab token (the cookie is HTTP-only); none means the public, read-only.
    token: () => useSessionStore.getState().session.collabToken ?? "",
  });
  const awareness = provider.awareness!;
  awareness.setLocalStateField("user", user);

  let isReady = false;
  const markReady = () => {
    if (isReady) return;
    isReady = true;
    listener.ready();
  };
  const hasText = () => ydoc.getXmlFragment(TEXT_FIELD).length > 0;

  void local?.whenSynced.then(() => {
    if (hasText()) markReady();
  });

  provider.on("status", ({ status }: { status: WebSocketStatus }) => {
    const socket = socketStatusOf(status);
    listener.connection(socket === "connected" ? { socket, everConnected: true } : { socket, synced: false });
  });
  provider.on("synced", () => {
    listener.connection({ synced: true, unsyncedChanges: provider.unsyncedChanges });
    markReady();
  });
  provider.on("unsyncedChanges", ({ number }: { number: number }) => {
    listener.connection({ unsyncedChanges: number });
  });
  const refuse = (event: { code?: number; reason?: string }) => {
    const refusal = refusalOf(event);
    if (refusal === null) return;
    // Reconnecting would be refused again (or would resend the refused change).
    provider.disconnect();
    listener.refused(refusal);
  };
  provider.on("close", ({ event }: { event: { code?: number; reason?: string } }) => refuse(event));
  provider.on("authenticationFailed", ({ reason }: { reason: string }) => refuse({ reason }));
  provider.on("authenticated", ({ scope }: { scope: string }) => listener.admitted(scope !== "readonly"));
  const reportAwareness = () => listener.awareness(awareness.getStates(), ydoc.clientID);
  awareness.on("change", reportAwareness);
  reportAwareness();

  // The browser knows before the socket does: a dead link can take the provider
  // many seconds to notice, and after coming back it may be waiting out a backoff.
  const goOffline = () => {
    listener.connection({ online: false });
    provider.disconnect();
  };
  const goOnline = () => {
    listener.connection({ online: true });
    void provider.connect();
  };
  window.addEventListener("offline", goOffline);
  window.addEventListener("online", goOnline);
  listener.connection({ online: navigator.onLine });

  return {
    draftId,
    ydoc,
    provider,
    setUser(next) {
      awareness.setLocalStateField("user", next);
    },
    async discardLocalCopy() {
      await local?.clearData();
    },
    destroy() {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      awareness.off("change", reportAwareness);
      provider.destroy();
      void local?.destroy();
      ydoc.destroy();
    },
  };
}

function socketStatusOf(status: WebSocketStatus): SocketStatus {
  if (status === WebSocketStatus.Connected) return "connected";
  if (status === WebSocketStatus.Connecting) return "connecting";
  return "disconnected";
}
