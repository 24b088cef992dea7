import type { Refusal } from "./refusal.ts";

/** What the connection indicator says. */
export type ConnectionState = "connecting" | "connected" | "syncing" | "offline" | "refused";

/** The WebSocket's status, as the Hocuspocus provider reports it. */
export type SocketStatus = "connecting" | "connected" | "disconnected";

/** What is known about the link to the server; {@link connectionStateOf} derives the state from it. */
export interface ConnectionFacts {
  /** `navigator.onLine`, kept current by the online/offline events. */
  online: boolean;
  socket: SocketStatus;
  /** The provider has completed its first exchange with the server since connecting. */
  synced: boolean;
  /** Local changes the server has not acknowledged yet. */
  unsyncedChanges: number;
  /** The socket was connected at least once in this session. */
  everConnected: boolean;
  /** Set when the server refused the connection for good (e.g. unknown draft). */
  refusal: Refusal | null;
}

/** The facts before anything has happened. */
export const INITIAL_FACTS: ConnectionFacts = {
  online: true,
  socket: "connecting",
  synced: false,
  unsyncedChanges: 0,
  everConnected: false,
  refusal: null,
};

/**
 * The state to show: refused beats everything; without a network, or after losing a
 * connection that once worked, the person is offline (their edits are kept locally);
 * connected but with changes not yet acknowledged is syncing.
 */
export function connectionStateOf(facts: ConnectionFacts): ConnectionState {
  if (facts.refusal !== null) return "refused";
  if (!facts.online) return "offline";
  if (facts.socket !== "connected") return facts.everConnected ? "offline" : "connecting";
  if (!facts.synced || facts.unsyncedChanges > 0) return "syncing";
  return "connected";
}
