import { type ComparedParagraph, compareVersions } from "@plenary/diff";
import { blocksOfJSON, type DocJSON, type NumberedBlock, numberBlocks, parseDocJSON } from "@plenary/schema";
import { type Segment, segmentsOfJSON, slice } from "./inline.ts";
import type { Revision, WordBlock, WordComment, WordRun, WordText } from "./model.ts";
import { kindOf } from "./tracked.ts";

/** Who the comparison's tracked changes are attributed to, and when. */
export interface ComparisonAuthor {
  /** E.g. "Rev.1" or "Plenary comparison". */
  author: string;
  /** ISO 8601 date and time of the newer version. */
  date: string;
}

/**
 * The newer version as tracked changes against the older one: paragraphs
 * aligned as the comparison view aligns them (by id, then by similarity),
 * word-level insertions and deletions inside changed paragraphs, added and
 * deleted paragraphs as whole, split and merged ones as the old ones struck
 * and the new ones proposed, moved ones struck where they stood and inserted
 * where they are now, with a comment saying so. Accepting every change gives
 * the newer text; rejecting every change gives the older one.
 */
export function comparisonText(older: DocJSON, newer: DocJSON, title: string, by: ComparisonAuthor): WordText {
  const before = parseDocJSON(older).toJSON() as DocJSON;
  const after = parseDocJSON(newer).toJSON() as DocJSON;
  const oldBlocks = numberBlocks(blocksOfJSON(before));
  const newBlocks = numberBlocks(blocksOfJSON(after));
  const insertion: Revision = { type: "insertion", ...by };
  const deletion: Revision = { type: "deletion", ...by };
  const comments: WordComment[] = [];
  const nodeOf = (doc: DocJSON, block: NumberedBlock) => doc.content[block.index]!;
  const whole = (
    doc: DocJSON,
    block: NumberedBlock,
    change: Revision | null,
    comment: number | null = null,
  ): WordBlock => {
    const node = nodeOf(doc, block);
    return { kind: kindOf(node), runs: runsOf(segmentsOfJSON(node), change, comment), change, comment: null };
  };

  const rows = compareVersions(oldBlocks, newBlocks);
  const out: WordBlock[] = [];
  const ghosts = ghostPlaces(rows);
  rows.forEach((row, index) => {
    for (const moved of ghosts.get(index) ?? []) out.push(...moved.old.map((b) => whole(before, b, deletion)));
    switch (row.status) {
      case "unchanged":
        out.push(whole(after, row.new[0]!, null));
        return;
      case "added":
        out.push(...row.new.map((b) => whole(after, b, insertion)));
        return;
      case "deleted":
        return;
      case "split":
      case "merged":
        out.push(...row.old.map((b) => whole(before, b, deletion)));
        out.push(...row.new.map((b) => whole(after, b, insertion)));
        return;
      case "moved": {
        const comment = comments.length;
        const was = row.old[0]!.label ?? `“${row.old[0]!.text.slice(0, 40)}”`;
        comments.push({ id: comment, author: by.author, date: by.date, text: `Moved: was ${was}.` });
        out.push(...row.new.map((b) => whole(after, b, insertion, comment)));
        return;
      }
      case "changed": {
        const node = nodeOf(after, row.new[0]!);
        const oldSegments = segmentsOfJSON(nodeOf(before, row.old[0]!));
        const runs = wordRuns(row, oldSegments, segmentsOfJSON(node), insertion, deletion);
        out.push({ kind: kindOf(node), runs, change: null, comment: null });
      }
    }
  });
  for (const moved of ghosts.get(rows.length) ?? []) out.push(...moved.old.map((b) => whole(before, b, deletion)));
  return { title, blocks: out, comments };
}

function runsOf(segments: readonly Segment[], change: Revision | null, comment: number | null): WordRun[] {
  return segments.filter((s) => s.text).map((segment) => ({ ...segment, change, comment }));
}

// The word changes of a paragraph, with the bold and italic of the version each piece comes from.
function wordRuns(
  row: ComparedParagraph,
  oldSegments: Segment[],
  newSegments: Segment[],
  insertion: Revision,
  deletion: Revision,
): WordRun[] {
  const runs: WordRun[] = [];
  let atOld = 0;
  let atNew = 0;
  for (const change of row.changes) {
    const n = change.text.length;
    if (change.op === "delete") {
      runs.push(...runsOf(slice(oldSegments, atOld, atOld + n), deletion, null));
      atOld += n;
    } else {
      runs.push(...runsOf(slice(newSegments, atNew, atNew + n), change.op === "insert" ? insertion : null, null));
      atNew += n;
      if (change.op === "equal") atOld += n;
    }
  }
  return runs;
}

// Where deleted paragraphs and the old places of moved ones go: before the row of the next old
// paragraph that stayed in order, so that rejecting every change gives the old order back.
function ghostPlaces(rows: readonly ComparedParagraph[]): Map<number, ComparedParagraph[]> {
  const places = new Map<number, ComparedParagraph[]>();
  const gone = (row: ComparedParagraph) => row.status === "moved" || row.status === "deleted";
  const staying = rows
    .map((row, index) => ({ row, index, old: row.old[0]?.index }))
    .filter((r) => !gone(r.row) && r.old !== undefined);
  const ghosts = rows.filter(gone).sort((a, b) => a.old[0]!.index - b.old[0]!.index);
  for (const row of ghosts) {
    const next = staying.find((r) => r.old! > row.old[0]!.index);
    const at = next ? next.index : rows.length;
    places.set(at, [...(places.get(at) ?? []), row]);
  }
  return places;
}
