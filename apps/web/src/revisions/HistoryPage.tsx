import type { DraftSummary, HistoryEntry, HistoryResponse } from "@plenary/protocol";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { formatDateTime } from "../i18n/dates.ts";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { Loadable } from "./Loadable.tsx";
import { RevisionLinks } from "./RevisionLinks.tsx";
import { paragraphAnchor, revisionPaths, revisionsApiPaths } from "./revisionPaths.ts";
import { useDraftResource } from "./useDraftResource.ts";
import { WordChanges } from "./WordChanges.tsx";
import { hasChanges } from "./wordPieces.ts";
import "./revisions.css";

/**
 * The history of one paragraph, open to everyone: its wording in each
 * revision, and each decision on a proposal that touched it (whose proposal,
 * who supported it, who decided, why, and the wording after it), oldest first.
 */
export function HistoryPage({ draftId, blockId }: { draftId: string; blockId: string }) {
  const { t } = useTranslation();
  const [resource, reload] = useDraftResource<HistoryResponse>(draftId, revisionsApiPaths.history(draftId, blockId));
  const ready = resource.status === "ready" ? resource.value : null;
  const heading = ready ? historyHeading(t, ready.value) : t("revisions.history.titleAny");
  usePageTitle(ready ? `${heading} · ${ready.draft.title}` : heading);
  return (
    <Loadable
      resource={resource}
      loading={t("revisions.history.loading")}
      errorTitle={t("revisions.history.errorTitle")}
      notFound={{ title: t("draft.notFoundTitle"), body: t("draft.notFoundBody") }}
      retry={() => void reload()}
    >
      {({ draft, value }) => <Timeline draft={draft} history={value} heading={heading} />}
    </Loadable>
  );
}

type Translate = ReturnType<typeof useTranslation>["t"];

function historyHeading(t: Translate, history: HistoryResponse): string {
  const label = history.current?.label ?? lastLabel(history.entries);
  return label ? t("revisions.history.title", { label }) : t("revisions.history.titleAny");
}

/** The number the paragraph had when last seen in a revision, for a paragraph no longer in the text. */
function lastLabel(entries: readonly HistoryEntry[]): string | null {
  for (const entry of [...entries].reverse()) {
    if (entry.type === "revision" && entry.label) return entry.label;
  }
  return null;
}

function Timeline({ draft, history, heading }: { draft: DraftSummary; history: HistoryResponse; heading: string }) {
  const { t } = useTranslation();
  const firstWording = history.entries.findIndex((entry) => entry.text !== null);
  return (
    <div className="page page--history">
      <p className="context-line" dir="auto">
        {draft.title}
      </p>
      <PageHeading>{heading}</PageHeading>
      <RevisionLinks draftId={draft.id} />
      <p className="lede">{t("revisions.history.intro")}</p>
      <section className="history-now" aria-labelledby="history-now">
        <h2 id="history-now">{t("revisions.history.now")}</h2>
        {history.current ? (
          <>
            {history.current.label && <p className="history-now__label">{history.current.label}</p>}
            <p className="history-now__words" dir="auto">
              {history.current.text}
            </p>
          </>
        ) : (
          <p className="notice notice--empty">{t("revisions.history.gone")}</p>
        )}
      </section>
      <section className="page-section" aria-labelledby="history-timeline">
        <h2 id="history-timeline">{t("revisions.history.timeline")}</h2>
        {history.entries.length === 0 ? (
          <p className="notice notice--empty">{t("revisions.history.empty")}</p>
        ) : (
          <ol className="timeline" data-testid="history-timeline">
            {history.entries.map((entry, index) =>
              entry.type === "revision" ? (
                <RevisionEntry
                  key={`r-${entry.revision.id}`}
                  draftId={draft.id}
                  blockId={history.blockId}
                  entry={entry}
                  first={index === firstWording}
                />
              ) : (
                <DecisionEntry key={`d-${entry.suggestionId}`} entry={entry} first={index === firstWording} />
              ),
            )}
          </ol>
        )}
      </section>
    </div>
  );
}

