import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { revisionPaths } from "./revisionPaths.ts";
import "./revision-links.css";

/** Which of a draft's pages is showing, if one of those the links lead to. */
export type DraftView = "text" | "revisions" | "compare";

/**
 * The ways between a draft's live text, its revisions and the comparison of
 * its versions: on the draft's page and on each page about its versions.
 */
export function RevisionLinks({ draftId, current }: { draftId: string; current?: DraftView }) {
  const { t } = useTranslation();
  const links: { view: DraftView; href: string; label: string }[] = [
    { view: "text", href: revisionPaths.draft(draftId), label: t("revisions.nav.text") },
    { view: "revisions", href: revisionPaths.list(draftId), label: t("revisions.nav.revisions") },
    { view: "compare", href: revisionPaths.compare(draftId), label: t("revisions.nav.compare") },
  ];
  return (
    <nav className="revision-links" aria-label={t("revisions.nav.label")}>
      <ul>
        {links.map((link) => (
          <li key={link.view}>
            <Link
              href={link.href}
              className="revision-links__link"
              aria-current={link.view === current ? "page" : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
