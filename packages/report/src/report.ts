import type { Party, PersonView, RegionalGroup, StakeholderGroup, VersionRef } from "@plenary/protocol";
import { csvTable } from "./csv.ts";
import { type Hemisphere, hemisphereOf } from "./south.ts";

/** What became of a proposal, as of the moment the report is about. */
export type ReportDisposition = "accepted" | "rejected" | "withdrawn" | "pending";

/** A suggestion as the report needs it: who, where, what, supported by whom, and what became of it. */
export interface ProposalFact {
  id: string;
  createdAt: string;
  party: Party;
  author: PersonView;
  /** Paragraph labels ("OP 12") at the moment of the report; null for unnumbered paragraphs. */
  labels: (string | null)[];
  kind: string;
  inserted: string;
  deleted: string;
  supporters: Party[];
  /** The final disposition with its time; "pending" has no time. */
  status: ReportDisposition;
  decidedAt: string | null;
  decidedBy: PersonView | null;
  reason: string | null;
}

/** One row of an input report. */
export interface ReportRow {
  id: string;
  createdAt: string;
  paragraphs: string;
  party: Party;
  stakeholderGroup: StakeholderGroup;
  regionalGroup: RegionalGroup | null;
  hemisphere: Hemisphere;
  author: string;
  kind: string;
  inserted: string;
  deleted: string;
  supporters: Party[];
  disposition: ReportDisposition;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** A period: proposals made after `from` (exclusive; null = from the start) up to `to` (inclusive; null = now). */
export interface Period {
  from: string | null;
  to: string | null;
}

/** The country a party's hemisphere is judged by: a Member State's own, an organisation's seat. */
function countryOf(party: Party): string | undefined {
  return party.kind === "member-state" ? party.iso : party.country;
}

/**
 * The input report of a period: every proposal made in it, with its paragraph,
 * party and groups, text, supporters, and its disposition as it stood at the
 * end of the period (a later decision reads "pending"), in the order made.
 */
export function inputReport(facts: readonly ProposalFact[], period: Period): ReportRow[] {
  return facts
    .filter(
      (fact) =>
        (period.from === null || fact.createdAt > period.from) && (period.to === null || fact.createdAt <= period.to),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((fact) => {
      const decidedInPeriod = fact.decidedAt !== null && (period.to === null || fact.decidedAt <= period.to);
      const disposition: ReportDisposition = fact.status !== "pending" && decidedInPeriod ? fact.status : "pending";
      const decided = disposition !== "pending";
      return {
        id: fact.id,
        createdAt: fact.createdAt,
        paragraphs: fact.labels.map((label) => label ?? "—").join(", "),
        party: fact.party,
        stakeholderGroup: fact.party.stakeholderGroup,
        regionalGroup: fact.party.regionalGroup ?? null,
        hemisphere: hemisphereOf(countryOf(fact.party)),
        author: fact.author.displayName,
        kind: fact.kind,
        inserted: fact.inserted,
        deleted: fact.deleted,
        supporters: fact.supporters,
        disposition,
        reason: decided ? fact.reason || null : null,
        decidedBy: decided ? (fact.decidedBy?.displayName ?? null) : null,
        decidedAt: decided ? fact.decidedAt : null,
      };
    });
}

/** Participation figures for one group of parties. */
export interface GroupFigures {
  /** Parties of the group that made or supported at least one proposal. */
  parties: number;
  /** Proposals made by parties of the group. */
  made: number;
  /** Of those, proposals that at least one other party supported. */
  supported: number;
  accepted: number;
  rejected: number;
  /** accepted ÷ (accepted + rejected); null when nothing was decided. */
  acceptanceRate: number | null;
}

/** Participation metrics, overall and broken down three ways. */
export interface Metrics {
  total: GroupFigures;
  byStakeholderGroup: Record<string, GroupFigures>;
  byRegionalGroup: Record<string, GroupFigures>;
  byHemisphere: Record<Hemisphere, GroupFigures>;
}

/**
 * Participation metrics of report rows. A party counts as taking part when it
 * made or supported a proposal in the period; acceptance rate is accepted over
 * decided (accepted + rejected), so pending and withdrawn proposals do not
 * lower it. Member States are grouped by UN regional group; rows without one
 * (organisations, groups of States) count under "none".
 */
export function participationMetrics(rows: readonly ReportRow[]): Metrics {
  const empty = (): { parties: Set<string>; made: number; supported: number; accepted: number; rejected: number } => ({
    parties: new Set(),
    made: 0,
    supported: 0,
    accepted: 0,
    rejected: 0,
  });
  const total = empty();
  const groups = {
    stakeholder: new Map<string, ReturnType<typeof empty>>(),
    regional: new Map(),
    hemisphere: new Map(),
  };
  const bucketsOf = (party: Party) => {
    const keys: [Map<string, ReturnType<typeof empty>>, string][] = [
      [groups.stakeholder, party.stakeholderGroup],
      [groups.regional, party.regionalGroup ?? "none"],
      [groups.hemisphere, hemisphereOf(countryOf(party))],
    ];
    return [total, ...keys.map(([map, key]) => map.get(key) ?? map.set(key, empty()).get(key)!)];
  };
  for (const row of rows) {
    for (const bucket of bucketsOf(row.party)) {
      bucket.parties.add(row.party.id);
      bucket.made += 1;
      if (row.supporters.length > 0) bucket.supported += 1;
      if (row.disposition === "accepted") bucket.accepted += 1;
      if (row.disposition === "rejected") bucket.rejected += 1;
    }
    for (const supporter of row.supporters) for (const bucket of bucketsOf(supporter)) bucket.parties.add(supporter.id);
  }
  const figures = (bucket: ReturnType<typeof empty>): GroupFigures => {
    const decided = bucket.accepted + bucket.rejected;
    return {
      parties: bucket.parties.size,
      made: bucket.made,
      supported: bucket.supported,
      accepted: bucket.accepted,
      rejected: bucket.rejected,
      acceptanceRate: decided === 0 ? null : bucket.accepted / decided,
    };
  };
  const record = (map: Map<string, ReturnType<typeof empty>>) =>
    Object.fromEntries(
      [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, bucket]) => [key, figures(bucket)]),
    );
  return {
    total: figures(total),
    byStakeholderGroup: record(groups.stakeholder),
    byRegionalGroup: record(groups.regional),
    byHemisphere: {
      south: figures(empty()),
      north: figures(empty()),
      unknown: figures(empty()),
      ...record(groups.hemisphere),
    },
  };
}