function RevisionEntry({
  draftId,
  blockId,
  entry,
  first,
}: {
  draftId: string;
  blockId: string;
  entry: Extract<HistoryEntry, { type: "revision" }>;
  first: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li className="timeline__entry timeline__entry--revision" data-testid="history-revision">
      <span className="timeline__marker" aria-hidden="true" />
      <h3 className="timeline__title">
        <Link href={`${revisionPaths.revision(draftId, entry.revision.id)}#${paragraphAnchor(blockId)}`} dir="auto">
          {entry.revision.name}
        </Link>
        {entry.label && <span className="timeline__label">{t("revisions.history.as", { label: entry.label })}</span>}
      </h3>
      <p className="timeline__meta">{entry.at && formatDateTime(entry.at, i18n.resolvedLanguage ?? "en")}</p>
      {entry.text === null ? (
        <p className="timeline__absent">{t("revisions.history.notInRevision")}</p>
      ) : (
        <Wording changes={entry.changes} first={first} />
      )}
    </li>
  );
}

function DecisionEntry({ entry, first }: { entry: Extract<HistoryEntry, { type: "decision" }>; first: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  return (
    <li className="timeline__entry timeline__entry--decision" data-status={entry.status} data-testid="history-decision">
      <span className="timeline__marker" aria-hidden="true" />
      <h3 className="timeline__title">
        <span className="decision-tag" data-status={entry.status}>
          {t(`revisions.history.status.${entry.status}`)}
        </span>
        <span>{t("revisions.history.proposalOf", { name: entry.party.name })}</span>
      </h3>
      <p className="timeline__meta">{formatDateTime(entry.at, language)}</p>
      <dl className="facts timeline__facts">
        <dt>{t("revisions.history.proposedBy")}</dt>
        <dd>
          <PartyBadge party={entry.party} /> <span dir="auto">{entry.author.displayName}</span>
        </dd>
        <dt>{t("revisions.history.supportedBy")}</dt>
        <dd>
          {entry.supporters.length === 0 ? (
            t("revisions.history.noSupporters")
          ) : (
            <ul className="badge-list">
              {entry.supporters.map((party) => (
                <li key={party.id}>
                  <PartyBadge party={party} compact />
                </li>
              ))}
            </ul>
          )}
        </dd>
        {entry.deleted && (
          <>
            <dt>{t("revisions.history.proposedDelete")}</dt>
            <dd className="timeline__quote" dir="auto">
              <del className="redline-del">{entry.deleted}</del>
            </dd>
          </>
        )}
        {entry.inserted && (
          <>
            <dt>{t("revisions.history.proposedInsert")}</dt>
            <dd className="timeline__quote" dir="auto">
              <ins className="redline-ins">{entry.inserted}</ins>
            </dd>
          </>
        )}
        <dt>{t("revisions.history.decidedBy")}</dt>
        <dd dir="auto">{entry.decidedBy?.displayName ?? t("revisions.history.decidedByAuthor")}</dd>
        <dt>{t("revisions.history.reason")}</dt>
        <dd className="timeline__reason" dir="auto">
          {entry.reason ?? t("revisions.history.noReason")}
        </dd>
      </dl>
      {entry.text !== null && (
        <>
          <h4 className="timeline__subtitle">{t("revisions.history.after")}</h4>
          <Wording changes={entry.changes} first={first} />
        </>
      )}
    </li>
  );
}

/** A wording with its changes from the one before (the first wording has nothing to compare with). */
function Wording({ changes, first }: { changes: HistoryEntry["changes"]; first: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="timeline__words" dir="auto">
        <WordChanges pieces={changes.filter((change) => change.text !== "")} />
      </p>
      {!first && !hasChanges(changes) && <p className="timeline__unchanged">{t("revisions.history.sameWording")}</p>}
    </>
  );
}
