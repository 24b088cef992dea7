import { type DraftListResponse, ErrorCode } from "@plenary/protocol";
import type { ReportRow } from "@plenary/report";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";
import { apiErrorMessage } from "../api/errorMessage.ts";
import { useResource } from "../api/useResource.ts";
import { NotFoundPage } from "../app/NotFoundPage.tsx";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { formatDateTime } from "../i18n/dates.ts";
import { countByDisposition, filterRows, isFiltered, proposingParties, type ReportFilters } from "./filters.ts";
import { ParticipationMetrics } from "./ParticipationMetrics.tsx";
import { ReportFiltersForm } from "./ReportFiltersForm.tsx";
import { ReportTable } from "./ReportTable.tsx";
import { LIVE, type ReportResponse, type RevisionsResponse, reportApi, reportPaths } from "./reportApi.ts";
import { parseReportQuery, type ReportQuery, reportQueryString, revisionQuery } from "./reportQuery.ts";
import { nextSort, type SortKey, sortRows } from "./sorting.ts";
import "./report.css";

/**
 * The input report of a draft's revision, open to everyone: every proposal
 * made for it, its party and groups, its text, its supporters and what became
 * of it and why; filterable, sortable, printable, downloadable; and the
 * participation figures of the same proposals.
 */
export function ReportPage({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseReportQuery(search), [search]);
  const [drafts] = useResource<DraftListResponse>(reportApi.drafts());
  const [revisions] = useResource<RevisionsResponse>(reportApi.revisions(draftId));
  const [report, reload] = useResource<ReportResponse>(reportApi.report(draftId, query.revision));

  const draft =
    drafts.status === "ready" ? drafts.value.drafts.find((candidate) => candidate.id === draftId) : undefined;
  const revisionName =
    query.revision === LIVE
      ? t("report.liveName")
      : revisions.status === "ready"
        ? (revisions.value.revisions.find((revision) => revision.id === query.revision)?.name ?? query.revision)
        : report.status === "ready"
          ? report.value.revision.name
          : "";
  const heading = t("report.title", { revision: revisionName });
  usePageTitle(draft ? `${heading} · ${draft.title}` : heading);

  const show = (next: ReportQuery, options: { replace: boolean }) =>
    navigate(reportPaths.report(draftId, reportQueryString(next)), options);

  if (report.status === "error" && report.error.code === ErrorCode.DraftNotFound) {
    return <NotFoundPage title={t("draft.notFoundTitle")} body={t("draft.notFoundBody")} />;
  }

  return (
    <div className="page report-page">
      {draft && (
        <p className="context-line report-page__context">
          {t("report.draft")}{" "}
          <Link href={`/drafts/${encodeURIComponent(draftId)}`} dir="auto">
            {draft.title}
          </Link>
          <span className="report-page__context-more">
            {" · "}
            <Link href={reportPaths.metrics(draft.processId)}>{t("report.processMetrics")}</Link>
          </span>
        </p>
      )}
      <PageHeading>{heading}</PageHeading>
      <p className="lede">{t("report.intro")}</p>
      <RevisionChoice
        revision={query.revision}
        revisions={revisions.status === "ready" ? revisions.value : null}
        onChoose={(revision) => show(revisionQuery(revision), { replace: false })}
      />
      {report.status === "loading" && (
        <p className="notice" role="status">
          {t("report.loading")}
        </p>
      )}
      {report.status === "error" && (
        <div className="notice notice--error" role="alert">
          <p>{report.error.status === 404 ? t("report.notFound") : apiErrorMessage(t, report.error)}</p>
          {report.error.status !== 404 && (
            <button type="button" className="button" onClick={() => void reload()}>
              {t("report.retry")}
            </button>
          )}
        </div>
      )}
      {report.status === "ready" && (
        <ReportBody
          draftId={draftId}
          report={report.value}
          query={query}
          busy={report.value.revision.id !== query.revision}
          onQuery={(next) => show(next, { replace: true })}
        />
      )}
    </div>
  );
}

interface RevisionChoiceProps {
  revision: string;
  revisions: RevisionsResponse | null;
  onChoose: (revision: string) => void;
}

