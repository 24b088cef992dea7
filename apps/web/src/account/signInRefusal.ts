/** Why a sign-in failed, as the page tells it. */
export type SignInRefusal =
  | { kind: "invalid_credentials" }
  | { kind: "rate_limited"; minutes: number | null }
  | { kind: "unreachable" }
  | { kind: "failed"; code: string };

/**
 * Reads the server's refusal of a sign-in. The server gives the waiting time
 * of a rate limit only in its English sentence ("Try again in 12 min."), so
 * the minutes are taken from there when present.
 */
export function signInRefusalOf(error: { status: number; code: string; message: string }): SignInRefusal {
  if (error.code === "invalid_credentials") return { kind: "invalid_credentials" };
  if (error.code === "rate_limited") {
    const minutes = /(\d+)\s*min/.exec(error.message)?.[1];
    return { kind: "rate_limited", minutes: minutes === undefined ? null : Number(minutes) };
  }
  if (error.status === 0) return { kind: "unreachable" };
  return { kind: "failed", code: error.code };
}
