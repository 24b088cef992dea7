import { type ApplicationView, DecisionRequest } from "@plenary/protocol";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../api/errorMessage.ts";
import { useResource } from "../api/useResource.ts";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { Field, FormAlert, useProblemMessage } from "../forms/Field.tsx";
import { checkForm, type FieldProblems } from "../forms/validation.ts";
import { formatDateTime } from "../i18n/dates.ts";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { AccessRefused } from "./AccessRefused.tsx";
import { decideApplication } from "./adminApi.ts";
import { ProcessContext } from "./ProcessContext.tsx";

/**
 * Facilitators: the queue of applications for accreditation, oldest first,
 * each approved or declined with a reason the applicant sees; then the decided ones.
 */
export function ApplicationsPage({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const [resource, reload] = useResource<{ applications: ApplicationView[] }>(
    `/api/processes/${encodeURIComponent(processId)}/accreditations`,
  );
  const [announcement, setAnnouncement] = useState("");
  const [focusAfterDecision, setFocusAfterDecision] = useState(0);
  const queue = useRef<HTMLElement>(null);
  usePageTitle(t("applications.title"));

  useEffect(() => {
    if (focusAfterDecision === 0) return;
    // The next application waiting, else the queue's heading.
    const next = queue.current?.querySelector<HTMLElement>("[data-application] h3");
    (next ?? queue.current?.querySelector<HTMLElement>("h2"))?.focus();
  }, [focusAfterDecision]);

  const applications = resource.status === "ready" ? resource.value.applications : [];
  const pending = applications
    .filter((application) => application.status === "pending")
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const decided = applications
    .filter((application) => application.status !== "pending")
    .sort((a, b) => (b.decidedAt ?? "").localeCompare(a.decidedAt ?? ""));

  const onDecided = async (decision: ApplicationView) => {
    const key = decision.status === "approved" ? "applications.announceApproved" : "applications.announceDeclined";
    await reload();
    setAnnouncement(t(key, { organisation: decision.organisation.name }));
    setFocusAfterDecision((count) => count + 1);
  };

  return (
    <div className="page page--applications">
      <PageHeading>{t("applications.title")}</PageHeading>
      <ProcessContext processId={processId} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {resource.status === "loading" && (
        <p className="notice" role="status">
          {t("applications.loading")}
        </p>
      )}
      {resource.status === "error" && <AccessRefused error={resource.error} onRetry={() => void reload()} />}
      {resource.status === "ready" && (
        <>
          <section ref={queue} className="page-section" aria-labelledby="applications-pending">
            <h2 id="applications-pending" tabIndex={-1}>
              {t("applications.pendingTitle")}
            </h2>
            {pending.length === 0 ? (
              <p className="notice notice--empty">{t("applications.pendingEmpty")}</p>
            ) : (
              <ul className="card-list" data-testid="pending-applications">
                {pending.map((application) => (
                  <li key={application.id}>
                    <PendingApplication
                      application={application}
                      onDecided={(decision) => void onDecided(decision)}
                      onStale={() => void reload()}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="page-section" aria-labelledby="applications-decided">
            <h2 id="applications-decided">{t("applications.decidedTitle")}</h2>
            {decided.length === 0 ? (
              <p className="notice notice--empty">{t("applications.decidedEmpty")}</p>
            ) : (
              <ul className="card-list" data-testid="decided-applications">
                {decided.map((application) => (
                  <li key={application.id}>
                    <DecidedApplication application={application} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** Who applies, when, and why: the part of an application both lists show. */
function ApplicationSummary({ application }: { application: ApplicationView }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h3 tabIndex={-1} dir="auto">
        {application.organisation.name}
      </h3>
      <p>
        <PartyBadge party={application.organisation} />
      </p>
      <p className="card__meta">
        {t("applications.contact", { name: application.contactName, email: application.email })}
        {" · "}
        {t("applications.submitted", {
          date: formatDateTime(application.createdAt, i18n.resolvedLanguage ?? "en"),
        })}
      </p>
      <h4 className="card__label">{t("applications.statement")}</h4>
      <blockquote className="statement" dir="auto">
        {application.statement}
      </blockquote>
    </>
  );
}

function PendingApplication({
  application,
  onDecided,
  onStale,
}: {
  application: ApplicationView;
  onDecided: (decision: ApplicationView) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<{ attempt: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const message = useProblemMessage();

  const decide = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = submitter?.value === "decline" ? "decline" : "approve";
    const checked = checkForm(DecisionRequest, { decision, reason });
    setProblems(checked.ok ? {} : checked.problems);
    if (!checked.ok) {
      setFailure(null);
      reasonField.current?.focus();
      return;
    }
    setBusy(true);
    const result = await decideApplication(application.id, checked.value);
    setBusy(false);
    if (result.ok) {
      onDecided(result.value);
      return;
    }
    if (result.code === "application_decided") {
      setFailure((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, text: t("applications.alreadyDecided") }));
      onStale();
      return;
    }
    setFailure((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, text: apiErrorMessage(t, result) }));
  };

  return (
    <article className="card" data-application={application.id}>
      <ApplicationSummary application={application} />
      {failure && <FormAlert key={failure.attempt}>{failure.text}</FormAlert>}
      <form className="form form--inline" onSubmit={decide} noValidate>
        <Field
          label={t("applications.reason")}
          hint={t("applications.reasonHint")}
          error={message(problems.reason, t("forms.reason"))}
        >
          {(control) => (
            <textarea
              {...control}
              ref={reasonField}
              className="field__input field__input--area"
              rows={3}
              dir="auto"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button
            type="submit"
            name="decision"
            value="approve"
            className="button button--primary"
            aria-disabled={busy || undefined}
          >
            {t("applications.approve")}
          </button>
          <button type="submit" name="decision" value="decline" className="button" aria-disabled={busy || undefined}>
            {t("applications.decline")}
          </button>
          {busy && (
            <span role="status" className="form__busy">
              {t("applications.deciding")}
            </span>
          )}
        </div>
      </form>
    </article>
  );
}

function DecidedApplication({ application }: { application: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const date = formatDateTime(application.decidedAt ?? "", i18n.resolvedLanguage ?? "en");
  return (
    <article className="card" data-decided={application.status}>
      <ApplicationSummary application={application} />
      <p className={`decision decision--${application.status}`}>
        {application.status === "approved"
          ? t("applications.approved", { date })
          : t("applications.declined", { date })}
      </p>
      {application.reason && (
        <p className="decision__reason" dir="auto">
          {t("applications.decidedReason", { reason: application.reason })}
        </p>
      )}
    </article>
  );
}
