import { ApplicationRequest, ORGANISATION_GROUPS, type ProcessResponse } from "@plenary/protocol";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { apiErrorMessage } from "../api/errorMessage.ts";
import { useResource } from "../api/useResource.ts";
import { NotFoundPage } from "../app/NotFoundPage.tsx";
import { focusNextPageHeading, PageHeading, usePageTitle } from "../app/page.tsx";
import { Field, FormAlert, useFocusFirstInvalid, useProblemMessage } from "../forms/Field.tsx";
import { checkForm, type FieldProblems } from "../forms/validation.ts";
import { processPaths } from "../process/processPaths.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { ApplicationStatus } from "./ApplicationStatus.tsx";
import { applyForAccreditation } from "./accountApi.ts";

const EMPTY = {
  organisation: "",
  stakeholderGroup: "",
  country: "",
  statement: "",
  displayName: "",
  email: "",
  password: "",
};

type ApplicationForm = typeof EMPTY;

/**
 * An organisation applies for accreditation to a process. Once sent, or when
 * the signed-in person has applied before, the page shows the application's
 * status and, once decided, the facilitators' reason.
 */
export function ApplyPage({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const [resource] = useResource<ProcessResponse>(`/api/processes/${encodeURIComponent(processId)}`);
  const application = useSessionStore((state) =>
    state.session.applications.find((candidate) => candidate.processId === processId),
  );
  usePageTitle(t("apply.title"));

  if (resource.status === "loading") {
    return (
      <p className="notice" role="status">
        {t("process.loading")}
      </p>
    );
  }
  if (resource.status === "error" && resource.error.status === 404) {
    return <NotFoundPage title={t("process.notFoundTitle")} body={t("process.notFoundBody")} />;
  }
  const process = resource.status === "ready" ? resource.value.process : null;
  const role = resource.status === "ready" ? resource.value.role : "public";

  return (
    <div className="page page--narrow">
      <PageHeading>{t("apply.title")}</PageHeading>
      {process && (
        <p className="context-line">
          {t("process.inProcess")}{" "}
          <Link href={processPaths.page(process.id)} dir="auto">
            {process.title}
          </Link>
        </p>
      )}
      {resource.status === "error" && (
        <div className="notice notice--error" role="alert">
          <p>{apiErrorMessage(t, resource.error)}</p>
        </div>
      )}
      {application ? (
        <>
          <ApplicationStatus application={application} />
          <p>
            <Link href={processPaths.page(processId)}>{t("process.backToProcess")}</Link>
          </p>
        </>
      ) : role !== "public" ? (
        <div className="notice notice--info">
          <p>{t("apply.alreadyParticipant", { role: t(`roles.${role}`) })}</p>
          <p>{t("apply.facilitatorsCannotApply")}</p>
        </div>
      ) : (
        <ApplicationForm processId={processId} />
      )}
    </div>
  );
}

function ApplicationForm({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.session.user);
  const signIn = useSessionStore((state) => state.signIn);
  const [values, setValues] = useState<ApplicationForm>(EMPTY);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<{ attempt: number; text: string } | null>(null);
  const [sentWithout, setSentWithout] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const message = useProblemMessage();
  const change = (field: keyof ApplicationForm) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkForm(ApplicationRequest, { ...values, email: values.email.trim() });
    setProblems(checked.ok ? {} : checked.problems);
    if (!checked.ok) {
      setFailure(null);
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    const result = await applyForAccreditation(processId, checked.value);
    if (!result.ok) {
      setBusy(false);
      setFailure((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, text: apiErrorMessage(t, result) }));
      return;
    }
    // The server answers the same whether or not the address had an account (so that the form does
    // not tell strangers which addresses do); signing in with what was typed tells the applicant.
    const session = await signIn(checked.value.email, checked.value.password);
    setBusy(false);
    // Either way the page is drawn again, under a heading that takes the focus: the application's
    // status for the new account, or how to follow it.
    focusNextPageHeading();
    if (!session.ok) setSentWithout(true);
  };

  if (sentWithout) return <ApplicationSent processId={processId} />;

  return (
    <>
      <p className="lede">{t("apply.intro")}</p>
      {user && <p className="notice notice--info">{t("apply.signedInNotice", { name: user.displayName })}</p>}
      {failure && <FormAlert key={failure.attempt}>{failure.text}</FormAlert>}
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <fieldset className="form__section">
          <legend>{t("apply.organisationSection")}</legend>
          <Field label={t("apply.organisation")} error={message(problems.organisation, t("forms.organisation"))}>
            {(control) => (
              <input
                {...control}
                className="field__input"
                name="organisation"
                autoComplete="organization"
                value={values.organisation}
                onChange={change("organisation")}
              />
            )}
          </Field>
          <Field
            label={t("apply.stakeholderGroup")}
            error={message(problems.stakeholderGroup, t("forms.stakeholderGroup"))}
          >
            {(control) => (
              <select
                {...control}
                className="field__input"
                name="stakeholderGroup"
                value={values.stakeholderGroup}
                onChange={change("stakeholderGroup")}
              >
                <option value="">{t("apply.chooseGroup")}</option>
                {ORGANISATION_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {t(`parties.stakeholderGroup.${group}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t("apply.country")}
            hint={t("apply.countryHint")}
            error={message(problems.country, t("forms.country"))}
          >
            {(control) => (
              <input
                {...control}
                className="field__input field__input--short"
                name="country"
                autoComplete="country"
                maxLength={2}
                value={values.country}
                onChange={change("country")}
              />
            )}
          </Field>
          <Field
            label={t("apply.statement")}
            hint={t("apply.statementHint")}
            error={message(problems.statement, t("forms.statement"))}
          >
            {(control) => (
              <textarea
                {...control}
                className="field__input field__input--area"
                name="statement"
                rows={6}
                dir="auto"
                value={values.statement}
                onChange={change("statement")}
              />
            )}
          </Field>
        </fieldset>
        <fieldset className="form__section">
          <legend>{t("apply.contactSection")}</legend>
          <Field label={t("apply.displayName")} error={message(problems.displayName, t("forms.displayName"))}>
            {(control) => (
              <input
                {...control}
                className="field__input"
                name="displayName"
                autoComplete="name"
                value={values.displayName}
                onChange={change("displayName")}
              />
            )}
          </Field>
          <Field label={t("apply.email")} error={message(problems.email, t("forms.email"))}>
            {(control) => (
              <input
                {...control}
                className="field__input"
                type="email"
                name="email"
                autoComplete="email"
                value={values.email}
                onChange={change("email")}
              />
            )}
          </Field>
          <Field
            label={t("apply.password")}
            hint={t("apply.passwordHint")}
            error={message(problems.password, t("forms.password"))}
          >
            {(control) => (
              <input
                {...control}
                className="field__input"
                type="password"
                name="password"
                autoComplete="new-password"
                value={values.password}
                onChange={change("password")}
              />
            )}
          </Field>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t("apply.submitting") : t("apply.submit")}
          </button>
        </div>
      </form>
    </>
  );
}

/** Sent, but not signed in with what was typed: how to follow the application. Takes the focus. */
function ApplicationSent({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.focus(), []);
  return (
    <div ref={notice} tabIndex={-1} className="notice notice--info" data-testid="application-sent">
      <p>{t("accessSafety.applicationSentSignIn")}</p>
      <Link href={`/sign-in?next=${encodeURIComponent(processPaths.page(processId))}`} className="button">
        {t("userMenu.signIn")}
      </Link>
    </div>
  );
}
