import { can, type Role, type SuggestionView } from "@plenary/protocol";
import { type FormEvent, memo, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiResult } from "../api/http.ts";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { placeOf } from "./place.ts";
import { type DecisionTarget, decide, postReply, saveRationale, setSupport, withdraw } from "./suggestionsApi.ts";
import { useSuggestionsStore } from "./suggestionsStore.ts";

/** Who is looking at the card, and what they may do. */
export interface Viewer {
  role: Role;
  userId: string | null;
  partyId: string | null;
}

interface SuggestionCardProps {
  suggestion: SuggestionView;
  draftId: string;
  viewer: Viewer;
  active: boolean;
  /** Moves the caret to the suggestion in the text. */
  onShowInText(id: string): void;
}

/**
 * One suggestion in the side panel: where and whose it is, what it changes,
 * its rationale, supporters and thread, its outcome, and what the viewer may
 * do about it (support, reply, accept or reject, withdraw, write the rationale).
 */
export const SuggestionCard = memo(function SuggestionCard({
  suggestion: listed,
  draftId,
  viewer,
  active,
  onShowInText,
}: SuggestionCardProps) {
  const { t, i18n } = useTranslation();
  // A pending suggestion's text and place as the live text has them now (the list may be a moment behind).
  const live = useSuggestionsStore((state) => (listed.status === "pending" ? state.inText.get(listed.id) : undefined));
  const suggestion = useMemo(
    () =>
      live
        ? {
            ...listed,
            inserted: live.inserted,
            deleted: live.deleted,
            blocks: live.blocks,
          }
        : listed,
    [listed, live],
  );
  const titleId = useId();
  const articleRef = useRef<HTMLElement>(null);
  const reveal = useSuggestionsStore((state) => state.revealId === suggestion.id);
  const rejectingOne = useSuggestionsStore((state) => state.rejectingId === suggestion.id);
  const [rejectingMany, setRejectingMany] = useState<DecisionTarget | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!reveal) return;
    const article = articleRef.current;
    if (!article) return;
    article.scrollIntoView({ block: "nearest" });
    // Follow with focus only when moving through the panel, never out of a field being written in.
    const focused = document.activeElement;
    const inPanel = article.closest(".suggestions-panel")?.contains(focused) ?? false;
    if (inPanel && !focused?.matches("textarea, input, select")) article.focus();
  }, [reveal]);

  const pending = suggestion.status === "pending";
  const place = placeOf(suggestion, t("suggestions.unnumbered"));
  const isAuthor = viewer.userId !== null && suggestion.author.id === viewer.userId;
  const ownParty = viewer.partyId !== null && suggestion.party.id === viewer.partyId;
  const supportedByUs = suggestion.supporters.some((supporter) => supporter.party.id === viewer.partyId);
  const canDecide = pending && can(viewer.role, "suggestion.decide");
  const date = (at: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(at));

  const run = async (action: () => Promise<ApiResult<unknown>>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    void useSuggestionsStore.getState().refresh();
    return true;
  };

  const rejectTarget = rejectingOne ? { id: suggestion.id } : rejectingMany;
  const closeReject = () => {
    setRejectingMany(null);
    if (rejectingOne) useSuggestionsStore.getState().setRejecting(null);
  };
  const firstBlock = suggestion.blocks[0];

  return (
    <article
      ref={articleRef}
      className="suggestion-card"
      aria-labelledby={titleId}
      aria-current={active ? "true" : undefined}
      tabIndex={-1}
      data-suggestion-id={suggestion.id}
      data-party={suggestion.party.id}
      data-status={suggestion.status}
      onFocus={(event) => {
        if (event.target === event.currentTarget) useSuggestionsStore.getState().setActive(suggestion.id);
      }}
    >
      <header className="suggestion-card__header">
        <h3 id={titleId} className="suggestion-card__title">
          {place} · {t(`suggestions.kind.${suggestion.kind}`)}
        </h3>
        <span className={`status-pill status-pill--${suggestion.status}`}>
          {t(`suggestions.status.${suggestion.status}`)}
        </span>
      </header>
      <p className="suggestion-card__by">
        <span dir="auto">{suggestion.author.displayName}</span> <PartyBadge party={suggestion.party} compact />
      </p>
      <p className="suggestion-card__diff">
        {suggestion.deleted && (
          <del className="diff-del">
            <span className="visually-hidden">{t("suggestions.deleted")} </span>
            <span dir="auto">{suggestion.deleted}</span>
          </del>
        )}
        {suggestion.deleted && suggestion.inserted && " "}
        {suggestion.inserted && (
          <ins className="diff-ins">
            <span className="visually-hidden">{t("suggestions.inserted")} </span>
            <span dir="auto">{suggestion.inserted}</span>
          </ins>
        )}
      </p>
      {pending && (
        <button type="button" className="link-button" onClick={() => onShowInText(suggestion.id)}>
          {t("suggestions.showInText")}
        </button>
      )}

      {isAuthor && pending ? (
        <RationaleForm
          initial={suggestion.rationale}
          busy={busy}
          onSave={(rationale) => run(() => saveRationale(draftId, suggestion.id, rationale))}
        />
      ) : (
        suggestion.rationale && (
          <p className="suggestion-card__rationale">
            <strong>{t("suggestions.rationale")}:</strong> <span dir="auto">{suggestion.rationale}</span>
          </p>
        )
      )}

      {suggestion.supporters.length > 0 && (
        <p className="suggestion-card__supporters">
          {t("suggestions.supportedBy", {
            parties: suggestion.supporters.map((supporter) => supporter.party.name).join(", "),
          })}
        </p>
      )}

      {!pending && (
        <p className="suggestion-card__outcome">
          {t("suggestions.decidedBy", {
            status: t(`suggestions.status.${suggestion.status}`),
            name: suggestion.decidedBy?.displayName ?? "—",
            date: suggestion.decidedAt ? date(suggestion.decidedAt) : "—",
          })}
          {suggestion.reason && (
            <>
              {" "}
              <span className="suggestion-card__reason" dir="auto">
                {t("suggestions.reason", { reason: suggestion.reason })}
              </span>
            </>
          )}
        </p>
      )}

      <div className="suggestion-card__actions">
        {pending && can(viewer.role, "suggestion.support") && !ownParty && (
          <button
            type="button"
            className="button button--small"
            aria-pressed={supportedByUs}
            disabled={busy}
            onClick={() => run(() => setSupport(draftId, suggestion.id, !supportedByUs))}
          >
            {t("suggestions.support")}
          </button>
        )}
        {canDecide && (
          <>
            <button
              type="button"
              className="button button--small button--primary"
              disabled={busy}
              onClick={() => run(() => decide(draftId, { id: suggestion.id }, { decision: "accept", reason: "" }))}
            >
              {t("suggestions.accept")}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={busy}
              aria-expanded={rejectingOne}
              onClick={() => useSuggestionsStore.getState().setRejecting(rejectingOne ? null : suggestion.id)}
            >
              {t("suggestions.reject")}
            </button>
          </>
        )}
        {isAuthor && pending && (
          <button
            type="button"
            className="button button--small button--quiet"
            disabled={busy}
            onClick={() => run(() => withdraw(draftId, suggestion.id))}
          >
            {t("suggestions.withdraw")}
          </button>
        )}
      </div>

      {canDecide && (
        <details className="suggestion-card__more">
          <summary>{t("suggestions.moreDecisions")}</summary>
          <div className="suggestion-card__bulk">
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() =>
                run(() => decide(draftId, { partyId: suggestion.party.id }, { decision: "accept", reason: "" }))
              }
            >
              {t("suggestions.acceptAllOfParty", { party: suggestion.party.name })}
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => setRejectingMany({ partyId: suggestion.party.id })}
            >
              {t("suggestions.rejectAllOfParty", { party: suggestion.party.name })}
            </button>
            {firstBlock && (
              <>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  onClick={() =>
                    run(() => decide(draftId, { blockId: firstBlock.id }, { decision: "accept", reason: "" }))
                  }
                >
                  {t("suggestions.acceptAllIn", { place: firstBlock.label ?? t("suggestions.unnumbered") })}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  onClick={() => setRejectingMany({ blockId: firstBlock.id })}
                >
                  {t("suggestions.rejectAllIn", { place: firstBlock.label ?? t("suggestions.unnumbered") })}
                </button>
              </>
            )}
          </div>
        </details>
      )}

      {rejectTarget && canDecide && (
        <RejectForm
          title={rejectTitle(rejectTarget, suggestion, t)}
          busy={busy}
          onCancel={closeReject}
          onReject={async (reason) => {
            if (await run(() => decide(draftId, rejectTarget, { decision: "reject", reason }))) closeReject();
          }}
        />
      )}

      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}

      <Thread
        suggestion={suggestion}
        canReply={can(viewer.role, "suggestion.reply")}
        busy={busy}
        date={date}
        onReply={(text) => run(() => postReply(draftId, suggestion.id, text))}
      />
    </article>
  );
});

