import { STAKEHOLDER_GROUPS, type StakeholderGroup } from "@plenary/protocol";
import { type KeyboardEvent, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { inTextOrder, type LayerContext, parseLayer, type StatusFilter, visibleSuggestions } from "./layers.ts";
import { SuggestionCard, type Viewer } from "./SuggestionCard.tsx";
import { listActionOf } from "./suggestionShortcuts.ts";
import { useSuggestionsStore } from "./suggestionsStore.ts";

interface SuggestionsPanelProps {
  draftId: string;
  viewer: Viewer;
  onShowInText(id: string): void;
}

/** The side panel: the layers to show, then the suggestions in them, in document order, then the decided ones. */
export function SuggestionsPanel({ draftId, viewer, onShowInText }: SuggestionsPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const suggestions = useSuggestionsStore((state) => state.suggestions);
  const parties = useSuggestionsStore((state) => state.parties);
  const layer = useSuggestionsStore((state) => state.layer);
  const status = useSuggestionsStore((state) => state.status);
  const loaded = useSuggestionsStore((state) => state.loaded);
  const failed = useSuggestionsStore((state) => state.failed);
  const activeId = useSuggestionsStore((state) => state.activeId);
  const textOrder = useSuggestionsStore((state) => state.textOrder);

  const context: LayerContext = useMemo(
    () => ({ groupOf: (party) => parties.get(party)?.stakeholderGroup, me: viewer.userId }),
    [parties, viewer.userId],
  );
  const ordered = useMemo(() => inTextOrder(suggestions, textOrder), [suggestions, textOrder]);
  const shown = useMemo(() => visibleSuggestions(ordered, layer, status, context), [ordered, layer, status, context]);

  return (
    <section className="suggestions-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="suggestions-panel__title">
        {t("suggestions.panelTitle")}
      </h2>
      <LayerFilters signedIn={viewer.userId !== null} />
      {failed && (
        <p className="notice notice--warning" role="alert">
          {t("suggestions.failed")}
        </p>
      )}
      <p className="suggestions-panel__count" role="status">
        {loaded ? t("suggestions.count", { shown: shown.length, total: suggestions.length }) : t("suggestions.loading")}
      </p>
      {loaded && shown.length === 0 && <p className="suggestions-panel__empty">{t("suggestions.empty")}</p>}
      {shown.length > 0 && (
        <ol className="suggestions-panel__list" onKeyDown={moveWithLetters}>
          {shown.map((suggestion) => (
            <li key={suggestion.id}>
              <SuggestionCard
                suggestion={suggestion}
                draftId={draftId}
                viewer={viewer}
                active={suggestion.id === activeId}
                onShowInText={onShowInText}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The layers: whose suggestions to show (everyone, a stakeholder group, one party, mine) and which statuses. */
function LayerFilters({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const layerId = useId();
  const statusId = useId();
  const layer = useSuggestionsStore((state) => state.layer);
  const status = useSuggestionsStore((state) => state.status);
  const parties = useSuggestionsStore((state) => state.parties);
  const sortedParties = useMemo(() => [...parties.values()].sort((a, b) => a.name.localeCompare(b.name)), [parties]);
  const groups = Object.keys(STAKEHOLDER_GROUPS) as StakeholderGroup[];

  return (
    <fieldset className="layer-filters">
      <legend className="layer-filters__legend">{t("suggestions.layers.title")}</legend>
      <div className="layer-filters__field">
        <label htmlFor={layerId}>{t("suggestions.layers.whose")}</label>
        <select
          id={layerId}
          value={layer}
          onChange={(event) => useSuggestionsStore.getState().setLayer(parseLayer(event.target.value))}
        >
          <option value="all">{t("suggestions.layers.everyone")}</option>
          {signedIn && <option value="mine">{t("suggestions.layers.mine")}</option>}
          <optgroup label={t("suggestions.layers.groups")}>
            {groups.map((group) => (
              <option key={group} value={`group:${group}`}>
                {group === "government" ? t("suggestions.layers.memberStates") : t(`parties.stakeholderGroup.${group}`)}
              </option>
            ))}
          </optgroup>
          {sortedParties.length > 0 && (
            <optgroup label={t("suggestions.layers.parties")}>
              {sortedParties.map((party) => (
                <option key={party.id} value={`party:${party.id}`}>
                  {party.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="layer-filters__field">
        <label htmlFor={statusId}>{t("suggestions.layers.status")}</label>
        <select
          id={statusId}
          value={status}
          onChange={(event) => useSuggestionsStore.getState().setStatus(event.target.value as StatusFilter)}
        >
          <option value="pending">{t("suggestions.layers.pending")}</option>
          <option value="decided">{t("suggestions.layers.decided")}</option>
          <option value="all">{t("suggestions.layers.allStatuses")}</option>
        </select>
      </div>
    </fieldset>
  );
}

/** j and k move focus to the next or previous card when focus is on a card or one of its buttons, not in a field. */
function moveWithLetters(event: KeyboardEvent<HTMLOListElement>): void {
  const target = event.target as HTMLElement;
  if (target.closest("textarea, input, select")) return;
  const action = listActionOf(event);
  if (!action) return;
  const cards = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(".suggestion-card"));
  const current = cards.findIndex((card) => card.contains(target));
  if (current === -1) return;
  event.preventDefault();
  const next = cards[current + (action === "next" ? 1 : -1)];
  next?.focus();
}
