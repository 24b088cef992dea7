import {
  type InviteCreatedResponse,
  InviteRequest,
  ORGANISATION_GROUPS,
  type Party,
  REGIONAL_GROUPS,
  type RegionalGroup,
} from "@plenary/protocol";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../api/errorMessage.ts";
import { useResource } from "../api/useResource.ts";
import { Field, FormAlert, useFocusFirstInvalid, useProblemMessage } from "../forms/Field.tsx";
import { checkForm, type FieldProblems } from "../forms/validation.ts";
import { formatDateTime } from "../i18n/dates.ts";
import { createInvite } from "./adminApi.ts";
import {
  EMPTY_INVITE,
  EXPIRIES,
  INVITED_ROLES,
  type InviteValues,
  inviteRequestOf,
  PARTY_KINDS,
} from "./inviteRequest.ts";

/**
 * Facilitators invite one person: a role, an existing or a new party, an
 * optional e-mail address and how long the link lasts. The link is shown once.
 */
export function InviteForm({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<InviteCreatedResponse | null>(null);
  const [parties, reloadParties] = useResource<{ parties: Party[] }>("/api/parties");
  const headingId = useId();

  return (
    <section className="page-section invite" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("inviteForm.title")}</h2>
      {created ? (
        <CreatedInvite created={created} onAnother={() => setCreated(null)} />
      ) : (
        <InviteFields
          processId={processId}
          parties={parties.status === "ready" ? parties.value.parties : []}
          onCreated={(invite) => {
            setCreated(invite);
            void reloadParties();
          }}
        />
      )}
    </section>
  );
}

