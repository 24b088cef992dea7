import type { DraftListResponse, DraftSummary } from "@plenary/protocol";
import { type Resource, useResource } from "../api/useResource.ts";

/**
 * The title and process of a draft, for the pages about its versions. Read
 * from the list of drafts rather than `GET /api/drafts/:id`, which brings the
 * whole live text: these pages should stay small on slow links.
 * `null` when there is no such draft.
 */
export function useDraftSummary(draftId: string): Resource<DraftSummary | null> {
  const [resource] = useResource<DraftListResponse>("/api/drafts");
  if (resource.status !== "ready") return resource;
  return { status: "ready", value: resource.value.drafts.find((draft) => draft.id === draftId) ?? null };
}
