import type { DraftSummary } from "@plenary/protocol";
import { type Resource, useResource } from "../api/useResource.ts";
import { useDraftSummary } from "./useDraftSummary.ts";

/** A draft's title and process with one resource about it. */
export interface WithDraft<T> {
  draft: DraftSummary;
  value: T;
}

/**
 * `GET`s `path` (a resource about a draft) together with the draft's title and
 * process; an unknown draft reads as a 404, as its resources would.
 */
export function useDraftResource<T>(draftId: string, path: string): [Resource<WithDraft<T>>, () => Promise<void>] {
  const draft = useDraftSummary(draftId);
  const [resource, reload] = useResource<T>(path);
  if (draft.status === "ready" && draft.value === null) {
    const message = `There is no draft "${draftId}"`;
    return [{ status: "error", error: { ok: false, status: 404, code: "draft_not_found", message } }, reload];
  }
  if (draft.status === "error") return [draft, reload];
  if (resource.status === "error") return [resource, reload];
  if (draft.status === "loading" || resource.status === "loading") return [{ status: "loading" }, reload];
  return [{ status: "ready", value: { draft: draft.value!, value: resource.value } }, reload];
}
