import type { ApiErrorBody } from "@plenary/protocol";
import { useSessionStore } from "../session/sessionStore.ts";

/** An answer of the JSON API: the body, or why there is none (with the server's code and sentence when it gave one). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

/** `GET` a JSON resource of the API. Network failures come back as status 0, code "unreachable". */
export function apiGet<T>(path: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  return request<T>("GET", path, undefined, signal);
}

/**
 * A mutating request (`POST`, `DELETE`…) with a JSON body. It carries the
 * session's CSRF token, which the server requires of every request made with
 * the session cookie.
 */
export function apiSend<T>(method: "POST" | "DELETE", path: string, body?: unknown): Promise<ApiResult<T>> {
  return request<T>(method, path, body);
}

async function request<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  const csrf = useSessionStore.getState().session?.csrfToken;
  if (method !== "GET" && csrf) headers["x-csrf-token"] = csrf;
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      signal: signal ?? null,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, status: 0, code: "unreachable", message: "The server cannot be reached." };
  }
  const parsed = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, value: parsed as T };
  const error = (parsed as ApiErrorBody | null)?.error;
  return {
    ok: false,
    status: response.status,
    code: error?.code ?? "failed",
    message: error?.message ?? response.statusText,
  };
}
