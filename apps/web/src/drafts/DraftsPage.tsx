import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { ProcessList } from "../process/ProcessList.tsx";
import { useProcessesStore } from "../process/processesStore.ts";
import { processPaths } from "../process/processPaths.ts";
import { useDraftsStore } from "./draftsStore.ts";
import { formatLastChange } from "./lastChange.ts";

/** The home page: every draft, most recently changed first, each a link to the editor; then the processes. */
export function DraftsPage() {
  const { t, i18n } = useTranslation();
  const status = useDraftsStore((state) => state.status);
  const drafts = useDraftsStore((state) => state.drafts);
  const load = useDraftsStore((state) => state.load);
  const processes = useProcessesStore((state) => state.processes);
  usePageTitle(t("drafts.title"));

  useEffect(() => {
    void load();
  }, [load]);
  const processOf = (id: string) => processes.find((process) => process.id === id);

  return (
    <div className="page page--drafts">
      <PageHeading>{t("drafts.title")}</PageHeading>
      <p className="lede">{t("drafts.intro")}</p>
      {(status === "idle" || status === "loading") && (
        <p className="notice" role="status">
          {t("drafts.loading")}
        </p>
      )}
      {status === "error" && (
        <div className="notice notice--error" role="alert">
          <h2>{t("drafts.errorTitle")}</h2>
          <p>{t("drafts.errorBody")}</p>
          <button type="button" className="button" onClick={() => void load()}>
            {t("drafts.retry")}
          </button>
        </div>
      )}
      {status === "ready" && drafts.length === 0 && (
        <div className="notice notice--empty">
          <h2>{t("drafts.emptyTitle")}</h2>
          <p>{t("drafts.emptyBody")}</p>
        </div>
      )}
      {status === "ready" && drafts.length > 0 && (
        <ul className="draft-list">
          {drafts.map((draft) => (
            <li key={draft.id} className="draft-list__item">
              <Link href={`/drafts/${encodeURIComponent(draft.id)}`} className="draft-list__link" dir="auto">
                {draft.title}
              </Link>
              <p className="draft-list__meta">
                {t("drafts.lastChange", {
                  date: formatLastChange(draft.updatedAt, i18n.resolvedLanguage ?? "en"),
                })}
              </p>
              {processOf(draft.processId) && (
                <p className="draft-list__meta draft-list__process">
                  {t("process.inProcess")}{" "}
                  <Link href={processPaths.page(draft.processId)} dir="auto">
                    {processOf(draft.processId)?.title}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <ProcessList />
    </div>
  );
}
