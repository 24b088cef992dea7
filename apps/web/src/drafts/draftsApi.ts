import type { ApiErrorBody, DraftListResponse, DraftResponse, DraftSummary } from "@plenary/protocol";

/** The outcome of asking the server for something that may not exist or may not be reachable. */
export type Fetched<T> = { ok: true; value: T } | { ok: false; reason: "not_found" | "unreachable" | "failed" };

/** `GET /api/drafts`: every draft's id, title and time of last change. */
export async function fetchDrafts(signal?: AbortSignal): Promise<Fetched<DraftSummary[]>> {
  const result = await getJSON<DraftListResponse>("/api/drafts", signal);
  if (!result.ok) return result;
  if (!Array.isArray(result.value.drafts)) return { ok: false, reason: "failed" };
  return { ok: true, value: result.value.drafts.filter(isDraftSummary) };
}

/** `GET /api/drafts/:id`: one draft, with its current text and paragraph numbers. */
export async function fetchDraft(id: string, signal?: AbortSignal): Promise<Fetched<DraftResponse>> {
  const result = await getJSON<DraftResponse>(`/api/drafts/${encodeURIComponent(id)}`, signal);
  if (!result.ok) return result;
  if (!isDraftSummary(result.value)) return { ok: false, reason: "failed" };
  return result;
}

async function getJSON<T>(path: string, signal?: AbortSignal): Promise<Fetched<T>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: "application/json" }, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, reason: "unreachable" };
  }
  if (response.status === 404) return { ok: false, reason: "not_found" };
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    console.error(`GET ${path} failed: ${response.status} ${body?.error?.code ?? ""} ${body?.error?.message ?? ""}`);
    return { ok: false, reason: "failed" };
  }
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    return { ok: false, reason: "failed" };
  }
}

function isDraftSummary(value: unknown): value is DraftSummary {
  if (typeof value !== "object" || value === null) return false;
  const draft = value as Record<string, unknown>;
  return typeof draft.id === "string" && typeof draft.title === "string" && typeof draft.updatedAt === "string";
}
