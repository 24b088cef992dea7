import type { TextProblem } from "@plenary/protocol";
import { type ReactNode, type RefObject, useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { en } from "../i18n/locales/en.ts";
import type { FieldProblem } from "./validation.ts";

/** What a field gives its input, select or text area: its id and the links to its hint and error. */
export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

interface FieldProps {
  label: string;
  hint?: string;
  /** The sentence saying what is wrong, if anything. */
  error?: string | null;
  optional?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and error, both linked to it with `aria-describedby`. */
export function Field({ label, hint, error, optional = false, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
        {optional && <span className="field__optional"> {t("forms.optional")}</span>}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({
        id,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": true as const } : {}),
      })}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The sentence for a field's problem: the field's own sentence (which says
 * what the field needs), or the general one for text that is too long or
 * that is not plain text.
 */
export function useProblemMessage(): (problem: FieldProblem | undefined, fieldMessage: string) => string | null {
  const { t } = useTranslation();
  return useCallback(
    (problem, fieldMessage) => {
      if (!problem) return null;
      if (problem.kind === "tooLong") return t("forms.tooLong", { max: problem.max });
      if (problem.kind === "notPlainText") return t(plainTextMessageKey(problem.problem));
      return fieldMessage;
    },
    [t],
  );
}

/** The key of the sentence that says what is wrong with a text that is not plain text. */
export function plainTextMessageKey(problem: TextProblem): `plainText.${keyof (typeof en)["plainText"]}` {
  return problem === "line-break" ? "plainText.lineBreak" : `plainText.${problem}`;
}

/**
 * After a refused submission, moves the focus to the form's first invalid
 * control, whose description then reads out what is wrong.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>): () => void {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, form]);
  return useCallback(() => setAttempt((count) => count + 1), []);
}

/**
 * A refusal of the whole form (by the server, or the network): an alert that
 * takes the focus when it appears, so the person hears it and starts from it.
 * Give it a new `key` for each submission so that a repeated refusal is heard again.
 */
export function FormAlert({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} className="notice notice--error form-alert" role="alert" tabIndex={-1}>
      {children}
    </div>
  );
}
