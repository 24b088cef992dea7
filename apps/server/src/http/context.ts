import type { IncomingMessage, ServerResponse } from "node:http";
import type { Hocuspocus } from "@hocuspocus/server";
import { type Action, can, ErrorCode, type Role } from "@plenary/protocol";
import { parse as parseCookie, serialize as serializeCookie } from "cookie";
import type { z } from "zod";
import type { Accounts, ActiveSession, NewSession } from "../accounts/service.ts";
import type { ReportService } from "../report/service.ts";
import type { RevisionService } from "../revisions/service.ts";
import type { Storage } from "../storage/storage.ts";
import type { SuggestionService } from "../suggestions/service.ts";
import { readBodyBytes } from "./body.ts";
import { HttpError } from "./respond.ts";
import type { Params } from "./router.ts";

/** Name of the session cookie (HTTP-only, SameSite=Lax, Secure). */
export const SESSION_COOKIE = "plenary_session";
/** Header carrying the CSRF token on mutating requests made with the cookie. */
export const CSRF_HEADER = "x-csrf-token";
const MAX_BODY_BYTES = 64 * 1024;

/** Everything a route handler needs. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Params;
  storage: Storage;
  accounts: Accounts;
  hocuspocus: Hocuspocus;
  suggestions: SuggestionService;
  revisions: RevisionService;
  reports: ReportService;
  /** The signed-in person's session, if any (already checked for expiry). */
  session: ActiveSession | undefined;
  /** The client's address: the connection's peer, or what a trusted proxy says (see addresses.ts). */
  clientAddress: string;
}

/** A route's handler. */
export type Handler = (context: RequestContext) => Promise<void> | void;

/** Reads the session of the request's cookie; an expired one is refused with a clear error. */
export function sessionOfRequest(accounts: Accounts, req: IncomingMessage): ActiveSession | undefined {
  const token = parseCookie(req.headers.cookie ?? "")[SESSION_COOKIE];
  if (!token) return undefined;
  const session = accounts.sessionOfToken(token);
  if (!session) throw new HttpError(401, ErrorCode.SessionExpired, "Your session is not valid. Please sign in again.");
  return session;
}

/**
 * Refuses cross-site mutating requests: the Origin (sent by browsers on every
 * POST) must be this server, and a request made with the session cookie must
 * echo the session's CSRF token in a header.
 */
export function checkCsrf(req: IncomingMessage, session: ActiveSession | undefined): void {
  if (req.method === "GET" || req.method === "HEAD") return;
  const origin = req.headers.origin;
  if (origin !== undefined && originHost(origin) !== req.headers.host) {
    throw new HttpError(403, ErrorCode.CsrfFailed, "Requests from other sites are refused.");
  }
  if (session && req.headers[CSRF_HEADER] !== session.session.csrfToken) {
    throw new HttpError(403, ErrorCode.CsrfFailed, "The request lacks a valid CSRF token. Reload the page and retry.");
  }
}

// The host of an Origin header ("https://example.org:8443" gives "example.org:8443"). A header that
// is not an origin at all is refused as such; "null" (sandboxed pages, files) is another site.
function originHost(origin: string): string | undefined {
  if (origin === "null") return undefined;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new HttpError(400, ErrorCode.BadRequest, "The Origin header is not a valid origin (scheme://host[:port]).");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  return url.host;
}

/** Refuses the request unless the person's role in the process allows `action`; returns the role. */
export function authorize(context: RequestContext, processId: string, action: Action): Role {
  const role = context.accounts.roleOf(processId, context.session);
  if (can(role, action)) return role;
  if (!context.session) throw new HttpError(401, ErrorCode.Unauthenticated, "Please sign in to do this.");
  throw new HttpError(403, ErrorCode.Forbidden, `Your role (${role}) does not allow this.`);
}

/** The signed-in session, or a 401 refusal. */
export function requireSession(context: RequestContext): ActiveSession {
  if (!context.session) throw new HttpError(401, ErrorCode.Unauthenticated, "Please sign in to do this.");
  return context.session;
}

/** Reads and validates a JSON body (at most 64 KiB) with a zod schema; refuses anything else clearly (413 for too large). */
export async function readBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) {
    throw new HttpError(415, ErrorCode.InvalidInput, "Send the request body as application/json.");
  }
  const bytes = await readBodyBytes(
    req,
    MAX_BODY_BYTES,
    () =>
      new HttpError(
        413,
        ErrorCode.PayloadTooLarge,
        `The request body is too large: the API takes at most ${MAX_BODY_BYTES / 1024} KiB.`,
      ),
  );
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new HttpError(400, ErrorCode.InvalidInput, "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new HttpError(400, ErrorCode.InvalidInput, `${where}${issue?.message ?? "invalid input"}`);
  }
  return parsed.data;
}

/** Sets the session cookie for a new session. */
export function setSessionCookie(res: ServerResponse, session: NewSession): void {
  res.setHeader(
    "set-cookie",
    serializeCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      secure: true,
      sameSite: "lax",
      path: "/",
      expires: new Date(session.session.expiresAt),
    }),
  );
}

/** Clears the session cookie. */
export function clearSessionCookie(res: ServerResponse): void {
  res.setHeader(
    "set-cookie",
    serializeCookie(SESSION_COOKIE, "", { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 0 }),
  );
}

/** The draft named by the route's `:id`, or a 404 `draft_not_found` refusal. */
export function requireDraft(context: RequestContext, id = context.params.id ?? "") {
  const draft = context.storage.getDraft(id);
  if (!draft) throw new HttpError(404, ErrorCode.DraftNotFound, `There is no draft "${id}"`);
  return draft;
}
