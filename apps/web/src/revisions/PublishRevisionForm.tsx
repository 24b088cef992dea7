import type { RevisionSummary } from "@plenary/protocol";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../api/errorMessage.ts";
import { apiSend } from "../api/http.ts";
import { Field, FormAlert, plainTextMessageKey } from "../forms/Field.tsx";
import { MAX_NAME, MAX_NOTE, type PublishRequestResult, publishRequest } from "./publishRequest.ts";
import { revisionsApiPaths } from "./revisionPaths.ts";
import { nextRevisionName } from "./versions.ts";

type Problems = Extract<PublishRequestResult, { ok: false }>["problems"];

type Outcome =
  | { kind: "none" }
  | { kind: "published"; name: string }
  | { kind: "refused"; message: string; attempt: number };

/**
 * The facilitators' form to publish the live text as the next revision, with
 * an optional name and note. Revisions cannot be changed or withdrawn, so it
 * asks for confirmation first.
 */
export function PublishRevisionForm({
  draftId,
  revisions,
  onPublished,
}: {
  draftId: string;
  revisions: readonly RevisionSummary[];
  onPublished: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "none" });
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const ids = { heading: useId(), title: useId(), body: useId() };
  const defaultName = nextRevisionName(revisions);
  const checked = publishRequest({ name, note });
  const chosenName = checked.ok ? (checked.request.name ?? defaultName) : defaultName;

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    dialog.current?.showModal();
    // A revision is for good: the safe answer has the focus.
    cancel.current?.focus();
  };

  const publish = async () => {
    if (!checked.ok) return;
    setSending(true);
    const result = await apiSend<RevisionSummary>("POST", revisionsApiPaths.list(draftId), checked.request);
    dialog.current?.close();
    setSending(false);
    if (!result.ok) {
      setOutcome((before) => ({
        kind: "refused",
        message: apiErrorMessage(t, result),
        attempt: before.kind === "refused" ? before.attempt + 1 : 0,
      }));
      return;
    }
    setName("");
    setNote("");
    await onPublished();
    setOutcome({ kind: "published", name: result.value.name });
  };

  const noteError =
    problems.note === "tooLong"
      ? t("forms.tooLong", { max: MAX_NOTE })
      : problems.note
        ? t(plainTextMessageKey(problems.note))
        : null;
  const nameError =
    problems.name === "tooLong"
      ? t("forms.tooLong", { max: MAX_NAME })
      : problems.name
        ? t(plainTextMessageKey(problems.name))
        : null;

  return (
    <section className="page-section publish-revision" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t("revisions.publish.title")}</h2>
      <p className="publish-revision__intro">{t("revisions.publish.intro")}</p>
      <div role="status">
        {outcome.kind === "published" && (
          <p className="notice notice--success" data-testid="revision-published">
            {t("revisions.publish.published", { name: outcome.name })}
          </p>
        )}
      </div>
      {outcome.kind === "refused" && (
        <FormAlert key={outcome.attempt}>
          <p>{outcome.message}</p>
        </FormAlert>
      )}
      <form className="form" onSubmit={ask} noValidate>
        <Field
          label={t("revisions.publish.name")}
          hint={t("revisions.publish.nameHint", { name: defaultName })}
          error={nameError}
          optional
        >
          {(control) => (
            <input
              {...control}
              className="field__input"
              type="text"
              dir="auto"
              maxLength={MAX_NAME}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t("revisions.publish.note")} hint={t("revisions.publish.noteHint")} error={noteError} optional>
          {(control) => (
            <textarea
              {...control}
              className="field__input field__input--area"
              dir="auto"
              maxLength={MAX_NOTE}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={sending}>
            {t("revisions.publish.submit")}
          </button>
        </div>
      </form>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby={ids.title}
        aria-describedby={ids.body}
        onClose={() => setSending(false)}
      >
        <h2 id={ids.title} className="dialog__title" dir="auto">
          {t("revisions.publish.confirmTitle", { name: chosenName })}
        </h2>
        <p id={ids.body}>{t("revisions.publish.confirmBody")}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" disabled={sending} onClick={() => void publish()}>
            {sending ? t("revisions.publish.publishing") : t("revisions.publish.confirm")}
          </button>
          <button ref={cancel} type="button" className="button" onClick={() => dialog.current?.close()}>
            {t("revisions.publish.cancel")}
          </button>
        </div>
      </dialog>
    </section>
  );
}
