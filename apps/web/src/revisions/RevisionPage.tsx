import type { DraftSummary, RevisionResponse, RevisionSummary } from "@plenary/protocol";
import type { NumberedBlock } from "@plenary/schema";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useResource } from "../api/useResource.ts";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { ExportMenu } from "../docx/ExportMenu.tsx";
import { formatDateTime } from "../i18n/dates.ts";
import { Loadable } from "./Loadable.tsx";
import { RevisionLinks } from "./RevisionLinks.tsx";
import { LIVE, paragraphAnchor, revisionPaths, revisionsApiPaths } from "./revisionPaths.ts";
import { useDraftResource } from "./useDraftResource.ts";
import { useGoToTarget, useTargetBlock } from "./useTargetBlock.ts";
import { previousRevision } from "./versions.ts";
import "./revisions.css";

/** One published revision, read-only: its agreed text with the numbers it was issued with. */
export function RevisionPage({ draftId, revisionId }: { draftId: string; revisionId: string }) {
  const { t } = useTranslation();
  const [resource, reload] = useDraftResource<RevisionResponse>(
    draftId,
    revisionsApiPaths.revision(draftId, revisionId),
  );
  const ready = resource.status === "ready" ? resource.value : null;
  usePageTitle(ready ? `${ready.value.name} · ${ready.draft.title}` : t("revisions.revision.loading"));
  return (
    <Loadable
      resource={resource}
      loading={t("revisions.revision.loading")}
      errorTitle={t("revisions.revision.errorTitle")}
      notFound={{ title: t("revisions.revision.notFoundTitle"), body: t("revisions.revision.notFoundBody") }}
      retry={() => void reload()}
    >
      {({ draft, value }) => <RevisionText draft={draft} revision={value} />}
    </Loadable>
  );
}

function RevisionText({ draft, revision }: { draft: DraftSummary; revision: RevisionResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  // Only for the link to the previous revision; the page reads fine without it.
  const [list] = useResource<{ revisions: RevisionSummary[] }>(revisionsApiPaths.list(draft.id));
  const previous = list.status === "ready" ? previousRevision(list.value.revisions, revision) : null;
  const target = useTargetBlock();
  useGoToTarget(target);

  return (
    <div className="page page--revision">
      <p className="context-line" dir="auto">
        {draft.title}
      </p>
      <PageHeading dir="auto">{revision.name}</PageHeading>
      <RevisionLinks draftId={draft.id} />
      <div className="export-bar">
        <ExportMenu draftId={draft.id} revision={revision.id} />
      </div>
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
        <Link href={revisionPaths.list(draft.id)} className="button button--quiet">
          {t("revisions.revision.all")}
        </Link>
        {previous && (
          <Link
            href={revisionPaths.compare(draft.id, { from: previous.id, to: revision.id })}
            className="button button--quiet"
          >
            {t("revisions.list.compareWith", { name: previous.name })}
          </Link>
        )}
        <Link href={revisionPaths.compare(draft.id, { from: revision.id, to: LIVE })} className="button button--quiet">
          {t("revisions.list.compareWithLive")}
        </Link>
      </p>
      <section className="revision-text" aria-label={t("revisions.revision.textOf", { name: revision.name })}>
        {revision.blocks.length === 0 ? (
          <p className="notice notice--empty">{t("revisions.revision.empty")}</p>
        ) : (
          revision.blocks.map((block) => (
            <RevisionBlock key={block.id} draftId={draft.id} block={block} targeted={block.id === target} />
          ))
        )}
      </section>
    </div>
  );
}

function RevisionBlock({ draftId, block, targeted }: { draftId: string; block: NumberedBlock; targeted: boolean }) {
  const { t } = useTranslation();
  if (block.kind === "section") {
    return (
      <div
        className="revision-text__block revision-text__block--section"
        id={paragraphAnchor(block.id)}
        data-targeted={targeted || undefined}
        tabIndex={-1}
      >
        <h2 className="revision-text__section" dir="auto">
          {block.text}
        </h2>
      </div>
    );
  }
  return (
    <div
      className="revision-text__block"
      id={paragraphAnchor(block.id)}
      data-kind={block.kind}
      data-targeted={targeted || undefined}
      tabIndex={-1}
    >
      <span className="revision-text__label">{block.label}</span>
      <p className="revision-text__words" dir="auto">
        {block.text}
      </p>
      <Link
        href={revisionPaths.history(draftId, block.id)}
        className="revision-text__history"
        aria-label={t("revisions.paragraph.historyOf", { label: block.label ?? t("revisions.paragraph.this") })}
      >
        {t("revisions.paragraph.history")}
      </Link>
    </div>
  );
}
