/** The live text, as a version to compare: what the server calls "live". */
export const LIVE = "live";

/** Two versions to compare: revision ids, or {@link LIVE}. */
export interface VersionPair {
  from: string;
  to: string;
}

const part = encodeURIComponent;

/** The id of a paragraph's element on the comparison and revision pages, and so the fragment of its link. */
export function paragraphAnchor(blockId: string): string {
  return `p-${blockId}`;
}

/** The block id a fragment ("#p-…") points to; null when it points to no paragraph. */
export function blockIdOfHash(hash: string): string | null {
  const match = /^#?p-(.+)$/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** The addresses of the revision pages: stable, so that they can be shared and cited. */
export const revisionPaths = {
  draft: (draftId: string) => `/drafts/${part(draftId)}`,
  list: (draftId: string) => `/drafts/${part(draftId)}/revisions`,
  revision: (draftId: string, revisionId: string) => `/drafts/${part(draftId)}/revisions/${part(revisionId)}`,
  /** The comparison of two versions (the page picks them without `versions`), at one paragraph with `blockId`. */
  compare(draftId: string, versions?: VersionPair, blockId?: string): string {
    const query = versions ? `?from=${part(versions.from)}&to=${part(versions.to)}` : "";
    const fragment = blockId === undefined ? "" : `#${paragraphAnchor(part(blockId))}`;
    return `/drafts/${part(draftId)}/compare${query}${fragment}`;
  },
  history: (draftId: string, blockId: string) => `/drafts/${part(draftId)}/paragraphs/${part(blockId)}/history`,
};

/** The API's addresses for revisions, comparisons and paragraph histories. */
export const revisionsApiPaths = {
  list: (draftId: string) => `/api/drafts/${part(draftId)}/revisions`,
  revision: (draftId: string, revisionId: string) => `/api/drafts/${part(draftId)}/revisions/${part(revisionId)}`,
  compare: (draftId: string, versions: VersionPair) =>
    `/api/drafts/${part(draftId)}/compare?from=${part(versions.from)}&to=${part(versions.to)}`,
  history: (draftId: string, blockId: string) => `/api/drafts/${part(draftId)}/paragraphs/${part(blockId)}/history`,
};

/**
 * The versions a comparison's query asks for (`?from=…&to=…`). Without `to`,
 * the live text, as the server assumes; without `from`, nothing: the page then
 * picks the versions itself.
 */
export function versionsOfQuery(search: string): VersionPair | null {
  const query = new URLSearchParams(search);
  const from = query.get("from");
  if (!from) return null;
  return { from, to: query.get("to") || LIVE };
}
