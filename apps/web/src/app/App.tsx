import { lazy, Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Switch, useLocation, useRoute } from "wouter";
import { DraftsPage } from "../drafts/DraftsPage.tsx";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";
import { IdentityButton } from "../presence/IdentityButton.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { focusNextPageHeading } from "./page.tsx";

// The editor (Tiptap, Yjs) is most of the code; the list of drafts loads without it.
const EditorPage = lazy(() => import("../editor/EditorPage.tsx").then((module) => ({ default: module.EditorPage })));

/** The application shell: skip link, header with navigation and settings, and the routed page. */
export function App() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const [onDraftList] = useRoute("/");
  const firstLocation = useRef(location);
  useEffect(() => {
    if (location !== firstLocation.current) focusNextPageHeading();
  }, [location]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link href="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t("app.name")}</span>
          </Link>
          <nav className="app-nav" aria-label={t("app.mainNavigation")}>
            <ul>
              <li>
                <Link href="/" className="app-nav__link" aria-current={onDraftList ? "page" : undefined}>
                  {t("nav.drafts")}
                </Link>
              </li>
            </ul>
          </nav>
          <div className="app-header__tools">
            <IdentityButton />
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Switch>
          <Route path="/" component={DraftsPage} />
          <Route path="/drafts/:id">
            {(params) => (
              <Suspense
                fallback={
                  <p className="notice" role="status">
                    {t("draft.loading")}
                  </p>
                }
              >
                <EditorPage key={params.id} draftId={params.id} />
              </Suspense>
            )}
          </Route>
          <Route>
            <NotFoundPage title={t("app.notFoundTitle")} body={t("app.notFoundBody")} />
          </Route>
        </Switch>
      </main>
    </>
  );
}
