import { can, type ProcessResponse } from "@plenary/protocol";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApplicationStatus } from "../account/ApplicationStatus.tsx";
import { signInPath } from "../account/returnPath.ts";
import { apiErrorMessage } from "../api/errorMessage.ts";
import { useResource } from "../api/useResource.ts";
import { NotFoundPage } from "../app/NotFoundPage.tsx";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { ImportDocxForm } from "../docx/ImportDocxForm.tsx";
import { formatDateTime } from "../i18n/dates.ts";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { useSessionStore } from "../session/sessionStore.ts";
import { processPaths } from "./processPaths.ts";

/**
 * A negotiation process, open to everyone: its description, drafts and the
 * parties taking part; the person's role, or how to take part; and for
 * facilitators, the way to its participants and applications.
 */
export function ProcessPage({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const [resource, reload] = useResource<ProcessResponse>(`/api/processes/${encodeURIComponent(processId)}`);
  usePageTitle(resource.status === "ready" ? resource.value.process.title : t("process.loading"));
  useEffect(() => {
    // An application may have been decided since the session was loaded.
    void useSessionStore.getState().load();
  }, []);

  if (resource.status === "loading") {
    return (
      <p className="notice" role="status">
        {t("process.loading")}
      </p>
    );
  }
  if (resource.status === "error") {
    if (resource.error.status === 404) {
      return <NotFoundPage title={t("process.notFoundTitle")} body={t("process.notFoundBody")} />;
    }
    return (
      <div className="page">
        <PageHeading>{t("process.errorTitle")}</PageHeading>
        <div className="notice notice--error" role="alert">
          <p>{apiErrorMessage(t, resource.error)}</p>
          <button type="button" className="button" onClick={() => void reload()}>
            {t("process.retry")}
          </button>
        </div>
      </div>
    );
  }
  return <ProcessOverview view={resource.value} onDraftsChanged={() => void reload()} />;
}

function ProcessOverview({ view, onDraftsChanged }: { view: ProcessResponse; onDraftsChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { process, drafts, parties, role } = view;
  const session = useSessionStore((state) => state.session);
  const application = session.applications.find((candidate) => candidate.processId === process.id);
  const language = i18n.resolvedLanguage ?? "en";

  return (
    <div className="page page--process">
      <PageHeading dir="auto">{process.title}</PageHeading>
      <p className="lede" dir="auto">
        {process.description}
      </p>
      {role === "public" ? (
        <div className="notice notice--info" data-testid="process-role">
          <p>{t("process.publicRole")}</p>
          <p>{t("process.takePart")}</p>
          <p className="link-row">
            {can(role, "accreditation.apply") && !application && (
              <Link href={processPaths.apply(process.id)} className="button button--primary">
                {t("process.apply")}
              </Link>
            )}
            {!session.user && (
              <Link href={signInPath(processPaths.page(process.id))} className="button">
                {t("process.signIn")}
              </Link>
            )}
          </p>
        </div>
      ) : (
        <p className="role-line" data-testid="process-role">
          {t("process.yourRole", { role: t(`roles.${role}`) })}
        </p>
      )}
      {application && <ApplicationStatus application={application} />}
      {(can(role, "participants.read") || can(role, "accreditation.review")) && (
        <nav className="process-nav" aria-label={t("process.facilitation")}>
          <ul>
            {can(role, "participants.read") && (
              <li>
                <Link href={processPaths.participants(process.id)} className="button">
                  {t("process.participants")}
                </Link>
              </li>
            )}
            {can(role, "accreditation.review") && (
              <li>
                <Link href={processPaths.applications(process.id)} className="button">
                  {t("process.applications")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
      <section className="page-section" aria-labelledby="process-drafts">
        <h2 id="process-drafts">{t("process.drafts")}</h2>
        <Link href={`${processPaths.page(process.id)}/metrics`}>{t("report.processLink")}</Link>
        {drafts.length === 0 ? (
          <p className="notice notice--empty">{t("process.noDrafts")}</p>
        ) : (
          <ul className="draft-list">
            {drafts.map((draft) => (
              <li key={draft.id} className="draft-list__item">
                <Link href={processPaths.draft(draft.id)} className="draft-list__link" dir="auto">
                  {draft.title}
                </Link>
                <p className="draft-list__meta">
                  {t("drafts.lastChange", { date: formatDateTime(draft.updatedAt, language) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {can(role, "draft.create") && <ImportDocxForm processId={process.id} onImported={onDraftsChanged} />}
      <section className="page-section" aria-labelledby="process-parties">
        <h2 id="process-parties">{t("process.parties")}</h2>
        {parties.length === 0 ? (
          <p className="notice notice--empty">{t("process.noParties")}</p>
        ) : (
          <ul className="badge-list" data-testid="process-parties">
            {parties.map((party) => (
              <li key={party.id}>
                <PartyBadge party={party} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