function InviteFields({
  processId,
  parties,
  onCreated,
}: {
  processId: string;
  parties: Party[];
  onCreated: (invite: InviteCreatedResponse) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<InviteValues>(EMPTY_INVITE);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<{ attempt: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const message = useProblemMessage();
  const set =
    <K extends keyof InviteValues>(field: K) =>
    (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [field]: event.target.value as InviteValues[K] }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkForm(InviteRequest, inviteRequestOf(values));
    setProblems(checked.ok ? {} : checked.problems);
    if (!checked.ok) {
      setFailure(null);
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    const result = await createInvite(processId, checked.value);
    setBusy(false);
    if (result.ok) {
      onCreated(result.value);
      return;
    }
    setFailure((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, text: apiErrorMessage(t, result) }));
  };

  const sortedParties = [...parties].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <p>{t("inviteForm.intro")}</p>
      {failure && <FormAlert key={failure.attempt}>{failure.text}</FormAlert>}
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <Field label={t("inviteForm.role")}>
          {(control) => (
            <select {...control} className="field__input" value={values.role} onChange={set("role")}>
              {INVITED_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="form__section">
          <legend>{t("inviteForm.partySource")}</legend>
          <div className="choices">
            {(["existing", "new"] as const).map((source) => (
              <label key={source} className="choice">
                <input
                  type="radio"
                  name="partySource"
                  value={source}
                  checked={values.source === source}
                  onChange={() => {
                    setProblems({});
                    setValues((current) => ({ ...current, source }));
                  }}
                />
                {source === "existing" ? t("inviteForm.existingParty") : t("inviteForm.newParty")}
              </label>
            ))}
          </div>
          {values.source === "existing" ? (
            <Field label={t("inviteForm.party")} error={message(problems.partyId, t("forms.party"))}>
              {(control) => (
                <select {...control} className="field__input" value={values.partyId} onChange={set("partyId")}>
                  <option value="">{t("inviteForm.choose")}</option>
                  {sortedParties.map((party) => (
                    <option key={party.id} value={party.id}>
                      {`${party.name} (${t(`parties.kind.${party.kind}`)})`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <NewPartyFields values={values} problems={problems} set={set} />
          )}
        </fieldset>
        <Field
          label={t("inviteForm.email")}
          hint={t("inviteForm.emailHint")}
          optional
          error={message(problems.email, t("forms.email"))}
        >
          {(control) => (
            <input
              {...control}
              className="field__input"
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={set("email")}
            />
          )}
        </Field>
        <Field label={t("inviteForm.expiry")}>
          {(control) => (
            <select
              {...control}
              className="field__input"
              value={values.expiresInHours}
              onChange={set("expiresInHours")}
            >
              {EXPIRIES.map((hours) => (
                <option key={hours} value={hours}>
                  {t(`inviteForm.expiry${hours}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t("inviteForm.submitting") : t("inviteForm.submit")}
          </button>
        </div>
      </form>
    </>
  );
}

function NewPartyFields({
  values,
  problems,
  set,
}: {
  values: InviteValues;
  problems: FieldProblems;
  set: <K extends keyof InviteValues>(field: K) => (event: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  return (
    <>
      <Field label={t("inviteForm.kind")}>
        {(control) => (
          <select {...control} className="field__input" value={values.kind} onChange={set("kind")}>
            {PARTY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`parties.kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("inviteForm.name")} error={message(problems["party.name"], t("forms.partyName"))}>
        {(control) => (
          <input {...control} className="field__input" dir="auto" value={values.name} onChange={set("name")} />
        )}
      </Field>
      {values.kind === "member-state" && (
        <>
          <Field
            label={t("inviteForm.iso")}
            hint={t("inviteForm.isoHint")}
            error={message(problems["party.iso"], t("forms.country"))}
          >
            {(control) => (
              <input
                {...control}
                className="field__input field__input--short"
                maxLength={2}
                value={values.iso}
                onChange={set("iso")}
              />
            )}
          </Field>
          <Field
            label={t("inviteForm.regionalGroup")}
            error={message(problems["party.regionalGroup"], t("forms.regionalGroup"))}
          >
            {(control) => (
              <select
                {...control}
                className="field__input"
                value={values.regionalGroup}
                onChange={set("regionalGroup")}
              >
                <option value="">{t("inviteForm.choose")}</option>
                {(Object.keys(REGIONAL_GROUPS) as RegionalGroup[]).map((group) => (
                  <option key={group} value={group}>
                    {t(`parties.regionalGroup.${group}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      {values.kind === "organisation" && (
        <>
          <Field
            label={t("inviteForm.stakeholderGroup")}
            error={message(problems["party.stakeholderGroup"], t("forms.stakeholderGroup"))}
          >
            {(control) => (
              <select
                {...control}
                className="field__input"
                value={values.stakeholderGroup}
                onChange={set("stakeholderGroup")}
              >
                <option value="">{t("inviteForm.choose")}</option>
                {ORGANISATION_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {t(`parties.stakeholderGroup.${group}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("inviteForm.country")} error={message(problems["party.country"], t("forms.country"))}>
            {(control) => (
              <input
                {...control}
                className="field__input field__input--short"
                maxLength={2}
                value={values.country}
                onChange={set("country")}
              />
            )}
          </Field>
        </>
      )}
    </>
  );
}

/** The new link, shown once, with a copy button whose result is announced. */
function CreatedInvite({ created, onAnother }: { created: InviteCreatedResponse; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const link = new URL(created.path, window.location.origin).href;
  const linkId = useId();
  const noteId = useId();

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopy("copied");
    } catch {
      linkField.current?.select();
      setCopy("failed");
    }
  };

  return (
    <div className="notice notice--success created-invite" data-testid="created-invite">
      <h3 ref={heading} tabIndex={-1}>
        {t("inviteForm.createdTitle", { party: created.party.name, role: t(`roles.${created.role}`) })}
      </h3>
      <p id={noteId}>
        {t("inviteForm.onlyOnce", { date: formatDateTime(created.expiresAt, i18n.resolvedLanguage ?? "en") })}
      </p>
      <label htmlFor={linkId} className="field__label">
        {t("inviteForm.link")}
      </label>
      <div className="copy-row">
        <input
          ref={linkField}
          id={linkId}
          className="field__input copy-row__input"
          readOnly
          dir="ltr"
          value={link}
          aria-describedby={noteId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--primary" onClick={() => void copyLink()}>
          {t("inviteForm.copy")}
        </button>
      </div>
      <p role="status" className="copy-row__status">
        {copy === "copied" && t("inviteForm.copied")}
        {copy === "failed" && t("inviteForm.copyFailed")}
      </p>
      <button type="button" className="button" onClick={onAnother}>
        {t("inviteForm.another")}
      </button>
    </div>
  );
}
