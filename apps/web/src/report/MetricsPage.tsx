import type { ProcessResponse } from "@plenary/protocol";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { apiErrorMessage } from "../api/errorMessage.ts";
import { useResource } from "../api/useResource.ts";
import { NotFoundPage } from "../app/NotFoundPage.tsx";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { processPaths } from "../process/processPaths.ts";
import { formatCount } from "./numbers.ts";
import { ParticipationMetrics } from "./ParticipationMetrics.tsx";
import { LIVE, type ProcessMetricsResponse, reportApi, reportPaths } from "./reportApi.ts";
import { reportQueryString, revisionQuery } from "./reportQuery.ts";
import "./report.css";

/**
 * Participation in a whole process, open to everyone: who took part, from
 * which stakeholder group and region, and how much of it was taken up,
 * across all its drafts; with the way to each draft's input reports.
 */
export function MetricsPage({ processId }: { processId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const [process] = useResource<ProcessResponse>(reportApi.process(processId));
  const [metrics, reload] = useResource<ProcessMetricsResponse>(reportApi.processMetrics(processId));
  const title = process.status === "ready" ? process.value.process.title : "";
  const heading = t("report.metrics.processTitle");
  usePageTitle(title ? `${heading} · ${title}` : heading);

  if (metrics.status === "error" && metrics.error.status === 404) {
    return <NotFoundPage title={t("process.notFoundTitle")} body={t("process.notFoundBody")} />;
  }
  return (
    <div className="page report-page metrics-page">
      {title && (
        <p className="context-line report-page__context">
          {t("process.inProcess")}{" "}
          <Link href={processPaths.page(processId)} dir="auto">
            {title}
          </Link>
        </p>
      )}
      <PageHeading>{heading}</PageHeading>
      <p className="lede">{t("report.metrics.processIntro")}</p>
      {metrics.status === "loading" && (
        <p className="notice" role="status">
          {t("report.metrics.loading")}
        </p>
      )}
      {metrics.status === "error" && (
        <div className="notice notice--error" role="alert">
          <p>{apiErrorMessage(t, metrics.error)}</p>
          <button type="button" className="button" onClick={() => void reload()}>
            {t("report.retry")}
          </button>
        </div>
      )}
      {metrics.status === "ready" && (
        <ParticipationMetrics
          metrics={metrics.value.metrics}
          idPrefix="process"
          scope={t("report.metrics.processScope", { total: formatCount(metrics.value.rows, language) })}
        />
      )}
      {process.status === "ready" && process.value.drafts.length > 0 && (
        <section className="page-section report-page__drafts" aria-labelledby="metrics-reports">
          <h2 id="metrics-reports">{t("report.metrics.reports")}</h2>
          <ul className="report-page__draft-links">
            {process.value.drafts.map((draft) => (
              <li key={draft.id}>
                <Link href={reportPaths.report(draft.id, reportQueryString(revisionQuery(LIVE)))} dir="auto">
                  {t("report.metrics.reportOf", { draft: draft.title })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
