import type { NumberedBlock } from "@plenary/schema";
import { containment, similarity } from "./similarity.ts";
import { type WordChange, wordDiff } from "./words.ts";

/** What happened to a paragraph between two versions. */
export type ParagraphStatus = "unchanged" | "changed" | "moved" | "added" | "deleted" | "split" | "merged";

/** One row of a comparison: the paragraph(s) in the old and the new version, and how they differ. */
export interface ComparedParagraph {
  status: ParagraphStatus;
  /** The paragraph in the old version (two for a merge; none when added). */
  old: NumberedBlock[];
  /** The paragraph in the new version (two for a split; none when deleted). */
  new: NumberedBlock[];
  /** How the two were paired: by their shared id, or by the similarity of their text. */
  matchedBy: "id" | "similarity" | null;
  /** The wording changed (also true for moved, split and merged rows whose words differ). */
  textChanged: boolean;
  /** The paragraph's number is not the same in both versions ("OP 12 — was OP 10"). */
  renumbered: boolean;
  /** Word-level changes from the old text to the new one. */
  changes: WordChange[];
}

/** Options for {@link compareVersions}. */
export interface CompareOptions {
  /** Least similarity (0–1) for two paragraphs without a shared id to be paired; default 0.5. */
  minSimilarity?: number;
  /** Least share of a paragraph's words found in another for a split or merge; default 0.8. */
  minContainment?: number;
}

interface Pair {
  old: number;
  new: number;
  by: "id" | "similarity";
}

/**
 * Compares two versions paragraph by paragraph. Paragraphs are paired by their
 * stable id first, then, among those left, by the similarity of their text
 * (imported texts, rewritten paragraphs); a paragraph left over whose words
 * lie within a paired neighbour's counterpart is a split or a merge; the rest
 * are added or deleted. Paired paragraphs out of order are moved. Rows come in
 * the new version's order, deleted paragraphs where they stood.
 */
export function compareVersions(
  before: readonly NumberedBlock[],
  after: readonly NumberedBlock[],
  options: CompareOptions = {},
): ComparedParagraph[] {
  const minSimilarity = options.minSimilarity ?? 0.5;
  const minContainment = options.minContainment ?? 0.8;
  const pairs: Pair[] = [];
  const oldPaired = new Map<number, Pair>();
  const newPaired = new Map<number, Pair>();
  const pair = (p: Pair) => {
    pairs.push(p);
    oldPaired.set(p.old, p);
    newPaired.set(p.new, p);
  };

  const oldById = new Map(before.map((block, index) => [block.id, index]));
  after.forEach((block, index) => {
    const old = block.id ? oldById.get(block.id) : undefined;
    if (old !== undefined && !oldPaired.has(old)) pair({ old, new: index, by: "id" });
  });

  const candidates: { old: number; new: number; score: number }[] = [];
  after.forEach((block, n) => {
    if (newPaired.has(n)) return;
    before.forEach((other, o) => {
      if (oldPaired.has(o) || (block.kind === "section") !== (other.kind === "section")) return;
      const score = similarity(other.text, block.text);
      if (score >= minSimilarity) candidates.push({ old: o, new: n, score });
    });
  });
  for (const candidate of candidates.sort((a, b) => b.score - a.score)) {
    if (!oldPaired.has(candidate.old) && !newPaired.has(candidate.new)) pair({ ...candidate, by: "similarity" });
  }

  // Splits: a new paragraph left over, beside a paired one, whose words were in that one's old counterpart
  // and which, joined to it, gives back more of the old text than it alone (not a new variant of an unchanged one).
  const splits = new Map<number, number>();
  after.forEach((block, n) => {
    if (newPaired.has(n)) return;
    for (const neighbour of [n - 1, n + 1]) {
      const p = newPaired.get(neighbour);
      if (!p || splits.has(p.new)) continue;
      const old = before[p.old]!.text;
      if (containment(block.text, old) >= minContainment && completes(old, after[p.new]!.text, block.text)) {
        splits.set(p.new, n);
        return;
      }
    }
  });
  // Merges: an old paragraph left over, beside a paired one, whose words are in that one's new counterpart
  // and which, joined to it, makes up more of the new text than it alone (not a dropped duplicate).
  const merges = new Map<number, number>();
  before.forEach((block, o) => {
    if (oldPaired.has(o)) return;
    for (const neighbour of [o - 1, o + 1]) {
      const p = oldPaired.get(neighbour);
      if (!p || merges.has(p.old)) continue;
      const neu = after[p.new]!.text;
      if (containment(block.text, neu) >= minContainment && completes(neu, before[p.old]!.text, block.text)) {
        merges.set(p.old, o);
        return;
      }
    }
  });
  const splitParts = new Set(splits.values());
  const mergedParts = new Set(merges.values());

  const moved = outOfOrder(pairs);
  const rows: ComparedParagraph[] = [];
  const rowOfOld = new Map<number, number>();
  after.forEach((block, n) => {
    if (splitParts.has(n)) return;
    const p = newPaired.get(n);
    if (!p) {
      rows.push(row("added", [], [block], null, false));
      return;
    }
    const oldBlocks = [before[p.old]!];
    const mergedWith = merges.get(p.old);
    if (mergedWith !== undefined) oldBlocks.splice(mergedWith < p.old ? 0 : 1, 0, before[mergedWith]!);
    const newBlocks = [block];
    const splitInto = splits.get(n);
    if (splitInto !== undefined) newBlocks.splice(splitInto < n ? 0 : 1, 0, after[splitInto]!);
    const status: ParagraphStatus =
      splitInto !== undefined ? "split" : mergedWith !== undefined ? "merged" : moved.has(p) ? "moved" : "changed";
    rowOfOld.set(p.old, rows.length);
    rows.push(row(status, oldBlocks, newBlocks, p.by, true));
  });

  // Deleted paragraphs go before the row of the next old paragraph that is still there.
  // Grouped by that row rather than spliced in one by one: with moves, those rows are not in old order.
  const deletedBefore = new Map<number, ComparedParagraph[]>();
  before.forEach((block, o) => {
    if (oldPaired.has(o) || mergedParts.has(o)) return;
    let next = o + 1;
    while (next < before.length && !rowOfOld.has(next)) next++;
    const at = rowOfOld.get(next) ?? rows.length;
    const here = deletedBefore.get(at) ?? [];
    here.push(row("deleted", [block], [], null, false));
    deletedBefore.set(at, here);
  });
  return [...rows.flatMap((r, i) => [...(deletedBefore.get(i) ?? []), r]), ...(deletedBefore.get(rows.length) ?? [])];
}

