import { REGIONAL_GROUPS, STAKEHOLDER_GROUPS, type StakeholderGroup } from "@plenary/protocol";
import type { ReportDisposition } from "@plenary/report";
import { DISPOSITIONS, NO_FILTERS, type RegionalFilter, type ReportFilters } from "./filters.ts";
import { LIVE } from "./reportApi.ts";
import { MADE_ORDER, SORT_KEYS, type SortOrder } from "./sorting.ts";

/** What a report page shows, as its address says it: so a filtered, sorted report can be shared and reloaded. */
export interface ReportQuery {
  revision: string;
  filters: ReportFilters;
  sort: SortOrder;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

const REGIONAL_FILTERS: readonly RegionalFilter[] = [...(Object.keys(REGIONAL_GROUPS) as RegionalFilter[]), "none"];

/**
 * Reads a report page's query string ("revision=r1&group=civil-society&sort=party").
 * Unknown values are ignored rather than refused: an old or mistyped link
 * still opens the report, unfiltered.
 */
export function parseReportQuery(search: string): ReportQuery {
  const params = new URLSearchParams(search);
  const key = oneOf(SORT_KEYS, params.get("sort"));
  return {
    revision: params.get("revision") || LIVE,
    filters: {
      party: params.get("party") || null,
      stakeholderGroup: oneOf(Object.keys(STAKEHOLDER_GROUPS) as StakeholderGroup[], params.get("group")),
      regionalGroup: oneOf(REGIONAL_FILTERS, params.get("region")),
      disposition: oneOf<ReportDisposition>(DISPOSITIONS, params.get("disposition")),
    },
    sort: key ? { key, direction: params.get("order") === "descending" ? "descending" : "ascending" } : MADE_ORDER,
  };
}

/** The query string of a report page (without "?"), leaving out what is the default. */
export function reportQueryString(query: ReportQuery): string {
  const params = new URLSearchParams();
  params.set("revision", query.revision);
  const { party, stakeholderGroup, regionalGroup, disposition } = query.filters;
  if (party) params.set("party", party);
  if (stakeholderGroup) params.set("group", stakeholderGroup);
  if (regionalGroup) params.set("region", regionalGroup);
  if (disposition) params.set("disposition", disposition);
  if (query.sort.key !== MADE_ORDER.key || query.sort.direction !== MADE_ORDER.direction) {
    params.set("sort", query.sort.key);
    params.set("order", query.sort.direction);
  }
  return params.toString();
}

/** The query of a report of `revision`, unfiltered, in the order made. */
export function revisionQuery(revision: string): ReportQuery {
  return { revision, filters: NO_FILTERS, sort: MADE_ORDER };
}
