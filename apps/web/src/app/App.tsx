import { lazy, type ReactNode, Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Switch, useLocation, useRoute } from "wouter";
import { NoticeBanner } from "../account/NoticeBanner.tsx";
import { UserMenu } from "../account/UserMenu.tsx";
import { DraftsPage } from "../drafts/DraftsPage.tsx";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";
import { ProcessPage } from "../process/ProcessPage.tsx";
import { useSessionStore } from "../session/sessionStore.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { focusNextPageHeading } from "./page.tsx";

// The editor (Tiptap, Yjs) is most of the code, and the forms bring the request
// schemas (zod): each loads with its page, so the list of drafts loads without them.
const EditorPage = lazy(() => import("../editor/EditorPage.tsx").then((module) => ({ default: module.EditorPage })));
const SignInPage = lazy(() => import("../account/SignInPage.tsx").then((module) => ({ default: module.SignInPage })));
const InvitePage = lazy(() => import("../account/InvitePage.tsx").then((module) => ({ default: module.InvitePage })));
const ApplyPage = lazy(() => import("../account/ApplyPage.tsx").then((module) => ({ default: module.ApplyPage })));
const AccountPage = lazy(() =>
  import("../account/AccountPage.tsx").then((module) => ({ default: module.AccountPage })),
);
const ParticipantsPage = lazy(() =>
  import("../admin/ParticipantsPage.tsx").then((module) => ({ default: module.ParticipantsPage })),
);
const ApplicationsPage = lazy(() =>
  import("../admin/ApplicationsPage.tsx").then((module) => ({ default: module.ApplicationsPage })),
);
const RevisionsPage = lazy(() =>
  import("../revisions/RevisionsPage.tsx").then((module) => ({ default: module.RevisionsPage })),
);
const RevisionPage = lazy(() =>
  import("../revisions/RevisionPage.tsx").then((module) => ({ default: module.RevisionPage })),
);
const ComparePage = lazy(() =>
  import("../revisions/ComparePage.tsx").then((module) => ({ default: module.ComparePage })),
);
const HistoryPage = lazy(() =>
  import("../revisions/HistoryPage.tsx").then((module) => ({ default: module.HistoryPage })),
);
const ReportPage = lazy(() => import("../report/ReportPage.tsx").then((module) => ({ default: module.ReportPage })));
const MetricsPage = lazy(() => import("../report/MetricsPage.tsx").then((module) => ({ default: module.MetricsPage })));

/** The application shell: skip link, header with navigation and settings, and the routed page. */
export function App() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const [onDraftList] = useRoute("/");
  // Pages are drawn anew for each person: what they show and allow depends on who is signed in.
  const userId = useSessionStore((state) => state.session.user?.id ?? "public");
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
            <UserMenu />
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <NoticeBanner />
        <Switch key={userId}>
          <Route path="/" component={DraftsPage} />
          <Route path="/sign-in">
            <Loading>
              <SignInPage />
            </Loading>
          </Route>
          <Route path="/account">
            <Loading>
              <AccountPage />
            </Loading>
          </Route>
          <Route path="/invite/:token">
            {(params) => (
              <Loading>
                <InvitePage key={params.token} token={params.token} />
              </Loading>
            )}
          </Route>
          <Route path="/processes/:id">{(params) => <ProcessPage key={params.id} processId={params.id} />}</Route>
          <Route path="/processes/:id/apply">
            {(params) => (
              <Loading>
                <ApplyPage key={params.id} processId={params.id} />
              </Loading>
            )}
          </Route>
          <Route path="/processes/:id/participants">
            {(params) => (
              <Loading>
                <ParticipantsPage key={params.id} processId={params.id} />
              </Loading>
            )}
          </Route>
          <Route path="/processes/:id/applications">
            {(params) => (
              <Loading>
                <ApplicationsPage key={params.id} processId={params.id} />
              </Loading>
            )}
          </Route>
          <Route path="/drafts/:id/revisions">
            {(params) => (
              <Loading>
                <RevisionsPage key={params.id} draftId={params.id} />
              </Loading>
            )}
          </Route>
          <Route path="/drafts/:id/revisions/:rid">
            {(params) => (
              <Loading>
                <RevisionPage key={`${params.id}/${params.rid}`} draftId={params.id} revisionId={params.rid} />
              </Loading>
            )}
          </Route>
          <Route path="/drafts/:id/compare">
            {(params) => (
              <Loading>
                <ComparePage key={params.id} draftId={params.id} />
              </Loading>
            )}
          </Route>
          <Route path="/drafts/:id/paragraphs/:blockId/history">
            {(params) => (
              <Loading>
                <HistoryPage key={`${params.id}/${params.blockId}`} draftId={params.id} blockId={params.blockId} />
              </Loading>
            )}
          </Route>
          <Route path="/drafts/:id/report">
            {(params) => (
              <Loading>
                <ReportPage key={params.id} draftId={params.id} />
              </Loading>
            )}
          </Route>
          <Route path="/processes/:id/metrics">
            {(params) => (
              <Loading>
                <MetricsPage key={params.id} processId={params.id} />
              </Loading>
            )}
          </Route>
          <Route path="/drafts/:id">
            {(params) => (
              <Loading message={t("draft.loading")}>
                <EditorPage key={params.id} draftId={params.id} />
              </Loading>
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

/** Says the page is loading (`message`, else "Loading…") while its code arrives. */
function Loading({ children, message }: { children: ReactNode; message?: string }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="notice" role="status">
          {message ?? t("app.loading")}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
