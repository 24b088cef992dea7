/** Stable error codes of the HTTP API; each comes with a sentence a person can act on. */
export const ErrorCode = {
  NotFound: "not_found",
  DraftNotFound: "draft_not_found",
  BadRequest: "bad_request",
  PayloadTooLarge: "payload_too_large",
  MethodNotAllowed: "method_not_allowed",
  Internal: "internal_error",
} as const;

/** One of {@link ErrorCode}'s values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The body of every error answer of the HTTP API. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
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
} as const;

/** One of {@link CloseCode}'s values. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** The {@link CloseCode} entry with the given numeric code, if any. */
export function closeCodeOf(code: number): CloseCode | undefined {
  return Object.values(CloseCode).find((entry) => entry.code === code);
}
