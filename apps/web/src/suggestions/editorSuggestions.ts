import { STAKEHOLDER_COLOURS } from "@plenary/protocol";
import type { SuggestionRef } from "@plenary/schema";
import { collectSuggestions } from "@plenary/suggestions";
import { TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { type RefObject, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { adjacentSuggestion, suggestionAt } from "./highlights.ts";
import { inLayer, type LayerContext } from "./layers.ts";
import { type HighlightStyle, restyle } from "./suggestionHighlights.ts";
import { suggestionActionOf } from "./suggestionShortcuts.ts";
import { decide } from "./suggestionsApi.ts";
import { useSuggestionsStore } from "./suggestionsStore.ts";

/** The layer context of the store as it is now. */
export function currentLayerContext(me: string | null): LayerContext {
  const { parties } = useSuggestionsStore.getState();
  return { groupOf: (party) => parties.get(party)?.stakeholderGroup, me };
}

/**
 * Keeps the editor's drawing of suggestions in step with what it depends on:
 * the parties (their colours and names), the chosen layer, the active
 * suggestion and the interface language. Writes the style into `styleRef`,
 * which the editor's SuggestionHighlights extension reads, and asks it to redraw.
 */
export function useHighlightStyle(editor: Editor, styleRef: RefObject<HighlightStyle>, me: string | null): void {
  const { t } = useTranslation();
  const parties = useSuggestionsStore((state) => state.parties);
  const suggestions = useSuggestionsStore((state) => state.suggestions);
  const layer = useSuggestionsStore((state) => state.layer);
  const activeId = useSuggestionsStore((state) => state.activeId);

  useEffect(() => {
    const byId = new Map(suggestions.map((suggestion) => [suggestion.id, suggestion]));
    const context: LayerContext = { groupOf: (party) => parties.get(party)?.stakeholderGroup, me };
    const who = (ref: SuggestionRef) => {
      const known = byId.get(ref.id);
      if (known) return `${known.party.name} (${known.author.displayName})`;
      return parties.get(ref.party)?.name ?? t("suggestions.markTitle.unknownParty");
    };
    styleRef.current = {
      version: styleRef.current.version + 1,
      colourOf: (ref) => {
        const group = parties.get(ref.party)?.stakeholderGroup;
        return group ? STAKEHOLDER_COLOURS[group].background : null;
      },
      titleOf: (ref, type, block) =>
        t(`suggestions.markTitle.${block ? (type === "insertion" ? "newBlock" : "blockDeletion") : type}`, {
          party: who(ref),
        }),
      shown: (ref) => inLayer(ref, layer, context),
      activeId,
    };
    if (!editor.isDestroyed) editor.view.dispatch(restyle(editor.state.tr));
  }, [editor, styleRef, me, t, parties, suggestions, layer, activeId]);
}

/** Follows the caret: while the text has focus, the suggestion under the caret becomes the active one. */
export function useCaretSuggestion(editor: Editor): void {
  useEffect(() => {
    const follow = () => {
      if (!editor.isFocused) return;
      const ref = suggestionAt(editor.state.doc, editor.state.selection.head);
      const store = useSuggestionsStore.getState();
      if ((ref?.id ?? null) !== store.activeId) store.setActive(ref?.id ?? null);
    };
    editor.on("selectionUpdate", follow);
    editor.on("focus", follow);
    return () => {
      editor.off("selectionUpdate", follow);
      editor.off("focus", follow);
    };
  }, [editor]);
}

/**
 * Puts the caret at a suggestion (switching to the marked-up view) and makes it
 * the active one. With `focus`, the text takes focus; otherwise focus stays
 * where it is (the card, when moving with the keyboard in the panel). Returns
 * false when the suggestion is no longer in the text.
 */
export function showSuggestionInText(
  editor: Editor,
  id: string,
  options: { focus: boolean; reveal: boolean },
): boolean {
  const found = collectSuggestions(editor.state.doc).find((suggestion) => suggestion.id === id);
  if (!found) return false;
  const store = useSuggestionsStore.getState();
  if (store.view !== "markup") store.setView("markup");
  placeCaret(editor, found.from);
  store.setActive(id, options.reveal);
  if (options.focus) editor.commands.focus();
  return true;
}

/** Moves to the next or previous suggestion in the chosen layer; returns its id, or null when there is none. */
export function moveToSuggestion(editor: Editor, direction: 1 | -1, me: string | null): string | null {
  const { layer, activeId } = useSuggestionsStore.getState();
  const context = currentLayerContext(me);
  const items = collectSuggestions(editor.state.doc).filter((suggestion) => inLayer(suggestion, layer, context));
  const target = adjacentSuggestion(items, { id: activeId, pos: editor.state.selection.head }, direction);
  if (!target) return null;
  const inText = editor.view.dom.contains(document.activeElement);
  showSuggestionInText(editor, target.id, { focus: inText, reveal: true });
  return target.id;
}

function placeCaret(editor: Editor, pos: number): void {
  const { state } = editor;
  const $pos = state.doc.resolve(Math.min(pos, state.doc.content.size));
  editor.view.dispatch(state.tr.setSelection(TextSelection.near($pos, 1)).scrollIntoView());
}

/**
 * The suggestion shortcuts, wherever focus is on the draft's page: Alt+] and
 * Alt+[ move between suggestions; for facilitators, Alt+A accepts the active
 * one and Alt+R opens its rejection form. Reports a refused decision through
 * `onError`.
 */
export function useSuggestionShortcuts(
  editor: Editor,
  options: { draftId: string; canDecide: boolean; me: string | null; onError(message: string): void },
): void {
  const { draftId, canDecide, me, onError } = options;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = suggestionActionOf(event);
      if (!action) return;
      if (action === "next" || action === "previous") {
        event.preventDefault();
        moveToSuggestion(editor, action === "next" ? 1 : -1, me);
        return;
      }
      if (!canDecide) return;
      const store = useSuggestionsStore.getState();
      const active = store.suggestions.find((suggestion) => suggestion.id === store.activeId);
      if (active?.status !== "pending") return;
      event.preventDefault();
      if (action === "reject") {
        // The form takes focus when it opens, which brings it into view.
        store.setActive(active.id);
        store.setRejecting(active.id);
        return;
      }
      void decide(draftId, { id: active.id }, { decision: "accept", reason: "" }).then((result) => {
        if (!result.ok) onError(result.message);
        void useSuggestionsStore.getState().refresh();
      });
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [editor, draftId, canDecide, me, onError]);
}
