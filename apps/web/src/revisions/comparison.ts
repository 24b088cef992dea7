import type { ComparedRowView } from "@plenary/protocol";
import type { NumberedBlock } from "@plenary/schema";

/** What happened to a paragraph between two versions. */
export type RowStatus = ComparedRowView["status"];

/** Every status, in the order the summary shows them: what changed first, what did not last. */
export const STATUSES: readonly RowStatus[] = ["changed", "added", "deleted", "moved", "split", "merged", "unchanged"];

/** The paragraph a row is about: its block in the newer version, else (deleted) in the older one. */
export function rowBlock(row: ComparedRowView): NumberedBlock {
  const block = row.new[0] ?? row.old[0];
  if (!block) throw new RangeError("A compared row has a paragraph in neither version");
  return block;
}

/** Labels of one side's paragraphs ("OP 5, OP 6" after a split); null when none of them is numbered. */
function labelsOf(blocks: readonly NumberedBlock[]): string | null {
  const labels = blocks.map((block) => block.label).filter((label): label is string => label !== null);
  return labels.length > 0 ? labels.join(", ") : null;
}

/**
 * A row's numbers as negotiators cite them: its number now and, when it was
 * numbered otherwise in the older version, what it was ("OP 12 — was OP 10").
 * An added paragraph has no former number; a deleted one no current number.
 */
export function rowNumbers(row: ComparedRowView): { now: string | null; was: string | null } {
  const now = labelsOf(row.new);
  const was = labelsOf(row.old);
  return { now, was: was === now ? null : was };
}

/**
 * The rows to show: all of them, or with `changedOnly` those that are not
 * unchanged; the row of `keepBlockId` (the paragraph a link points to) stays either way.
 */
export function visibleRows(
  rows: readonly ComparedRowView[],
  changedOnly: boolean,
  keepBlockId: string | null = null,
): ComparedRowView[] {
  if (!changedOnly) return [...rows];
  return rows.filter((row) => row.status !== "unchanged" || rowBlock(row).id === keepBlockId);
}

/** One status's part of a comparison, for the bar of counts: how many rows and which share of them (0–100). */
export interface StatusShare {
  status: RowStatus;
  count: number;
  percent: number;
}

/** The statuses a comparison has, in {@link STATUSES} order, each with its count and share of all rows. */
export function statusShares(counts: Readonly<Record<RowStatus, number>>): StatusShare[] {
  const total = STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  if (total === 0) return [];
  return STATUSES.filter((status) => (counts[status] ?? 0) > 0).map((status) => ({
    status,
    count: counts[status],
    percent: (counts[status] / total) * 100,
  }));
}
