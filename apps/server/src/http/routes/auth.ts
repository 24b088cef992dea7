import { type AccountNotice, ErrorCode, type SessionResponse, SignInRequest } from "@plenary/protocol";
import type { NoticeRecord } from "../../accounts/records.ts";
import type { Accounts, ActiveSession } from "../../accounts/service.ts";
import { clearSessionCookie, type Handler, readBody, requireSession, setSessionCookie } from "../context.ts";
import { HttpError, sendJSON } from "../respond.ts";
import type { Router } from "../router.ts";
import { applicationView } from "./views.ts";

/** What `GET /api/session` says about a session (or about nobody). */
export function sessionResponse(accounts: Accounts, active: ActiveSession | undefined): SessionResponse {
  if (!active) {
    return {
      user: null,
      party: null,
      memberships: [],
      applications: [],
      notices: [],
      csrfToken: null,
      collabToken: null,
    };
  }
  const { user, party, session } = active;
  return {
    user: { id: user.id, displayName: user.displayName, email: user.email },
    party,
    memberships: accounts.store.membershipsOf(user.id),
    applications: accounts.store.applicationsOf(user.id).map((record) => applicationView(accounts, record)),
    notices: accounts.store.noticesOf(user.id).flatMap((record) => noticeView(accounts, record)),
    csrfToken: session.csrfToken,
    collabToken: accounts.collabTokenOf(session),
  };
}

function noticeView(accounts: Accounts, record: NoticeRecord): AccountNotice[] {
  const process = accounts.store.getProcess(record.processId);
  if (!process) return [];
  return [
    {
      id: record.id,
      kind: record.kind,
      process: { id: process.id, title: process.title, description: process.description },
      organisation: record.organisation,
      at: record.createdAt,
    },
  ];
}

/** Sign-in, sign-out and the current session. */
export function authRoutes(router: Router<Handler>): void {
  router.add("GET", "/api/session", ({ res, accounts, session }) => {
    sendJSON(res, 200, sessionResponse(accounts, session));
  });

  router.add("POST", "/api/auth/sign-in", async ({ req, res, accounts, clientAddress }) => {
    const { email, password } = await readBody(req, SignInRequest);
    const session = await accounts.signIn(email, password, clientAddress);
    setSessionCookie(res, session);
    sendJSON(res, 200, sessionResponse(accounts, session));
  });

  router.add("DELETE", "/api/session/notices/:id", (context) => {
    const { user } = requireSession(context);
    if (!context.accounts.store.deleteNotice(user.id, context.params.id!)) {
      throw new HttpError(404, ErrorCode.NotFound, "There is no such notice on your account.");
    }
    sendJSON(context.res, 200, sessionResponse(context.accounts, context.session));
  });

  router.add("POST", "/api/auth/sign-out", (context) => {
    if (context.session) context.accounts.signOut(context.session.session);
    clearSessionCookie(context.res);
    sendJSON(context.res, 200, sessionResponse(context.accounts, undefined));
  });
}
