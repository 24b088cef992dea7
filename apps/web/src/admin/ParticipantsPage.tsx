import type { ParticipantView, Role } from "@plenary/protocol";
import { type FormEvent, type RefObject, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiFailure, apiErrorMessage } from "../api/errorMessage.ts";
import { useResource } from "../api/useResource.ts";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { FormAlert } from "../forms/Field.tsx";
import { formatDateTime } from "../i18n/dates.ts";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { useSessionStore } from "../session/sessionStore.ts";
import { AccessRefused } from "./AccessRefused.tsx";
import { changeParticipantRole, removeParticipant } from "./adminApi.ts";
import { InviteForm } from "./InviteForm.tsx";
import { ProcessContext } from "./ProcessContext.tsx";

const ROLES: readonly Exclude<Role, "public">[] = ["facilitator", "delegate", "observer"];
// The announcement after "Refresh the list", which counts the participants as they are once loaded.
const REFRESHED = "\u0000refreshed";

/**
 * Facilitators: who takes part in a process (with party, role and e-mail), where each
 * participant's role can be changed or they can be removed, and the form that invites more.
 */
export function ParticipantsPage({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const [resource, reload] = useResource<{ participants: ParticipantView[] }>(
    `/api/processes/${encodeURIComponent(processId)}/participants`,
  );
  const [announcement, setAnnouncement] = useState("");
  const [failure, setFailure] = useState<{ attempt: number; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t("participants.title"));

  const refresh = async () => {
    setAnnouncement("");
    await reload();
    setAnnouncement(REFRESHED);
  };

  const refuse = (text: string) => setFailure((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, text }));
  const changed = async (text: string, focusList: boolean) => {
    setFailure(null);
    await reload();
    setAnnouncement(text);
    if (focusList) heading.current?.focus();
  };

  return (
    <div className="page page--participants">
      <PageHeading>{t("participants.title")}</PageHeading>
      <ProcessContext processId={processId} />
      <p className="visually-hidden" role="status">
        {announcement === REFRESHED
          ? t("participants.refreshed", { count: resource.status === "ready" ? resource.value.participants.length : 0 })
          : announcement}
      </p>
      {resource.status === "loading" && (
        <p className="notice" role="status">
          {t("participants.loading")}
        </p>
      )}
      {resource.status === "error" && <AccessRefused error={resource.error} onRetry={() => void reload()} />}
      {resource.status === "ready" && (
        <>
          {failure && <FormAlert key={failure.attempt}>{failure.text}</FormAlert>}
          <ParticipantTable
            processId={processId}
            participants={resource.value.participants}
            heading={heading}
            onRefresh={() => void refresh()}
            onChanged={(text, focusList) => void changed(text, focusList)}
            onRefused={(text, stale) => {
              refuse(text);
              if (stale) void reload();
            }}
          />
          <InviteForm processId={processId} />
        </>
      )}
    </div>
  );
}

interface TableProps {
  processId: string;
  participants: ParticipantView[];
  heading: RefObject<HTMLHeadingElement | null>;
  onRefresh: () => void;
  /** A change went through: what to announce, and whether the row is gone (the focus goes to the list). */
  onChanged: (announcement: string, focusList: boolean) => void;
  /** The server refused: why, and whether the list is out of date. */
  onRefused: (message: string, stale: boolean) => void;
}

function ParticipantTable({ processId, participants, heading, onRefresh, onChanged, onRefused }: TableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  return (
    <section className="page-section" aria-labelledby="participants-list">
      <div className="section-heading">
        <h2 id="participants-list" ref={heading} tabIndex={-1}>
          {t("participants.listTitle")}
        </h2>
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
                <th scope="col">{t("manageParticipants.actions")}</th>
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
                  <td>
                    <ParticipantActions
                      processId={processId}
                      participant={participant}
                      onChanged={onChanged}
                      onRefused={onRefused}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A participant's role, to change, and the button that removes them (after a confirmation). */
function ParticipantActions({
  processId,
  participant,
  onChanged,
  onRefused,
}: {
  processId: string;
  participant: ParticipantView;
  onChanged: TableProps["onChanged"];
  onRefused: TableProps["onRefused"];
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState(participant.role);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const ids = { select: useId(), title: useId(), body: useId() };
  const name = participant.user.displayName;
  const you = useSessionStore((state) => state.session.user?.id) === participant.user.id;

  const refused = (failure: ApiFailure) => {
    if (failure.code === "last_facilitator") return onRefused(t("manageParticipants.lastFacilitator"), false);
    if (failure.code === "participant_not_found") return onRefused(t("manageParticipants.notFound"), true);
    onRefused(apiErrorMessage(t, failure), false);
  };

  const change = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await changeParticipantRole(processId, participant.user.id, role);
    setBusy(false);
    if (!result.ok) {
      setRole(participant.role);
      return refused(result);
    }
    const now = t(`roles.${result.value.participant.role}`);
    onChanged(
      result.value.change
        ? t("manageParticipants.roleChanged", { name, role: now })
        : t("manageParticipants.unchanged", { name, role: now }),
      false,
    );
    // Signing oneself out of the pen changes what this page may show.
    if (you) void useSessionStore.getState().load();
  };

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    const result = await removeParticipant(processId, participant.user.id);
    setBusy(false);
    dialog.current?.close();
    if (!result.ok) return refused(result);
    onChanged(t("manageParticipants.removed", { name }), true);
    if (you) void useSessionStore.getState().load();
  };

  return (
    <form className="participant-actions" onSubmit={change} data-testid="participant-actions">
      <label htmlFor={ids.select} className="visually-hidden">
        {t("manageParticipants.roleOf", { name })}
      </label>
      <select
        id={ids.select}
        className="field__input field__input--compact"
        value={role}
        onChange={(event) => setRole(event.target.value as Exclude<Role, "public">)}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {t(`roles.${option}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button--quiet"
        aria-label={t("manageParticipants.changeRoleOf", { name })}
        aria-disabled={busy || undefined}
      >
        {busy ? t("manageParticipants.saving") : t("manageParticipants.changeRole")}
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-label={t("manageParticipants.removeLabel", { name })}
        onClick={() => {
          dialog.current?.showModal();
          // Removing is not undone by a click: the safe answer has the focus.
          cancel.current?.focus();
        }}
      >
        {t("manageParticipants.remove")}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={ids.title} aria-describedby={ids.body}>
        <h2 id={ids.title} className="dialog__title" dir="auto">
          {t("manageParticipants.confirmTitle", { name })}
        </h2>
        <p id={ids.body}>{t("manageParticipants.confirmBody")}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => void remove()}>
            {busy ? t("manageParticipants.saving") : t("manageParticipants.confirm")}
          </button>
          <button ref={cancel} type="button" className="button" onClick={() => dialog.current?.close()}>
            {t("manageParticipants.cancel")}
          </button>
        </div>
      </dialog>
    </form>
  );
}
