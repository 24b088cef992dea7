import type { TFunction } from "i18next";
import type { ApiResult } from "./http.ts";

/** A refused API call. */
export type ApiFailure = Extract<ApiResult<unknown>, { ok: false }>;

/**
 * The sentence for a refusal that any call may meet (no network, not signed
 * in, not allowed, stale CSRF token…); pages handle their own codes first.
 */
export function apiErrorMessage(t: TFunction, error: ApiFailure): string {
  switch (error.code) {
    case "unreachable":
      return t("errors.unreachable");
    case "unauthenticated":
      return t("errors.signInRequired");
    case "session_expired":
      return t("errors.sessionExpired");
    case "forbidden":
      return t("errors.forbidden");
    case "csrf_failed":
      return t("errors.csrf");
    case "rate_limited":
      return t("accessSafety.rateLimited");
    default:
      return t("errors.failed", { code: error.code });
  }
}
