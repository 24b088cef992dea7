import type { CompareResponse, DraftSummary, RevisionSummary, VersionRef } from "@plenary/protocol";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";
import { useResource } from "../api/useResource.ts";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { CompareDocxLink } from "../docx/ExportMenu.tsx";
import { CompareRow } from "./CompareRow.tsx";
import { rowBlock, visibleRows } from "./comparison.ts";
import { Loadable } from "./Loadable.tsx";
import { RevisionLinks } from "./RevisionLinks.tsx";
import { LIVE, revisionPaths, revisionsApiPaths, type VersionPair, versionsOfQuery } from "./revisionPaths.ts";
import { StatusCounts } from "./StatusCounts.tsx";
import { useDraftResource } from "./useDraftResource.ts";
import { useGoToTarget, useTargetBlock } from "./useTargetBlock.ts";
import { defaultVersions, inOrder } from "./versions.ts";
import "./revisions.css";

/**
 * Two versions of a draft side by side, paragraph by paragraph, open to
 * everyone. The address says which (`?from=…&to=…`, a revision id or "live")
 * and may point at one paragraph (`#p-<block id>`); without versions, the last
 * two revisions are compared.
 */
export function ComparePage({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const search = useSearch();
  const [resource, reload] = useDraftResource<{ revisions: RevisionSummary[] }>(
    draftId,
    revisionsApiPaths.list(draftId),
  );
  const title = resource.status === "ready" ? resource.value.draft.title : "";
  usePageTitle(title ? `${t("revisions.compare.title")} · ${title}` : t("revisions.compare.title"));
  return (
    <Loadable
      resource={resource}
      loading={t("revisions.compare.loading")}
      errorTitle={t("revisions.compare.errorTitle")}
      notFound={{ title: t("draft.notFoundTitle"), body: t("draft.notFoundBody") }}
      retry={() => void reload()}
    >
      {({ draft, value }) => {
        const versions = versionsOfQuery(search) ?? defaultVersions(value.revisions);
        return (
          <div className="page page--compare">
            <p className="context-line" dir="auto">
              {draft.title}
            </p>
            <PageHeading>{t("revisions.compare.title")}</PageHeading>
            <RevisionLinks draftId={draft.id} current="compare" />
            {versions === null ? (
              <div className="notice notice--empty" data-testid="compare-empty">
                <p>{t("revisions.compare.noRevisions")}</p>
                <p>
                  <Link href={revisionPaths.list(draft.id)}>{t("revisions.compare.toRevisions")}</Link>
                </p>
              </div>
            ) : (
              <>
                <VersionPicker
                  key={`${versions.from} ${versions.to}`}
                  draftId={draft.id}
                  revisions={value.revisions}
                  versions={versions}
                />
                <Comparison key={`${versions.from} ${versions.to}`} draft={draft} versions={versions} />
              </>
            )}
          </div>
        );
      }}
    </Loadable>
  );
}

/** The two versions to compare, chosen from the revisions and the live text; "Compare" goes to their address. */
function VersionPicker({
  draftId,
  revisions,
  versions,
}: {
  draftId: string;
  revisions: readonly RevisionSummary[];
  versions: VersionPair;
}) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [from, setFrom] = useState(versions.from);
  const [to, setTo] = useState(versions.to);
  const ids = { from: useId(), to: useId() };
  const options = [
    ...inOrder(revisions).map((revision) => ({ id: revision.id, name: revision.name })),
    { id: LIVE, name: t("revisions.compare.live") },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(revisionPaths.compare(draftId, { from, to }));
  };
  return (
    <form className="version-picker" onSubmit={submit} aria-label={t("revisions.compare.pick")}>
      <div className="version-picker__field">
        <label htmlFor={ids.from} className="field__label">
          {t("revisions.compare.from")}
        </label>
        <select id={ids.from} className="field__input" value={from} onChange={(event) => setFrom(event.target.value)}>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <div className="version-picker__field">
        <label htmlFor={ids.to} className="field__label">
          {t("revisions.compare.to")}
        </label>
        <select id={ids.to} className="field__input" value={to} onChange={(event) => setTo(event.target.value)}>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary">
        {t("revisions.compare.show")}
      </button>
    </form>
  );
}

function Comparison({ draft, versions }: { draft: DraftSummary; versions: VersionPair }) {
  const { t } = useTranslation();
  const [resource, reload] = useResource<CompareResponse>(revisionsApiPaths.compare(draft.id, versions));
  return (
    <Loadable
      resource={resource}
      loading={t("revisions.compare.comparing")}
      errorTitle={t("revisions.compare.errorTitle")}
      notFound={{ title: t("revisions.revision.notFoundTitle"), body: t("revisions.revision.notFoundBody") }}
      retry={() => void reload()}
      nested
    >
      {(comparison) => <ComparedRows draft={draft} versions={versions} comparison={comparison} />}
    </Loadable>
  );
}

function ComparedRows({
  draft,
  versions,
  comparison,
}: {
  draft: DraftSummary;
  versions: VersionPair;
  comparison: CompareResponse;
}) {
  const { t } = useTranslation();
  const [changedOnly, setChangedOnly] = useState(false);
  const target = useTargetBlock();
  const filterId = useId();
  const rows = visibleRows(comparison.rows, changedOnly, target);
  const name = (ref: VersionRef) => (ref.id === LIVE ? t("revisions.compare.live") : ref.name);
  const names = { old: name(comparison.from), new: name(comparison.to) };

  useGoToTarget(target);

  return (
    <>
      <section className="page-section compare-summary" aria-labelledby="compare-summary">
        <h2 id="compare-summary">{t("revisions.compare.summary", { from: names.old, to: names.new })}</h2>
        {versions.from === versions.to && <p className="notice notice--info">{t("revisions.compare.same")}</p>}
        <StatusCounts counts={comparison.counts} />
        <p className="export-bar">
          <CompareDocxLink draftId={draft.id} from={versions.from} to={versions.to} />
        </p>
      </section>
      <section className="page-section" aria-labelledby="compare-paragraphs">
        <div className="section-heading">
          <h2 id="compare-paragraphs">{t("revisions.compare.paragraphs")}</h2>
          <div className="compare-filter">
            <input
              id={filterId}
              type="checkbox"
              checked={changedOnly}
              onChange={(event) => setChangedOnly(event.target.checked)}
            />
            <label htmlFor={filterId}>{t("revisions.compare.changedOnly")}</label>
          </div>
        </div>
        <p className="compare-shown" role="status">
          {t("revisions.compare.shown", { shown: rows.length, total: comparison.rows.length })}
        </p>
        {comparison.rows.length === 0 ? (
          <p className="notice notice--empty">{t("revisions.compare.noText")}</p>
        ) : (
          <div className="compare">
            <div className="compare__columns" aria-hidden="true">
              <span dir="auto">{names.old}</span>
              <span dir="auto">{names.new}</span>
            </div>
            <ol className="compare__rows" data-testid="compare-rows">
              {rows.map((row) => {
                const block = rowBlock(row);
                return (
                  <CompareRow
                    key={`${row.status}-${block.id}`}
                    draftId={draft.id}
                    versions={versions}
                    row={row}
                    names={names}
                    targeted={block.id === target}
                  />
                );
              })}
            </ol>
          </div>
        )}
      </section>
    </>
  );
}
