import { CloseCode, closeCodeOf } from "@plenary/protocol";
import type { en } from "../i18n/locales/en.ts";

/** Why the server refused this browser's connection or its last change. */
export type Refusal = (typeof CloseCode)[keyof typeof CloseCode]["reason"];

/**
 * The refusal a close event or an authentication failure stands for, if any. The
 * code is checked first, then the reason: Hocuspocus relays a refusal inside its
 * own protocol (a "close" or "permission denied" message), where only the reason
 * survives and the code reads 1000.
 */
export function refusalOf(event: { code?: number; reason?: string } | null | undefined): Refusal | null {
  if (!event) return null;
  const byCode = typeof event.code === "number" ? closeCodeOf(event.code) : undefined;
  if (byCode) return byCode.reason;
  const byReason = Object.values(CloseCode).find((entry) => entry.reason === event.reason);
  return byReason?.reason ?? null;
}

// Refusals of the connection itself; every other refusal is of a change.
const FINAL: readonly Refusal[] = [CloseCode.DraftNotFound.reason, CloseCode.SessionExpired.reason];

/**
 * Whether the browser should drop its copy of the draft and load it again from the
 * server: the server refused a change this browser holds and would send again.
 * Otherwise the refusal is final for this session (unknown draft, expired session).
 */
export function mustResynchronise(refusal: Refusal): boolean {
  return !FINAL.includes(refusal) && !mustReconnect(refusal);
}

/**
 * Whether the refusal only says that the person's role changed (or ended): nothing this browser
 * holds was refused, so it keeps its copy, asks who it now is, and connects again with the new role.
 */
export function mustReconnect(refusal: Refusal): boolean {
  return refusal === CloseCode.RoleChanged.reason;
}

type ConnectionMessage = `connection.${keyof (typeof en)["connection"]}`;

const MESSAGES: Partial<Record<Refusal, ConnectionMessage>> = {
  draft_not_found: "connection.draftNotFound",
  message_too_large: "connection.messageTooLarge",
  malformed_update: "connection.malformedUpdate",
  read_only: "connection.readOnly",
  session_expired: "connection.sessionExpired",
  suggestion_refused: "connection.suggestionRefused",
  forged_client_id: "connection.forgedClientId",
  outside_text: "connection.outsideText",
};

/** The key of the sentence that tells a person about a refusal (a general one for refusals added later). */
export function refusalMessageKey(refusal: Refusal): ConnectionMessage {
  return MESSAGES[refusal] ?? "connection.refused";
}