// Whether `part` added to `piece` brings it closer to `whole`.
function completes(whole: string, piece: string, part: string): boolean {
  return similarity(whole, `${piece} ${part}`) > similarity(whole, piece);
}

function row(
  status: ParagraphStatus,
  old: NumberedBlock[],
  neu: NumberedBlock[],
  matchedBy: "id" | "similarity" | null,
  paired: boolean,
): ComparedParagraph {
  const before = old.map((b) => b.text).join(" ");
  const after = neu.map((b) => b.text).join(" ");
  // Most paragraphs of two versions are the same: no need to diff those word by word.
  const changes = before === after ? (before ? [{ op: "equal" as const, text: before }] : []) : wordDiff(before, after);
  const textChanged = changes.some((change) => change.op !== "equal") || (paired && old[0]?.kind !== neu[0]?.kind);
  const finalStatus = status === "changed" && !textChanged ? "unchanged" : status;
  return {
    status: finalStatus,
    old,
    new: neu,
    matchedBy,
    textChanged,
    renumbered: paired && (old[0]?.label ?? null) !== (neu[0]?.label ?? null),
    changes,
  };
}

// Pairs that are not part of the longest run kept in the same order in both versions.
function outOfOrder(pairs: readonly Pair[]): Set<Pair> {
  const byNew = [...pairs].sort((a, b) => a.new - b.new);
  // Longest increasing subsequence of old positions (patience sorting), O(n log n).
  const tails: number[] = [];
  const previous: number[] = new Array(byNew.length).fill(-1);
  const tailIndex: number[] = [];
  byNew.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byNew[tailIndex[mid]!]!.old < p.old) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tailIndex[lo - 1]! : -1;
    tails[lo] = p.old;
    tailIndex[lo] = i;
  });
  const kept = new Set<Pair>();
  for (let i = tailIndex[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) kept.add(byNew[i]!);
  return new Set(pairs.filter((p) => !kept.has(p)));
}

/** How many rows of each status a comparison has. */
export function countByStatus(rows: readonly ComparedParagraph[]): Record<ParagraphStatus, number> {
  const counts: Record<ParagraphStatus, number> = {
    unchanged: 0,
    changed: 0,
    moved: 0,
    added: 0,
    deleted: 0,
    split: 0,
    merged: 0,
  };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}
