import { AccountRequest, type InviteInfoResponse } from "@plenary/protocol";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { apiErrorMessage } from "../api/errorMessage.ts";
import type { ApiResult } from "../api/http.ts";
import { focusNextPageHeading, PageHeading, usePageTitle } from "../app/page.tsx";
import { Field, FormAlert, useFocusFirstInvalid, useProblemMessage } from "../forms/Field.tsx";
import { checkForm, type FieldProblems } from "../forms/validation.ts";
import { formatDateTime } from "../i18n/dates.ts";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { processPaths } from "../process/processPaths.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { acceptInvite, fetchInvite } from "./accountApi.ts";

type Invitation = { status: "loading" } | { status: "answered"; result: ApiResult<InviteInfoResponse> };

/** The page an invitation link opens: what it gives (process, role, party) and the form that accepts it. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [invitation, setInvitation] = useState<Invitation>({ status: "loading" });
  usePageTitle(t("invite.title"));

  useEffect(() => {
    const abort = new AbortController();
    fetchInvite(token, abort.signal).then(
      (result) => setInvitation({ status: "answered", result }),
      () => undefined,
    );
    return () => abort.abort();
  }, [token]);

  if (invitation.status === "loading") {
    return (
      <p className="notice" role="status">
        {t("invite.loading")}
      </p>
    );
  }
  const { result } = invitation;
  if (!result.ok) return <UnusableInvitation code={result.code} failure={apiErrorMessage(t, result)} />;
  return <Acceptance token={token} invite={result.value} onUnusable={(next) => setInvitation(next)} />;
}

/** A link that cannot be used: unknown, used or expired, each with what to do instead. */
function UnusableInvitation({ code, failure }: { code: string; failure: string }) {
  const { t } = useTranslation();
  const known = code === "invite_used" || code === "invite_expired" || code === "invite_not_found";
  const kind = code === "invite_used" ? "used" : code === "invite_expired" ? "expired" : "notFound";
  return (
    <div className="page page--narrow" data-testid="invite-unusable" data-reason={code}>
      <PageHeading>{known ? t(`invite.${kind}Title`) : t("invite.title")}</PageHeading>
      <div className={known ? "notice notice--warning" : "notice notice--error"} role="alert">
        <p>{known ? t(`invite.${kind}Body`) : failure}</p>
      </div>
      {code === "invite_used" && (
        <p>
          <Link href="/sign-in" className="button button--primary">
            {t("signIn.title")}
          </Link>
        </p>
      )}
    </div>
  );
}

function Acceptance({
  token,
  invite,
  onUnusable,
}: {
  token: string;
  invite: InviteInfoResponse;
  onUnusable: (invitation: Invitation) => void;
}) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const user = useSessionStore((state) => state.session.user);
  const adopt = useSessionStore((state) => state.adopt);
  const [values, setValues] = useState({ displayName: "", email: invite.email ?? "", password: "" });
  const [problems, setProblems] = useState<FieldProblems>({});
  const [emailTaken, setEmailTaken] = useState(false);
  const [emailMismatch, setEmailMismatch] = useState(false);
  // An invitation made for one address is accepted only with it: the field shows it and cannot change.
  const emailFixed = invite.email !== null;
  const [failure, setFailure] = useState<{ attempt: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const message = useProblemMessage();
  const language = i18n.resolvedLanguage ?? "en";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkForm(AccountRequest, { ...values, email: values.email.trim() });
    setProblems(checked.ok ? {} : checked.problems);
    if (!checked.ok) {
      setFailure(null);
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    const result = await acceptInvite(token, checked.value);
    setBusy(false);
    if (result.ok) {
      focusNextPageHeading();
      adopt(result.value);
      navigate(processPaths.page(invite.process.id), { replace: true });
      return;
    }
    if (result.code === "email_taken") {
      setEmailTaken(true);
      setProblems({ email: { kind: "invalid" } });
      setFailure(null);
      focusFirstInvalid();
      return;
    }
    if (result.code === "invite_email_mismatch") {
      setProblems({ email: { kind: "invalid" } });
      setFailure(null);
      setEmailMismatch(true);
      focusFirstInvalid();
      return;
    }
    if (result.code.startsWith("invite_")) {
      focusNextPageHeading();
      onUnusable({ status: "answered", result });
      return;
    }
    setFailure((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, text: apiErrorMessage(t, result) }));
  };

  return (
    <div className="page page--narrow">
      <PageHeading>{t("invite.title")}</PageHeading>
      <p className="lede">{t("invite.intro")}</p>
      <dl className="facts" data-testid="invite-facts">
        <dt>{t("invite.process")}</dt>
        <dd dir="auto">{invite.process.title}</dd>
        <dt>{t("invite.role")}</dt>
        <dd>{t(`roles.${invite.role}`)}</dd>
        <dt>{t("invite.party")}</dt>
        <dd>
          <PartyBadge party={invite.party} />
        </dd>
        <dt>{t("invite.expires")}</dt>
        <dd>{formatDateTime(invite.expiresAt, language)}</dd>
      </dl>
      {user && <p className="notice notice--info">{t("invite.signedInNotice", { name: user.displayName })}</p>}
      {failure && <FormAlert key={failure.attempt}>{failure.text}</FormAlert>}
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <Field
          label={t("invite.displayName")}
          hint={t("invite.displayNameHint")}
          error={message(problems.displayName, t("forms.displayName"))}
        >
          {(control) => (
            <input
              {...control}
              className="field__input"
              name="displayName"
              autoComplete="name"
              value={values.displayName}
              onChange={(event) => setValues({ ...values, displayName: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t("invite.email")}
          hint={emailFixed ? t("accessSafety.inviteEmailFixed") : undefined}
          error={message(
            problems.email,
            emailMismatch
              ? t("accessSafety.inviteEmailMismatch")
              : emailTaken
                ? t("forms.emailTaken")
                : t("forms.email"),
          )}
        >
          {(control) => (
            <input
              {...control}
              className="field__input"
              type="email"
              name="email"
              autoComplete="email"
              readOnly={emailFixed}
              value={values.email}
              onChange={(event) => {
                setEmailTaken(false);
                setEmailMismatch(false);
                setValues({ ...values, email: event.target.value });
              }}
            />
          )}
        </Field>
        <Field
          label={t("invite.password")}
          hint={t("invite.passwordHint")}
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
              onChange={(event) => setValues({ ...values, password: event.target.value })}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t("invite.submitting") : t("invite.submit")}
          </button>
        </div>
      </form>
    </div>
  );
}
