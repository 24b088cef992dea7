import { type SessionResponse, SignInRequest } from "@plenary/protocol";
import type { Accounts, ActiveSession } from "../../accounts/service.ts";
import { clearSessionCookie, type Handler, readBody, setSessionCookie } from "../context.ts";
import { sendJSON } from "../respond.ts";
import type { Router } from "../router.ts";
import { applicationView } from "./views.ts";

/** What `GET /api/session` says about a session (or about nobody). */
export function sessionResponse(accounts: Accounts, active: ActiveSession | undefined): SessionResponse {
  if (!active) {
    return { user: null, party: null, memberships: [], applications: [], csrfToken: null, collabToken: null };
  }
  const { user, party, session } = active;
  return {
    user: { id: user.id, displayName: user.displayName, email: user.email },
    party,
    memberships: accounts.store.membershipsOf(user.id),
    applications: accounts.store.applicationsOf(user.id).map((record) => applicationView(accounts, record)),
    csrfToken: session.csrfToken,
    collabToken: accounts.collabTokenOf(session),
  };
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

  router.add("POST", "/api/auth/sign-out", (context) => {
    if (context.session) context.accounts.signOut(context.session.session);
    clearSessionCookie(context.res);
    sendJSON(context.res, 200, sessionResponse(context.accounts, undefined));
  });
}
