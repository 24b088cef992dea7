import { useTranslation } from "react-i18next";
import type { RowStatus } from "./comparison.ts";

/** A comparison row's status as a word in a tag; the tag's colour and mark only repeat what the word says. */
export function StatusTag({ status }: { status: RowStatus }) {
  const { t } = useTranslation();
  return (
    <span className="status-tag" data-status={status}>
      <span className="status-tag__mark" aria-hidden="true" />
      {t(`revisions.status.${status}`)}
    </span>
  );
}
