import type { ParticipantView } from "@plenary/protocol";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useResource } from "../api/useResource.ts";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { formatDateTime } from "../i18n/dates.ts";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { AccessRefused } from "./AccessRefused.tsx";
import { InviteForm } from "./InviteForm.tsx";
import { ProcessContext } from "./ProcessContext.tsx";

/** Facilitators: who takes part in a process (with party, role and e-mail), and the form that invites more. */
export function ParticipantsPage({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const [resource, reload] = useResource<{ participants: ParticipantView[] }>(
    `/api/processes/${encodeURIComponent(processId)}/participants`,
  );
  const [refreshed, setRefreshed] = useState(false);
  usePageTitle(t("participants.title"));

  const refresh = async () => {
    setRefreshed(false);
    await reload();
    setRefreshed(true);
  };

  return (
    <div className="page page--participants">
      <PageHeading>{t("participants.title")}</PageHeading>
      <ProcessContext processId={processId} />
      {resource.status === "loading" && (
        <p className="notice" role="status">
          {t("participants.loading")}
        </p>
      )}
      {resource.status === "error" && <AccessRefused error={resource.error} onRetry={() => void reload()} />}
      {resource.status === "ready" && (
        <>
          <ParticipantTable participants={resource.value.participants} onRefresh={() => void refresh()} />
          <p className="visually-hidden" role="status">
            {refreshed && t("participants.refreshed", { count: resource.value.participants.length })}
          </p>
          <InviteForm processId={processId} />
        </>
      )}
    </div>
  );
}

function ParticipantTable({ participants, onRefresh }: { participants: ParticipantView[]; onRefresh: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  return (
    <section className="page-section" aria-labelledby="participants-list">
      <div className="section-heading">
        <h2 id="participants-list">{t("participants.listTitle")}</h2>
        <button type="button" className="button button--quiet" onClick={onRefresh}>
          {t("participants.refresh")}
        </button>
      </div>
      {participants.length === 0 ? (
        <p className="notice notice--empty">{t("participants.empty")}</p>
      ) : (
        <div className="table-frame">
          <table className="table" aria-labelledby="participants-list" data-testid="participants">
            <thead>
              <tr>
                <th scope="col">{t("participants.name")}</th>
                <th scope="col">{t("participants.party")}</th>
                <th scope="col">{t("participants.role")}</th>
                <th scope="col">{t("participants.email")}</th>
                <th scope="col">{t("participants.joined")}</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((participant) => (
                <tr key={participant.user.id}>
                  <th scope="row" dir="auto">
                    {participant.user.displayName}
                  </th>
                  <td>
                    <PartyBadge party={participant.party} />
                  </td>
                  <td>{t(`roles.${participant.role}`)}</td>
                  <td>{participant.user.email}</td>
                  <td>{formatDateTime(participant.joinedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
