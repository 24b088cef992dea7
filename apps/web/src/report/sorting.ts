import { REGIONAL_GROUPS, STAKEHOLDER_GROUPS } from "@plenary/protocol";
import type { ReportRow } from "@plenary/report";
import { DISPOSITIONS } from "./filters.ts";

/** The columns a report can be sorted by; "made" is the order the proposals were made in. */
export type SortKey = "made" | "paragraph" | "party" | "group" | "supporters" | "disposition" | "decided";

/** The sortable columns. */
export const SORT_KEYS: readonly SortKey[] = [
  "made",
  "paragraph",
  "party",
  "group",
  "supporters",
  "disposition",
  "decided",
];

/** A column and a direction, named as `aria-sort` names them. */
export interface SortOrder {
  key: SortKey;
  direction: "ascending" | "descending";
}

/** The order of a report as the server sends it: the order the proposals were made in. */
export const MADE_ORDER: SortOrder = { key: "made", direction: "ascending" };

/** The order after activating a column's sort button: that column ascending, or reversed if it was sorted already. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: "ascending" };
  return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

const KIND_RANK: Record<string, number> = { PP: 0, OP: 1 };
const STAKEHOLDER_RANK = Object.keys(STAKEHOLDER_GROUPS);
const REGIONAL_RANK = Object.keys(REGIONAL_GROUPS);

/**
 * Where a proposal's first paragraph stands in a document: preambular before
 * operative paragraphs, then by number; unnumbered paragraphs ("—") last.
 */
export function paragraphKey(paragraphs: string): [number, number, string] {
  const first = paragraphs.split(",")[0]?.trim() ?? "";
  const match = /^([A-Z]+)\s*(\d+)(.*)$/.exec(first);
  if (!match) return [3, 0, first];
  return [KIND_RANK[match[1]!] ?? 2, Number(match[2]), match[3]!.trim()];
}

type Compare = (a: ReportRow, b: ReportRow) => number;

const byKey = (a: readonly (number | string)[], b: readonly (number | string)[]): number => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

const rank = (list: readonly string[], value: string | null) => (value === null ? list.length : list.indexOf(value));

function comparer(key: Exclude<SortKey, "made" | "decided">, collator: Intl.Collator): Compare {
  switch (key) {
    case "paragraph":
      return (a, b) => byKey(paragraphKey(a.paragraphs), paragraphKey(b.paragraphs));
    case "party":
      return (a, b) => collator.compare(a.party.name, b.party.name);
    case "group":
      return (a, b) =>
        byKey(
          [rank(STAKEHOLDER_RANK, a.stakeholderGroup), rank(REGIONAL_RANK, a.regionalGroup)],
          [rank(STAKEHOLDER_RANK, b.stakeholderGroup), rank(REGIONAL_RANK, b.regionalGroup)],
        );
    case "supporters":
      return (a, b) => a.supporters.length - b.supporters.length;
    case "disposition":
      return (a, b) => DISPOSITIONS.indexOf(a.disposition) - DISPOSITIONS.indexOf(b.disposition);
  }
}

const madeOrder: Compare = (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * The rows in `order`; ties keep the order the proposals were made in.
 * Groups and dispositions sort in their fixed order (governments first;
 * accepted, rejected, withdrawn, pending), names by `locale`; proposals not
 * yet decided come after the decided ones whichever the direction.
 */
export function sortRows(rows: readonly ReportRow[], order: SortOrder, locale: string): ReportRow[] {
  const sign = order.direction === "ascending" ? 1 : -1;
  if (order.key === "made") return [...rows].sort((a, b) => sign * madeOrder(a, b));
  if (order.key === "decided") {
    return [...rows].sort((a, b) => {
      if (a.decidedAt === null || b.decidedAt === null) {
        return (a.decidedAt === null ? 1 : 0) - (b.decidedAt === null ? 1 : 0) || madeOrder(a, b);
      }
      return sign * a.decidedAt.localeCompare(b.decidedAt) || madeOrder(a, b);
    });
  }
  const compare = comparer(order.key, new Intl.Collator(locale, { sensitivity: "base", numeric: true }));
  return [...rows].sort((a, b) => sign * compare(a, b) || madeOrder(a, b));
}
