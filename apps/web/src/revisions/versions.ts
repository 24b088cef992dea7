import type { RevisionSummary } from "@plenary/protocol";
import { LIVE, type VersionPair } from "./revisionPaths.ts";

/** The name the server gives the next revision when the facilitator gives none ("Zero Draft", "Rev.1", …). */
export function nextRevisionName(published: readonly RevisionSummary[]): string {
  const number = published.length === 0 ? 0 : Math.max(...published.map((revision) => revision.number)) + 1;
  return number === 0 ? "Zero Draft" : `Rev.${number}`;
}

/** Revisions oldest first, as negotiators count them. */
export function inOrder(revisions: readonly RevisionSummary[]): RevisionSummary[] {
  return [...revisions].sort((a, b) => a.number - b.number);
}

/**
 * What a comparison shows when the address does not say: the last two
 * revisions, or the only one against the live text; null without revisions.
 */
export function defaultVersions(revisions: readonly RevisionSummary[]): VersionPair | null {
  const ordered = inOrder(revisions);
  const last = ordered.at(-1);
  if (!last) return null;
  const before = ordered.at(-2);
  return before ? { from: before.id, to: last.id } : { from: last.id, to: LIVE };
}

/** The revision published just before `revision`, if any: what "compare with the previous" compares with. */
export function previousRevision(
  revisions: readonly RevisionSummary[],
  revision: Pick<RevisionSummary, "number">,
): RevisionSummary | null {
  const earlier = inOrder(revisions).filter((candidate) => candidate.number < revision.number);
  return earlier.at(-1) ?? null;
}
