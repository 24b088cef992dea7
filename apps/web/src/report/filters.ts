import type { Party, RegionalGroup, StakeholderGroup } from "@plenary/protocol";
import type { ReportDisposition, ReportRow } from "@plenary/report";

/** "none": proposals by parties with no UN regional group (organisations, groups of States). */
export type RegionalFilter = RegionalGroup | "none";

/** Which proposals of a report to show; null shows all. */
export interface ReportFilters {
  /** The id of the party that made the proposal. */
  party: string | null;
  stakeholderGroup: StakeholderGroup | null;
  regionalGroup: RegionalFilter | null;
  disposition: ReportDisposition | null;
}

/** No filter: every proposal. */
export const NO_FILTERS: ReportFilters = {
  party: null,
  stakeholderGroup: null,
  regionalGroup: null,
  disposition: null,
};

/** The dispositions a proposal can have, in the order the report lists them. */
export const DISPOSITIONS: readonly ReportDisposition[] = ["accepted", "rejected", "withdrawn", "pending"];

/** Whether a row passes every filter that is set. */
export function matchesFilters(row: ReportRow, filters: ReportFilters): boolean {
  if (filters.party !== null && row.party.id !== filters.party) return false;
  if (filters.stakeholderGroup !== null && row.stakeholderGroup !== filters.stakeholderGroup) return false;
  if (filters.regionalGroup !== null && (row.regionalGroup ?? "none") !== filters.regionalGroup) return false;
  if (filters.disposition !== null && row.disposition !== filters.disposition) return false;
  return true;
}

/** The rows that pass the filters, in their order. */
export function filterRows(rows: readonly ReportRow[], filters: ReportFilters): ReportRow[] {
  return rows.filter((row) => matchesFilters(row, filters));
}

/** Whether any filter is set. */
export function isFiltered(filters: ReportFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}

/** The parties that made proposals in the rows, once each, sorted by name in `locale`. */
export function proposingParties(rows: readonly ReportRow[], locale: string): Party[] {
  const parties = new Map(rows.map((row) => [row.party.id, row.party]));
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return [...parties.values()].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** How many of the rows have each disposition. */
export function countByDisposition(rows: readonly ReportRow[]): Record<ReportDisposition, number> {
  const counts: Record<ReportDisposition, number> = { accepted: 0, rejected: 0, withdrawn: 0, pending: 0 };
  for (const row of rows) counts[row.disposition] += 1;
  return counts;
}
