import type { Party } from "@plenary/protocol";
import { useTranslation } from "react-i18next";
import type { EditMode } from "./editMode.ts";
import { placeOf } from "./place.ts";
import { type TextView, useSuggestionsStore } from "./suggestionsStore.ts";

const VIEWS: readonly TextView[] = ["markup", "accepted", "original"];

interface SuggestionControlsProps {
  mode: EditMode;
  /** Facilitators may choose between editing and suggesting; others cannot. */
  canChoose: boolean;
  onChooseMode(suggesting: boolean): void;
  party: Party | null;
}

/**
 * Above the text: how it is shown (with markup, as if all accepted, original),
 * how this person's changes are made (a facilitator's Editing / Suggesting
 * switch, or a note that they suggest), and whose suggestion the caret is in.
 */
export function SuggestionControls({ mode, canChoose, onChooseMode, party }: SuggestionControlsProps) {
  const { t } = useTranslation();
  const view = useSuggestionsStore((state) => state.view);

  return (
    <div className="suggestion-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("suggestions.view.label")}</legend>
        {VIEWS.map((choice) => (
          <button
            key={choice}
            type="button"
            className="segmented__button"
            aria-pressed={view === choice}
            onClick={() => useSuggestionsStore.getState().setView(choice)}
          >
            {t(`suggestions.view.${choice}`)}
          </button>
        ))}
      </fieldset>
      {canChoose ? (
        <fieldset className="segmented">
          <legend className="visually-hidden">{t("suggestions.mode.label")}</legend>
          <button
            type="button"
            className="segmented__button"
            aria-pressed={mode === "editing"}
            onClick={() => onChooseMode(false)}
          >
            {t("suggestions.mode.editing")}
          </button>
          <button
            type="button"
            className="segmented__button"
            aria-pressed={mode === "suggesting"}
            onClick={() => onChooseMode(true)}
          >
            {t("suggestions.mode.suggesting")}
          </button>
        </fieldset>
      ) : (
        mode === "suggesting" && (
          <p className="suggestion-controls__note">
            {t("suggestions.mode.suggestingAs", { party: party?.name ?? "—" })}
          </p>
        )
      )}
      <CaretSuggestion />
    </div>
  );
}

/** Whose suggestion the caret (or the panel's choice) is on, announced politely as it changes. */
function CaretSuggestion() {
  const { t } = useTranslation();
  const active = useSuggestionsStore((state) =>
    state.activeId === null ? undefined : state.suggestions.find((suggestion) => suggestion.id === state.activeId),
  );
  return (
    <p className="suggestion-controls__caret" aria-live="polite">
      {active
        ? t("suggestions.atCaret", {
            kind: t(`suggestions.kind.${active.kind}`),
            place: placeOf(active, t("suggestions.unnumbered")),
            party: active.party.name,
            author: active.author.displayName,
          })
        : ""}
    </p>
  );
}