const CSV_COLUMNS: (keyof ReportRow)[] = [
  "id",
  "createdAt",
  "paragraphs",
  "party",
  "stakeholderGroup",
  "regionalGroup",
  "hemisphere",
  "author",
  "kind",
  "inserted",
  "deleted",
  "supporters",
  "disposition",
  "reason",
  "decidedBy",
  "decidedAt",
];

/**
 * The rows as CSV (RFC 4180: quoted fields, CRLF), with a header row; parties by name, supporters
 * separated by "; "; cells a spreadsheet would run as formulas are neutralised ({@link csvCell}).
 */
export function reportCSV(rows: readonly ReportRow[]): string {
  const cell = (value: unknown) =>
    value === null || value === undefined
      ? ""
      : Array.isArray(value)
        ? (value as Party[]).map((party) => party.name).join("; ")
        : typeof value === "object"
          ? (value as Party).name
          : String(value);
  return csvTable([CSV_COLUMNS, ...rows.map((row) => CSV_COLUMNS.map((column) => cell(row[column])))]);
}

/** `GET /api/drafts/:id/report`: the input report of a revision (or of the live draft since the last revision). */
export interface ReportResponse {
  draftId: string;
  revision: VersionRef;
  period: Period;
  rows: ReportRow[];
  metrics: Metrics;
}

/** `GET /api/processes/:id/metrics`: participation across every draft of a process, over its whole life. */
export interface ProcessMetricsResponse {
  processId: string;
  /** How many proposals the figures are computed from. */
  rows: number;
  metrics: Metrics;
}
