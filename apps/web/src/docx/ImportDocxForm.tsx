import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { apiErrorMessage } from "../api/errorMessage.ts";
import { Field, FormAlert } from "../forms/Field.tsx";
import { processPaths } from "../process/processPaths.ts";
import { looksLikeDocx, MAX_IMPORT_BYTES } from "./docxPaths.ts";
import { type ImportResponse, importDocx } from "./importApi.ts";
import { importProblemOf, warningKindOf } from "./importOutcome.ts";
import "./docx.css";

/**
 * Facilitators: a Word document as a new draft of the process. After the
 * upload, what could not be converted is listed (each kind named in the
 * interface's language, with the server's sentence naming the paragraphs) with
 * a link to the new draft; a refusal says why.
 */
export function ImportDocxForm({ processId, onImported }: { processId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ attempt: number; text: string; detail: string | null } | null>(null);
  const [title, setTitle] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const attempts = useRef(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const file = fileInput.current?.files?.[0];
    const problem = !file
      ? t("docx.import.chooseFile")
      : !looksLikeDocx(file.name)
        ? t("docx.import.notDocx")
        : file.size > MAX_IMPORT_BYTES
          ? t("docx.import.tooLarge")
          : null;
    setFileError(problem);
    setFailure(null);
    if (problem || !file) {
      fileInput.current?.focus();
      return;
    }
    setBusy(true);
    setResult(null);
    const answer = await importDocx(processId, file, title);
    setBusy(false);
    attempts.current += 1;
    if (answer.ok) {
      setResult(answer.value);
      setTitle("");
      if (fileInput.current) fileInput.current.value = "";
      onImported();
      return;
    }
    const kind = importProblemOf(answer);
    setFailure({
      attempt: attempts.current,
      text:
        kind === "general"
          ? apiErrorMessage(t, answer)
          : t(
              kind === "tooLarge"
                ? "docx.import.tooLarge"
                : kind === "notDocx"
                  ? "docx.import.notDocx"
                  : "docx.import.unreadable",
            ),
      detail: kind === "unreadable" ? answer.message : null,
    });
  };

  return (
    <section className="page-section docx-import" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("docx.import.title")}</h2>
      <p className="docx-import__intro">{t("docx.import.intro")}</p>
      <form className="docx-import__form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <Field label={t("docx.import.file")} hint={t("docx.import.fileHint")} error={fileError}>
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              type="file"
              name="file"
              className="field__input docx-import__file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              disabled={busy}
              onChange={() => setFileError(null)}
            />
          )}
        </Field>
        <Field label={t("docx.import.titleLabel")} hint={t("docx.import.titleHint")} optional>
          {(control) => (
            <input
              {...control}
              type="text"
              name="title"
              className="field__input"
              maxLength={200}
              value={title}
              disabled={busy}
              onChange={(event) => setTitle(event.target.value)}
              dir="auto"
            />
          )}
        </Field>
        <p className="link-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("docx.import.importing") : t("docx.import.submit")}
          </button>
        </p>
      </form>
      <div aria-live="polite" className="docx-import__status" data-testid="docx-import-status">
        {busy && (
          <p className="docx-import__progress">
            <progress aria-label={t("docx.import.importing")} /> {t("docx.import.importing")}
          </p>
        )}
        {result && <ImportResult result={result} />}
      </div>
      {failure && (
        <FormAlert key={failure.attempt}>
          <p>{failure.text}</p>
          {failure.detail && (
            <p lang="en" dir="ltr">
              {failure.detail}
            </p>
          )}
        </FormAlert>
      )}
    </section>
  );
}

function ImportResult({ result }: { result: ImportResponse }) {
  const { t } = useTranslation();
  const paragraphs = result.blocks.filter((block) => block.kind !== "section").length;
  return (
    <div className="notice notice--success docx-import__result" data-testid="docx-import-result">
      <p>
        <strong dir="auto">{t("docx.import.done", { title: result.draft.title })}</strong>{" "}
        {t("docx.import.paragraphs", { count: paragraphs })}
      </p>
      {result.warnings.length === 0 ? (
        <p>{t("docx.import.noWarnings")}</p>
      ) : (
        <>
          <h3 className="docx-import__warnings-title">{t("docx.import.warningsTitle")}</h3>
          <ul className="docx-import__warnings" data-testid="docx-import-warnings">
            {result.warnings.map((warning, index) => (
              // The server may give several warnings of one kind; their order is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced, never reordered
              <li key={index} data-code={warning.code}>
                <strong>{t(`docx.import.kinds.${warningKindOf(warning.code)}`)}</strong>{" "}
                <span lang="en" dir="ltr">
                  {warning.message}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link href={processPaths.draft(result.draft.id)} className="button button--primary">
          {t("docx.import.open")}
        </Link>
      </p>
    </div>
  );
}
