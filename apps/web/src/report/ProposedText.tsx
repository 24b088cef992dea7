import { useTranslation } from "react-i18next";

/**
 * The text a proposal changes, as a small inline diff: the deleted words
 * struck, the inserted ones underlined, each announced to screen readers.
 * The proposal keeps its own direction, whatever the interface's.
 */
export function ProposedText({ deleted, inserted }: { deleted: string; inserted: string }) {
  const { t } = useTranslation();
  return (
    <span className="proposed-text">
      {deleted && (
        <del>
          <span className="visually-hidden">{`${t("report.deleted")} `}</span>
          <bdi>{deleted}</bdi>
        </del>
      )}
      {deleted && inserted && " "}
      {inserted && (
        <ins>
          <span className="visually-hidden">{`${t("report.inserted")} `}</span>
          <bdi>{inserted}</bdi>
        </ins>
      )}
    </span>
  );
}
