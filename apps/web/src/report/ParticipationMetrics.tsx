import type { GroupFigures, Metrics } from "@plenary/report";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { BREAKDOWNS, type Breakdown, type BreakdownRow, breakdownColour, breakdownRows } from "./breakdowns.ts";
import { formatCount, formatRate } from "./numbers.ts";

// The chart library is the larger part of the page's code: the tables, which hold the same figures, come first.
const ParticipationChart = lazy(() =>
  import("./ParticipationChart.tsx").then((module) => ({ default: module.ParticipationChart })),
);

interface ParticipationMetricsProps {
  metrics: Metrics;
  /** Prefixes the ids of the section's headings and charts. */
  idPrefix: string;
  /** A sentence saying what the figures cover. */
  scope: string;
}

/**
 * Who took part and with what effect: the totals, then a chart and a table
 * per stakeholder group, UN regional group and Global South / North, with
 * how each figure is computed said in plain words.
 */
export function ParticipationMetrics({ metrics, idPrefix, scope }: ParticipationMetricsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const headingId = `${idPrefix}-participation`;
  return (
    <section className="page-section participation" aria-labelledby={headingId} data-testid="participation">
      <h2 id={headingId}>{t("report.metrics.title")}</h2>
      <p>{scope}</p>
      <Totals figures={metrics.total} language={language} />
      <Definitions idPrefix={idPrefix} />
      {BREAKDOWNS.map((breakdown) => (
        <BreakdownSection
          key={breakdown}
          breakdown={breakdown}
          rows={breakdownRows(metrics, breakdown)}
          idPrefix={idPrefix}
        />
      ))}
    </section>
  );
}

function Totals({ figures, language }: { figures: GroupFigures; language: string }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t("report.metrics.parties"), formatCount(figures.parties, language)],
    [t("report.metrics.made"), formatCount(figures.made, language)],
    [t("report.metrics.supported"), formatCount(figures.supported, language)],
    [t("report.metrics.accepted"), formatCount(figures.accepted, language)],
    [t("report.metrics.rejected"), formatCount(figures.rejected, language)],
    [t("report.metrics.rate"), formatRate(figures.acceptanceRate, language)],
  ];
  return (
    <dl className="participation__totals" data-testid="participation-totals">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Definitions({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const id = `${idPrefix}-definitions`;
  const terms = ["parties", "made", "supported", "decided", "rate", "region", "south"] as const;
  return (
    <section className="participation__definitions" aria-labelledby={id}>
      <h3 id={id}>{t("report.metrics.definitionsTitle")}</h3>
      <dl>
        {terms.map((term) => (
          <div key={term}>
            <dt>{t(`report.metrics.definition.${term}.term`)}</dt>
            <dd>{t(`report.metrics.definition.${term}.text`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function BreakdownSection({
  breakdown,
  rows,
  idPrefix,
}: {
  breakdown: Breakdown;
  rows: BreakdownRow[];
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const id = `${idPrefix}-${breakdown}`;
  const groupName = (key: string) => groupLabel(t, breakdown, key);
  const groups = rows.map((row) => ({
    key: row.key,
    label: groupName(row.key),
    colour: breakdownColour(breakdown, row.key),
    made: row.figures.made,
    supported: row.figures.supported,
    accepted: row.figures.accepted,
  }));
  return (
    <section className="participation__breakdown" aria-labelledby={id} data-testid={`breakdown-${breakdown}`}>
      <h3 id={id}>{t(`report.metrics.breakdown.${breakdown}`)}</h3>
      <figure className="participation-chart" aria-labelledby={`${id}-caption`} data-testid={`chart-${breakdown}`}>
        <figcaption id={`${id}-caption`}>{t(`report.metrics.chart.${breakdown}`)}</figcaption>
        <div aria-hidden="true">
          <Suspense fallback={<p className="participation-chart__loading">{t("report.metrics.chartLoading")}</p>}>
            <ParticipationChart
              id={id}
              groups={groups}
              rtl={i18n.dir(language) === "rtl"}
              format={(value) => formatCount(value, language)}
              labels={{
                made: t("report.metrics.made"),
                supported: t("report.metrics.supported"),
                accepted: t("report.metrics.accepted"),
              }}
            />
          </Suspense>
        </div>
      </figure>
      <div className="table-frame">
        <table className="table participation__table" aria-labelledby={id} data-testid={`table-${breakdown}`}>
          <thead>
            <tr>
              <th scope="col">{t("report.metrics.group")}</th>
              <th scope="col">{t("report.metrics.parties")}</th>
              <th scope="col">{t("report.metrics.made")}</th>
              <th scope="col">{t("report.metrics.supported")}</th>
              <th scope="col">{t("report.metrics.accepted")}</th>
              <th scope="col">{t("report.metrics.rejected")}</th>
              <th scope="col">{t("report.metrics.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, figures }) => (
              <tr key={key} data-group={key}>
                <th scope="row">{groupName(key)}</th>
                <td>{formatCount(figures.parties, language)}</td>
                <td>{formatCount(figures.made, language)}</td>
                <td>{formatCount(figures.supported, language)}</td>
                <td>{formatCount(figures.accepted, language)}</td>
                <td>{formatCount(figures.rejected, language)}</td>
                <td>{formatRate(figures.acceptanceRate, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type T = ReturnType<typeof useTranslation>["t"];

function groupLabel(t: T, breakdown: Breakdown, key: string): string {
  switch (breakdown) {
    case "stakeholderGroup":
      return t(`parties.stakeholderGroup.${key as "government"}`, { defaultValue: key });
    case "regionalGroup":
      return key === "none"
        ? t("report.noRegion")
        : t(`parties.regionalGroup.${key as "african"}`, { defaultValue: key });
    case "hemisphere":
      return t(`report.hemisphere.${key as "south"}`, { defaultValue: key });
  }
}
