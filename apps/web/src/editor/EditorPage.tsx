import type { DraftResponse } from "@plenary/protocol";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundPage } from "../app/NotFoundPage.tsx";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { ConnectionIndicator } from "../connection/ConnectionIndicator.tsx";
import { useConnectionStore } from "../connection/connectionStore.ts";
import { refusalMessageKey } from "../connection/refusal.ts";
import { ExportMenu } from "../docx/ExportMenu.tsx";
import { fetchDraft } from "../drafts/draftsApi.ts";
import { PresenceList } from "../presence/PresenceList.tsx";
import { DraftAccess } from "../process/DraftAccess.tsx";
import { RevisionLinks } from "../revisions/RevisionLinks.tsx";
import { DraftEditor } from "./DraftEditor.tsx";
import { useDraftSession } from "./useDraftSession.ts";

type DraftMeta =
  | { status: "loading" }
  | { status: "found"; draft: DraftResponse }
  | { status: "not_found" }
  /** The server could not be reached or failed: open the editor anyway, from this device's copy. */
  | { status: "unreachable" };

/** The page of one draft: its title, connection state, toolbar, live text and the people in it. */
export function EditorPage({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const [meta, setMeta] = useState<DraftMeta>({ status: "loading" });

  useEffect(() => {
    const abort = new AbortController();
    fetchDraft(draftId, abort.signal).then(
      (result) => {
        if (result.ok) setMeta({ status: "found", draft: result.value });
        else setMeta({ status: result.reason === "not_found" ? "not_found" : "unreachable" });
      },
      () => undefined,
    );
    return () => abort.abort();
  }, [draftId]);

  if (meta.status === "loading") {
    return (
      <p className="notice" role="status">
        {t("draft.loading")}
      </p>
    );
  }
  if (meta.status === "not_found") return <NotFoundPage />;
  const found = meta.status === "found" ? meta.draft : null;
  return <DraftWorkspace draftId={draftId} title={found?.title ?? null} processId={found?.processId ?? null} />;
}

function DraftWorkspace({
  draftId,
  title,
  processId,
}: {
  draftId: string;
  title: string | null;
  processId: string | null;
}) {
  const { t } = useTranslation();
  const { session, hasText, writable, resynchronisedAfter } = useDraftSession(draftId);
  const refusedAsUnknown = useConnectionStore((state) => state.refusal === "draft_not_found");
  usePageTitle(title ?? draftId);

  if (refusedAsUnknown) return <NotFoundPage />;

  return (
    <div className="page page--draft">
      <div className="draft-heading">
        <PageHeading dir="auto">{title ?? draftId}</PageHeading>
        <ConnectionIndicator />
      </div>
      <RevisionLinks draftId={draftId} current="text" />
      {title !== null && (
        <div className="export-bar">
          <ExportMenu draftId={draftId} />
        </div>
      )}
      {processId && <DraftAccess processId={processId} writable={writable} hasText={hasText} />}
      {title === null && (
        <div className="notice notice--info">
          <h2>{t("draft.offlineTitle")}</h2>
          <p>{t("draft.offlineBody")}</p>
        </div>
      )}
      {resynchronisedAfter !== null && (
        <p className="notice notice--warning" role="alert">
          {t("draft.refusedReset", { reason: t(refusalMessageKey(resynchronisedAfter)) })}
        </p>
      )}
      {session ? (
        <DraftEditor
          key={session.ydoc.guid}
          session={session}
          processId={processId}
          hasText={hasText}
          writable={writable}
          aside={<PresenceList />}
        />
      ) : (
        <PresenceList />
      )}
    </div>
  );
}
