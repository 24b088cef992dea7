import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { PageHeading, usePageTitle } from "./page.tsx";

/** Shown for an address that is no page of the app, and for a draft that does not exist. */
export function NotFoundPage({ title, body }: { title?: string; body?: string }) {
  const { t } = useTranslation();
  const heading = title ?? t("draft.notFoundTitle");
  usePageTitle(heading);
  return (
    <div className="page page--not-found" data-testid="not-found">
      <PageHeading>{heading}</PageHeading>
      <p className="lede">{body ?? t("draft.notFoundBody")}</p>
      <p>
        <Link href="/" className="button">
          {t("draft.backToList")}
        </Link>
      </p>
    </div>
  );
}