/** The select of the revision whose report is shown; the live text comes last, as the newest. */
function RevisionChoice({ revision, revisions, onChoose }: RevisionChoiceProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const list = revisions?.revisions ?? [];
  const known = revision === LIVE || list.some((candidate) => candidate.id === revision);
  return (
    <div className="field report-revision">
      <label htmlFor="report-revision" className="field__label">
        {t("report.revision")}
      </label>
      <select
        id="report-revision"
        className="field__input"
        value={revision}
        onChange={(event) => onChoose(event.target.value)}
        aria-busy={revisions === null}
      >
        {list.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {t("report.revisionOption", {
              name: candidate.name,
              date: formatDateTime(candidate.publishedAt, language),
            })}
          </option>
        ))}
        {!known && <option value={revision}>{revision}</option>}
        <option value={LIVE}>{t("report.live")}</option>
      </select>
    </div>
  );
}

interface ReportBodyProps {
  draftId: string;
  report: ReportResponse;
  query: ReportQuery;
  /** The report on screen is of another revision than the one chosen, whose report is on its way. */
  busy: boolean;
  onQuery: (query: ReportQuery) => void;
}

function ReportBody({ draftId, report, query, busy, onQuery }: ReportBodyProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const { rows } = report;
  const parties = useMemo(() => proposingParties(rows, language), [rows, language]);
  const shown = useMemo(
    () => sortRows(filterRows(rows, query.filters), query.sort, language),
    [rows, query.filters, query.sort, language],
  );
  const counts = countByDisposition(rows);
  const setFilters = (filters: ReportFilters) => onQuery({ ...query, filters });
  const sortBy = (key: SortKey) => onQuery({ ...query, sort: nextSort(query.sort, key) });

  return (
    <div className="report-page__body" aria-busy={busy}>
      <p className="report-page__period">{periodSentence(t, report, language)}</p>
      <ul className="report-page__actions link-row">
        <li>
          <a className="button" href={reportApi.csv(draftId, report.revision.id)} download>
            {t("report.downloadCsv")}
          </a>
        </li>
        <li>
          <a className="button" href={reportApi.json(draftId, report.revision.id)} download>
            {t("report.downloadJson")}
          </a>
        </li>
        <li>
          <button type="button" className="button" onClick={() => window.print()}>
            {t("report.print")}
          </button>
        </li>
      </ul>
      <section className="page-section" aria-labelledby="report-proposals">
        <h2 id="report-proposals">{t("report.proposals")}</h2>
        {rows.length === 0 ? (
          <p className="notice notice--empty" data-testid="report-empty">
            {t("report.empty")}
          </p>
        ) : (
          <>
            <p>{t("report.summary", { total: rows.length, ...counts })}</p>
            <ReportFiltersForm filters={query.filters} parties={parties} onChange={setFilters} />
            <p className="report-page__shown" role="status" data-testid="report-shown">
              {isFiltered(query.filters)
                ? t("report.shown", { shown: shown.length, total: rows.length })
                : t("report.shownAll", { total: rows.length })}
            </p>
            {isFiltered(query.filters) && (
              <p className="report-page__print-filters">{activeFilters(t, query.filters, parties)}</p>
            )}
            {shown.length === 0 ? (
              <p className="notice notice--empty">{t("report.noMatch")}</p>
            ) : (
              <ReportTable rows={shown} sort={query.sort} onSort={sortBy} labelledBy="report-proposals" />
            )}
          </>
        )}
      </section>
      <ParticipationMetrics metrics={report.metrics} idPrefix="report" scope={t("report.metrics.reportScope")} />
    </div>
  );
}

type T = ReturnType<typeof useTranslation>["t"];

/** What period the report covers, and as of when the dispositions are given. */
function periodSentence(t: T, report: ReportResponse, language: string): string {
  const { from, to } = report.period;
  const revision = report.revision.name;
  const date = (iso: string) => formatDateTime(iso, language);
  if (from && to) return t("report.period.between", { from: date(from), to: date(to), revision });
  if (to) return t("report.period.upTo", { to: date(to), revision });
  if (from) return t("report.period.since", { from: date(from) });
  return t("report.period.all");
}

/** The filters in force, in words: printed above the table, where the form is not. */
function activeFilters(t: T, filters: ReportFilters, parties: readonly ReportRow["party"][]): string {
  const words: string[] = [];
  if (filters.party) words.push(parties.find((party) => party.id === filters.party)?.name ?? filters.party);
  if (filters.stakeholderGroup) words.push(t(`parties.stakeholderGroup.${filters.stakeholderGroup}`));
  if (filters.regionalGroup) {
    words.push(
      filters.regionalGroup === "none" ? t("report.noRegion") : t(`parties.regionalGroup.${filters.regionalGroup}`),
    );
  }
  if (filters.disposition) words.push(t(`report.disposition.${filters.disposition}`));
  return t("report.filters.active", { filters: words.join("; ") });
}
