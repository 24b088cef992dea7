/** Stable error codes of the HTTP API; each comes with a sentence a person can act on. */
export const ErrorCode = {
  NotFound: "not_found",
  DraftNotFound: "draft_not_found",
  BadRequest: "bad_request",
  PayloadTooLarge: "payload_too_large",
  MethodNotAllowed: "method_not_allowed",
  Internal: "internal_error",
  /** The request needs a signed-in person. */
  Unauthenticated: "unauthenticated",
  /** The session has expired or was signed out; sign in again. */
  SessionExpired: "session_expired",
  /** The person is signed in but their role does not allow this. */
  Forbidden: "forbidden",
  /** Wrong e-mail address or password (never says which). */
  InvalidCredentials: "invalid_credentials",
  /** Too many attempts; try again later. */
  RateLimited: "rate_limited",
  /** A mutating request made with a cookie lacks the right CSRF token. */
  CsrfFailed: "csrf_failed",
  /** An invitation link that does not exist. */
  InviteNotFound: "invite_not_found",
  /** An invitation link that has been used already. */
  InviteUsed: "invite_used",
  /** An invitation link past its expiry. */
  InviteExpired: "invite_expired",
  /** An account with this e-mail address exists. */
  EmailTaken: "email_taken",
  ProcessNotFound: "process_not_found",
  PartyNotFound: "party_not_found",
  ApplicationNotFound: "application_not_found",
  /** The application has been decided already. */
  ApplicationDecided: "application_decided",
  /** The request body is not what the endpoint takes; the message says what is wrong. */
  InvalidInput: "invalid_input",
  /** An invitation made for one e-mail address, accepted with another. */
  InviteEmailMismatch: "invite_email_mismatch",
  /** The person named is not a participant of the process. */
  ParticipantNotFound: "participant_not_found",
  /** The change would leave the process without a facilitator. */
  LastFacilitator: "last_facilitator",
} as const;

/** One of {@link ErrorCode}'s values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The body of every error answer of the HTTP API. */
export interface ApiErrorBody {
  /** `retryAfter`: seconds to wait before trying again (rate limiting), also sent as `Retry-After`. */
  error: { code: ErrorCode; message: string; retryAfter?: number };
}

/**
 * WebSocket close codes the server uses on `/collab`, shared with the web app so a
 * refusal reads the same on both sides (4000–4999 is the range for applications).
 */
export const CloseCode = {
  /** The document name is not the id of an existing draft. */
  DraftNotFound: { code: 4404, reason: "draft_not_found" },
  /** A message was larger than the server accepts. */
  MessageTooLarge: { code: 4413, reason: "message_too_large" },
  /** An update could not be decoded or applied. */
  MalformedUpdate: { code: 4400, reason: "malformed_update" },
  /** The connection's role does not allow writing to the text. */
  ReadOnly: { code: 4403, reason: "read_only" },
  /** The session behind the connection's token is unknown or has expired. */
  SessionExpired: { code: 4401, reason: "session_expired" },
  /** A suggester's update edits text outside their own suggestions, or carries someone else's. */
  SuggestionRefused: { code: 4409, reason: "suggestion_refused" },
  /** An update claims a Yjs client id that belongs to someone else. */
  ForgedClientId: { code: 4410, reason: "forged_client_id" },
  /** An update writes outside the draft's text (data only the server writes). */
  OutsideText: { code: 4411, reason: "outside_text" },
  /** The person's role in the process changed (or they were removed from it): connect again to get the new one. */
  RoleChanged: { code: 4412, reason: "role_changed" },
} as const;

/** One of {@link CloseCode}'s values. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** The {@link CloseCode} entry with the given numeric code, if any. */
export function closeCodeOf(code: number): CloseCode | undefined {
  return Object.values(CloseCode).find((entry) => entry.code === code);
}
