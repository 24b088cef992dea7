import type { Role, SessionResponse } from "@plenary/protocol";
import { create } from "zustand";
import { type ApiResult, apiGet, apiSend } from "../api/http.ts";

const SIGNED_OUT: SessionResponse = {
  user: null,
  party: null,
  memberships: [],
  applications: [],
  notices: [],
  csrfToken: null,
  collabToken: null,
};

/** Who is signed in (as the server says), and the calls that change it. */
export interface SessionState {
  /** The server's account of the session; signed out until loaded. */
  session: SessionResponse;
  loaded: boolean;
  /** Asks the server who is signed in. */
  load(): Promise<void>;
  signIn(email: string, password: string): Promise<ApiResult<SessionResponse>>;
  signOut(): Promise<void>;
  /** Replaces the session with one the server returned (after accepting an invitation). */
  adopt(session: SessionResponse): void;
  /** Removes a notice from the person's account (they have read it). */
  dismissNotice(id: string): Promise<ApiResult<SessionResponse>>;
  /** The person's role in a process: "public" without a membership. */
  roleIn(processId: string): Role;
}

/** The signed-in session. The browser never decides roles: it only shows what the server said. */
export const useSessionStore = create<SessionState>((set, get) => ({
  session: SIGNED_OUT,
  loaded: false,
  async load() {
    const result = await apiGet<SessionResponse>("/api/session");
    set({ session: result.ok ? result.value : SIGNED_OUT, loaded: true });
  },
  async signIn(email, password) {
    const result = await apiSend<SessionResponse>("POST", "/api/auth/sign-in", { email, password });
    if (result.ok) set({ session: result.value, loaded: true });
    return result;
  },
  async signOut() {
    await apiSend("POST", "/api/auth/sign-out", {});
    set({ session: SIGNED_OUT });
  },
  adopt(session) {
    set({ session, loaded: true });
  },
  async dismissNotice(id) {
    const result = await apiSend<SessionResponse>("DELETE", `/api/session/notices/${encodeURIComponent(id)}`, {});
    if (result.ok) set({ session: result.value });
    return result;
  },
  roleIn(processId) {
    return get().session.memberships.find((membership) => membership.processId === processId)?.role ?? "public";
  },
}));