type Translate = ReturnType<typeof useTranslation>["t"];

function rejectTitle(target: DecisionTarget, suggestion: SuggestionView, t: Translate): string {
  if ("partyId" in target) return t("suggestions.rejectAllOfParty", { party: suggestion.party.name });
  if ("blockId" in target) {
    const label = suggestion.blocks.find((block) => block.id === target.blockId)?.label;
    return t("suggestions.rejectAllIn", { place: label ?? t("suggestions.unnumbered") });
  }
  return t("suggestions.reject");
}

function RationaleForm({
  initial,
  busy,
  onSave,
}: {
  initial: string;
  busy: boolean;
  onSave(rationale: string): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState(false);
  useEffect(() => setText(initial), [initial]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (text.trim() === "") return;
    setSaved(await onSave(text.trim()));
  };

  return (
    <form className="suggestion-card__form" onSubmit={submit}>
      <label className="field__label" htmlFor={fieldId}>
        {t("suggestions.rationale")}
      </label>
      <textarea
        id={fieldId}
        className="field__input field__input--area"
        rows={2}
        dir="auto"
        value={text}
        placeholder={t("suggestions.rationaleHint")}
        onChange={(event) => {
          setText(event.target.value);
          setSaved(false);
        }}
      />
      <div className="suggestion-card__form-actions">
        <button type="submit" className="button button--small" disabled={busy || text.trim() === initial}>
          {t("suggestions.saveRationale")}
        </button>
        <span role="status" className="suggestion-card__saved">
          {saved ? t("suggestions.rationaleSaved") : ""}
        </span>
      </div>
    </form>
  );
}

function RejectForm({
  title,
  busy,
  onReject,
  onCancel,
}: {
  title: string;
  busy: boolean;
  onReject(reason: string): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const errorId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  useEffect(() => fieldRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === "") {
      setMissing(true);
      fieldRef.current?.focus();
      return;
    }
    await onReject(reason.trim());
  };

  return (
    <form
      className="suggestion-card__form suggestion-card__form--reject"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <label className="field__label" htmlFor={fieldId}>
        {t("suggestions.rejectReason")}
      </label>
      <textarea
        ref={fieldRef}
        id={fieldId}
        className="field__input field__input--area"
        rows={2}
        dir="auto"
        value={reason}
        aria-invalid={missing}
        aria-describedby={missing ? errorId : undefined}
        onChange={(event) => {
          setReason(event.target.value);
          setMissing(false);
        }}
      />
      {missing && (
        <p id={errorId} className="field__error">
          {t("suggestions.reasonRequired")}
        </p>
      )}
      <div className="suggestion-card__form-actions">
        <button type="submit" className="button button--small button--danger" disabled={busy}>
          {t("suggestions.confirmReject")}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {t("suggestions.cancel")}
        </button>
      </div>
    </form>
  );
}

function Thread({
  suggestion,
  canReply,
  busy,
  date,
  onReply,
}: {
  suggestion: SuggestionView;
  canReply: boolean;
  busy: boolean;
  date(at: string): string;
  onReply(text: string): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  if (suggestion.replies.length === 0 && !canReply) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === "") return;
    if (await onReply(text.trim())) {
      setText("");
      setOpen(false);
    }
  };

  return (
    <div className="suggestion-card__thread">
      {suggestion.replies.length > 0 && (
        <ol className="replies" aria-label={t("suggestions.replies")}>
          {suggestion.replies.map((reply) => (
            <li key={reply.id} className="reply">
              <p className="reply__meta">
                <span dir="auto">{reply.author.displayName}</span> <PartyBadge party={reply.party} compact />{" "}
                <time dateTime={reply.at}>{date(reply.at)}</time>
              </p>
              <p className="reply__text" dir="auto">
                {reply.text}
              </p>
            </li>
          ))}
        </ol>
      )}
      {canReply &&
        (open ? (
          <form className="suggestion-card__form" onSubmit={submit}>
            <label className="field__label" htmlFor={fieldId}>
              {t("suggestions.replyLabel")}
            </label>
            <textarea
              id={fieldId}
              className="field__input field__input--area"
              rows={2}
              dir="auto"
              value={text}
              // The form opens on request, so focus follows the person's intent.
              // biome-ignore lint/a11y/noAutofocus: opened by the person's own click
              autoFocus
              onChange={(event) => setText(event.target.value)}
            />
            <div className="suggestion-card__form-actions">
              <button type="submit" className="button button--small" disabled={busy || text.trim() === ""}>
                {t("suggestions.sendReply")}
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setOpen(false)}>
                {t("suggestions.cancel")}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="link-button" onClick={() => setOpen(true)}>
            {t("suggestions.reply")}
          </button>
        ))}
    </div>
  );
}
