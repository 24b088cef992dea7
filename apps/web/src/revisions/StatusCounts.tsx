import { useTranslation } from "react-i18next";
import { type RowStatus, statusShares } from "./comparison.ts";

/**
 * How many paragraphs of each status a comparison has: a bar to take in at a
 * glance (a picture only; hidden from screen readers) and the same numbers as a list.
 */
export function StatusCounts({ counts }: { counts: Readonly<Record<RowStatus, number>> }) {
  const { t } = useTranslation();
  const shares = statusShares(counts);
  if (shares.length === 0) return null;
  return (
    <div className="status-counts">
      <div className="status-bar" aria-hidden="true">
        {shares.map((share) => (
          <span
            key={share.status}
            className="status-bar__part"
            data-status={share.status}
            style={{ inlineSize: `${share.percent}%` }}
          />
        ))}
      </div>
      <ul className="status-counts__list" data-testid="compare-counts">
        {shares.map((share) => (
          <li key={share.status} className="status-counts__item" data-status={share.status}>
            <span className="status-tag__mark" aria-hidden="true" />
            {t("revisions.compare.count", { status: t(`revisions.status.${share.status}`), count: share.count })}
          </li>
        ))}
      </ul>
    </div>
  );
}
