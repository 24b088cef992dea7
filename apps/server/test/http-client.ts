import type { SessionResponse } from "@plenary/protocol";

/** A JSON answer: status and body. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A person talking to the server over HTTP as the web app does: the session
 * cookie it was given, and the CSRF token echoed on every mutating request.
 */
export class HttpClient {
  readonly baseUrl: string;
  cookie: string | undefined;
  session: SessionResponse | undefined;
  /** Headers sent with every request (e.g. the X-Forwarded-For a proxy would add). */
  readonly headers: Record<string, string> = {};

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  get csrfToken(): string | undefined {
    return this.session?.csrfToken ?? undefined;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; origin?: string } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...this.headers };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.cookie) headers.cookie = this.cookie;
    if ((options.csrf ?? true) && this.csrfToken && method !== "GET") headers["x-csrf-token"] = this.csrfToken;
    if (options.origin) headers.origin = options.origin;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0];
    const text = await res.text();
    const parsed = (text ? JSON.parse(text) : undefined) as T;
    if (isSession(parsed)) this.session = parsed;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get<T = unknown>(path: string): Promise<Answer<T>> {
    return this.request<T>("GET", path);
  }

  post<T = unknown>(path: string, body: unknown, options?: { csrf?: boolean; origin?: string }): Promise<Answer<T>> {
    return this.request<T>("POST", path, body, options);
  }

  /** Signs in; throws when the server refuses. */
  async signIn(email: string, password: string): Promise<this> {
    const answer = await this.post<SessionResponse>("/api/auth/sign-in", { email, password });
    if (answer.status !== 200) throw new Error(`Sign-in of ${email} refused: ${JSON.stringify(answer.body)}`);
    return this;
  }
}

function isSession(body: unknown): body is SessionResponse {
  return typeof body === "object" && body !== null && "collabToken" in body && "memberships" in body;
}

/** A new client signed in as the given account. */
export function signedIn(baseUrl: string, account: { email: string; password: string }): Promise<HttpClient> {
  return new HttpClient(baseUrl).signIn(account.email, account.password);
}
