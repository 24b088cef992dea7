import { can, type DraftSummary, type RevisionSummary } from "@plenary/protocol";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { formatDateTime } from "../i18n/dates.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { Loadable } from "./Loadable.tsx";
import { PublishRevisionForm } from "./PublishRevisionForm.tsx";
import { RevisionLinks } from "./RevisionLinks.tsx";
import { LIVE, revisionPaths, revisionsApiPaths } from "./revisionPaths.ts";
import { useDraftResource } from "./useDraftResource.ts";
import { inOrder, previousRevision } from "./versions.ts";
import "./revisions.css";

/**
 * A draft's published revisions, newest first, open to everyone; facilitators
 * publish the next one here.
 */
export function RevisionsPage({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const [resource, reload] = useDraftResource<{ revisions: RevisionSummary[] }>(
    draftId,
    revisionsApiPaths.list(draftId),
  );
  const title = resource.status === "ready" ? resource.value.draft.title : "";
  usePageTitle(title ? `${t("revisions.list.title")} · ${title}` : t("revisions.list.title"));
  return (
    <Loadable
      resource={resource}
      loading={t("revisions.list.loading")}
      errorTitle={t("revisions.list.errorTitle")}
      notFound={{ title: t("draft.notFoundTitle"), body: t("draft.notFoundBody") }}
      retry={() => void reload()}
    >
      {({ draft, value }) => <RevisionList draft={draft} revisions={value.revisions} reload={reload} />}
    </Loadable>
  );
}

function RevisionList({
  draft,
  revisions,
  reload,
}: {
  draft: DraftSummary;
  revisions: RevisionSummary[];
  reload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((state) => state.roleIn(draft.processId));
  const language = i18n.resolvedLanguage ?? "en";
  const newestFirst = inOrder(revisions).reverse();

  return (
    <div className="page page--revisions">
      <p className="context-line" dir="auto">
        {draft.title}
      </p>
      <PageHeading>{t("revisions.list.title")}</PageHeading>
      <RevisionLinks draftId={draft.id} current="revisions" />
      <p className="lede">{t("revisions.list.intro")}</p>
      <section className="page-section" aria-labelledby="revisions-published">
        <h2 id="revisions-published">{t("revisions.list.published")}</h2>
        {newestFirst.length === 0 ? (
          <div className="notice notice--empty" data-testid="revisions-empty">
            <p>{t("revisions.list.empty")}</p>
          </div>
        ) : (
          <ol className="revision-list" data-testid="revision-list">
            {newestFirst.map((revision) => {
              const previous = previousRevision(revisions, revision);
              return (
                <li key={revision.id} className="revision-card">
                  <h3 className="revision-card__name">
                    <Link href={revisionPaths.revision(draft.id, revision.id)} dir="auto">
                      {revision.name}
                    </Link>
                  </h3>
                  <p className="revision-card__meta">
                    {t("revisions.list.publishedBy", {
                      date: formatDateTime(revision.publishedAt, language),
                      person: revision.publishedBy.displayName,
                    })}
                  </p>
                  {revision.note && (
                    <p className="revision-card__note" dir="auto">
                      {revision.note}
                    </p>
                  )}
                  <p className="revision-card__meta">{t("revisions.list.pending", { count: revision.pendingCount })}</p>
                  <p className="link-row">
                    {previous && (
                      <Link
                        href={revisionPaths.compare(draft.id, { from: previous.id, to: revision.id })}
                        className="button button--quiet"
                      >
                        {t("revisions.list.compareWith", { name: previous.name })}
                      </Link>
                    )}
                    <Link
                      href={revisionPaths.compare(draft.id, { from: revision.id, to: LIVE })}
                      className="button button--quiet"
                    >
                      {t("revisions.list.compareWithLive")}
                    </Link>
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {can(role, "revision.publish") && (
        <PublishRevisionForm draftId={draft.id} revisions={revisions} onPublished={reload} />
      )}
    </div>
  );
}
