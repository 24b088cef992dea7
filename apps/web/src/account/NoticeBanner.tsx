import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { useSessionStore } from "../session/sessionStore.ts";

/**
 * Tells a person who signs in that something happened to their account while they were away
 * (the notices themselves are on "My account"). Not shown on that page.
 */
export function NoticeBanner() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const count = useSessionStore((state) => state.session.notices.length);
  if (count === 0 || location === "/account") return null;
  return (
    <div className="notice notice--info notice-banner" data-testid="notice-banner">
      <p>
        {t("accountNotices.banner", { count })} <Link href="/account">{t("accountNotices.bannerLink")}</Link>
      </p>
    </div>
  );
}
