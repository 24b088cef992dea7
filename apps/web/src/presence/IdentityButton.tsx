import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_NAME_LENGTH } from "./identity.ts";
import { useIdentityStore } from "./identityStore.ts";
import { useIdentity } from "./useIdentity.ts";

/** Shows the name others see, and opens a small dialog to change it. */
export function IdentityButton() {
  const { t } = useTranslation();
  const user = useIdentity();
  const chooseName = useIdentityStore((state) => state.chooseName);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draftName, setDraftName] = useState(user.name);
  const [invalid, setInvalid] = useState(false);
  const ids = { title: useId(), input: useId(), hint: useId(), error: useId() };

  const open = () => {
    setDraftName(user.name);
    setInvalid(false);
    dialogRef.current?.showModal();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chooseName(draftName)) {
      setInvalid(true);
      return;
    }
    dialogRef.current?.close();
  };

  return (
    <>
      <button type="button" className="identity-button" onClick={open} title={t("identity.buttonHint")}>
        <span className="identity-button__swatch" style={{ backgroundColor: user.color }} aria-hidden="true" />
        <span data-testid="identity-name">{t("identity.button", { name: user.name })}</span>
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={ids.title}>
        <form onSubmit={submit} noValidate>
          <h2 id={ids.title} className="dialog__title">
            {t("identity.dialogTitle")}
          </h2>
          <label htmlFor={ids.input} className="field__label">
            {t("identity.nameLabel")}
          </label>
          <input
            id={ids.input}
            className="field__input"
            type="text"
            autoComplete="nickname"
            maxLength={MAX_NAME_LENGTH}
            value={draftName}
            aria-describedby={invalid ? `${ids.hint} ${ids.error}` : ids.hint}
            aria-invalid={invalid || undefined}
            onChange={(event) => setDraftName(event.target.value)}
          />
          <p id={ids.hint} className="field__hint">
            {t("identity.nameHint")}
          </p>
          {invalid && (
            <p id={ids.error} className="field__error" role="alert">
              {t("identity.empty")}
            </p>
          )}
          <div className="dialog__actions">
            <button type="submit" className="button button--primary">
              {t("identity.save")}
            </button>
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              {t("identity.cancel")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
