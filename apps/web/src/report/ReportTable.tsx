import type { ReportRow } from "@plenary/report";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../i18n/dates.ts";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { ProposedText } from "./ProposedText.tsx";
import type { SortKey, SortOrder } from "./sorting.ts";

interface ReportTableProps {
  rows: readonly ReportRow[];
  sort: SortOrder;
  onSort: (key: SortKey) => void;
  labelledBy: string;
}

type Column = "made" | "paragraph" | "party" | "groups" | "text" | "supporters" | "disposition" | "decided";

/** Which columns sort, and by what. */
const SORTED_BY: Partial<Record<Column, SortKey>> = {
  made: "made",
  paragraph: "paragraph",
  party: "party",
  groups: "group",
  supporters: "supporters",
  disposition: "disposition",
  decided: "decided",
};

const COLUMNS: readonly Column[] = [
  "made",
  "paragraph",
  "party",
  "groups",
  "text",
  "supporters",
  "disposition",
  "decided",
];

/** The proposals of an input report, one per row, sortable by the buttons in the column headers. */
export function ReportTable({ rows, sort, onSort, labelledBy }: ReportTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-frame report-table-frame">
      <table className="table report-table" aria-labelledby={labelledBy} data-testid="report-rows">
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const key = SORTED_BY[column];
              const label = t(`report.column.${column}`);
              if (!key) {
                return (
                  <th key={column} scope="col" className={`report-table__${column}`}>
                    {label}
                  </th>
                );
              }
              const sorted = sort.key === key ? sort.direction : undefined;
              return (
                <th key={column} scope="col" aria-sort={sorted} className={`report-table__${column}`}>
                  <button type="button" className="sort-button" onClick={() => onSort(key)}>
                    {label}
                    <span className="sort-button__icon" aria-hidden="true">
                      {sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ReportTableRow key={row.id} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportTableRow({ row }: { row: ReportRow }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  return (
    <tr data-proposal={row.id} data-party={row.party.id} data-disposition={row.disposition}>
      <td className="report-table__made">
        <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, language)}</time>
      </td>
      <th scope="row" className="report-table__paragraph">
        {row.paragraphs}
      </th>
      <td>
        <PartyBadge party={row.party} compact />
        <span className="report-table__author" dir="auto">
          {row.author}
        </span>
      </td>
      <td>
        <ul className="report-table__groups">
          <li>{t(`parties.stakeholderGroup.${row.stakeholderGroup}`)}</li>
          {row.regionalGroup && <li>{t(`parties.regionalGroup.${row.regionalGroup}`)}</li>}
          <li>{t(`report.hemisphere.${row.hemisphere}`)}</li>
        </ul>
      </td>
      <td className="report-table__text">
        <span className="report-table__kind">{kindLabel(t, row.kind)}</span>
        <ProposedText deleted={row.deleted} inserted={row.inserted} />
      </td>
      <td>
        {row.supporters.length === 0 ? (
          <span className="report-table__none">{t("report.noSupporters")}</span>
        ) : (
          <ul className="report-table__supporters">
            {row.supporters.map((party) => (
              <li key={party.id}>
                <PartyBadge party={party} compact />
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <span className={`disposition disposition--${row.disposition}`}>
          <span className="disposition__mark" aria-hidden="true">
            {DISPOSITION_MARK[row.disposition]}
          </span>
          {t(`report.disposition.${row.disposition}`)}
        </span>
        {row.reason && (
          <p className="report-table__reason">
            {t("report.reasonLabel")} <bdi>{row.reason}</bdi>
          </p>
        )}
      </td>
      <td>
        {row.decidedAt ? (
          <>
            <span dir="auto">{row.decidedBy ?? t("report.unknownPerson")}</span>
            <br />
            <time dateTime={row.decidedAt}>{formatDateTime(row.decidedAt, language)}</time>
          </>
        ) : (
          <span className="report-table__none">{t("report.notDecided")}</span>
        )}
      </td>
    </tr>
  );
}

const DISPOSITION_MARK: Record<ReportRow["disposition"], string> = {
  accepted: "✓",
  rejected: "✗",
  withdrawn: "↩",
  pending: "…",
};

const KINDS = ["insertion", "deletion", "replacement", "new-block", "block-deletion"] as const;

function kindLabel(t: ReturnType<typeof useTranslation>["t"], kind: string): string {
  const known = KINDS.find((candidate) => candidate === kind);
  return known ? t(`report.kind.${known}`) : kind;
}
