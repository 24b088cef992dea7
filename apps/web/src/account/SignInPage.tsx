import { SignInRequest } from "@plenary/protocol";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";
import { focusNextPageHeading, PageHeading, usePageTitle } from "../app/page.tsx";
import { Field, FormAlert, useFocusFirstInvalid, useProblemMessage } from "../forms/Field.tsx";
import { checkForm, type FieldProblems } from "../forms/validation.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { returnPathOf } from "./returnPath.ts";
import { type SignInRefusal, signInRefusalOf } from "./signInRefusal.ts";

/** The sign-in form; afterwards the person goes back to the page they came from (`?next=`). */
export function SignInPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const user = useSessionStore((state) => state.session.user);
  const signIn = useSessionStore((state) => state.signIn);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [refusal, setRefusal] = useState<{ attempt: number; refusal: SignInRefusal } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const message = useProblemMessage();
  const next = returnPathOf(search);
  usePageTitle(t("signIn.title"));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkForm(SignInRequest, { email: email.trim(), password });
    setProblems(checked.ok ? {} : checked.problems);
    if (!checked.ok) {
      setRefusal(null);
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    const result = await signIn(checked.value.email, checked.value.password);
    setBusy(false);
    if (result.ok) {
      focusNextPageHeading();
      navigate(next, { replace: true });
      return;
    }
    setRefusal((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, refusal: signInRefusalOf(result) }));
  };

  return (
    <div className="page page--narrow">
      <PageHeading>{t("signIn.title")}</PageHeading>
      {user && !busy && (
        <div className="notice notice--info">
          <p>{t("signIn.alreadySignedIn", { name: user.displayName })}</p>
          <Link href={next} className="button">
            {t("signIn.continue")}
          </Link>
        </div>
      )}
      <p className="lede">{t("signIn.intro")}</p>
      {refusal && <FormAlert key={refusal.attempt}>{refusalText(t, refusal.refusal)}</FormAlert>}
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <Field label={t("signIn.email")} error={message(problems.email, t("forms.email"))}>
          {(control) => (
            <input
              {...control}
              className="field__input"
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label={t("signIn.password")} error={message(problems.password, t("forms.signInPassword"))}>
          {(control) => (
            <input
              {...control}
              className="field__input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </div>
      </form>
      <p className="form__aside">{t("signIn.noAccount")}</p>
    </div>
  );
}

function refusalText(t: ReturnType<typeof useTranslation>["t"], refusal: SignInRefusal): string {
  switch (refusal.kind) {
    case "invalid_credentials":
      return t("signIn.invalidCredentials");
    case "rate_limited":
      return refusal.minutes === null
        ? t("signIn.rateLimitedLater")
        : t("signIn.rateLimited", { minutes: refusal.minutes });
    case "unreachable":
      return t("errors.unreachable");
    case "failed":
      return t("errors.failed", { code: refusal.code });
  }
}
