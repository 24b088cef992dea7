import type { ServerResponse } from "node:http";
import type { ApiErrorBody, ErrorCode } from "@plenary/protocol";

/** Sends a JSON answer. */
export function sendJSON(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

/** An HTTP error with a stable code and a sentence a person can act on. */
export class HttpError extends Error {
  override name = "HttpError";
  readonly status: number;
  readonly code: ErrorCode;
  /** Seconds to wait before trying again (sent as `Retry-After` and in the body). */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: ErrorCode, message: string, retryAfter?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** Sends an {@link HttpError} as the API's error body. */
export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ApiErrorBody = {
    error: { code: error.code, message: error.message, ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}) },
  };
  if (error.retryAfter) res.setHeader("retry-after", String(error.retryAfter));
  sendJSON(res, error.status, body);
}
