import { SUGGESTIONS_CHANGED } from "@plenary/protocol";
import type { Editor } from "@tiptap/react";
import { useEffect } from "react";
import type { DraftSession } from "../editor/draftSession.ts";
import { paragraphNumbersKey } from "../editor/paragraphNumbers.ts";
import { suggestionsInText } from "./highlights.ts";
import { useSuggestionsStore } from "./suggestionsStore.ts";

/** How long after the set of suggestions in the text changed the list is loaded again (at most once in that time). */
const SETTLE_MS = 400;

/**
 * Keeps the open draft's suggestions live. The list (metadata: rationale,
 * support, replies, outcomes) is loaded when the draft opens, when the server
 * says it changed (a stateless message on the collaboration socket), when a
 * suggestion appears in or leaves the text (the server registers new ones as
 * their text arrives, without a message), and when this browser's changes
 * have reached the server while one of its suggestions is still missing from
 * the list. The text of pending suggestions and their paragraph labels are
 * read from the live text at most once a frame, so cards follow every keystroke
 * without asking the server.
 */
export function useSuggestionsFeed(
  session: DraftSession | null,
  editor: Editor,
  draftId: string,
  processId: string | null,
): void {
  useEffect(() => {
    useSuggestionsStore.getState().open(draftId, processId);
  }, [draftId, processId]);

  useEffect(() => {
    if (!session) return;
    const store = useSuggestionsStore.getState;
    const refresh = () => void store().refresh();
    let idsAtLastLoad = "";
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;

    const idsInText = () => [...store().textOrder].sort().join(" ");
    const loadIfSetChanged = () => {
      timer = undefined;
      const ids = idsInText();
      if (ids === idsAtLastLoad) return;
      idsAtLastLoad = ids;
      refresh();
    };
    const readText = () => {
      frame = 0;
      if (editor.isDestroyed) return;
      const labels = paragraphNumbersKey.getState(editor.state)?.labels ?? [];
      store().setInText(suggestionsInText(editor.state.doc, labels));
      if (timer === undefined && idsInText() !== idsAtLastLoad) timer = setTimeout(loadIfSetChanged, SETTLE_MS);
    };
    const onUpdate = () => {
      if (frame === 0) frame = requestAnimationFrame(readText);
    };
    const onStateless = ({ payload }: { payload: string }) => {
      if (payload === SUGGESTIONS_CHANGED) refresh();
    };
    const onUnsynced = ({ number }: { number: number }) => {
      if (number !== 0) return;
      const listed = new Set(store().suggestions.map((suggestion) => suggestion.id));
      if (store().textOrder.some((id) => !listed.has(id))) refresh();
    };

    editor.on("update", onUpdate);
    session.provider.on("stateless", onStateless);
    session.provider.on("unsyncedChanges", onUnsynced);
    session.provider.on("synced", refresh);
    readText();
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      editor.off("update", onUpdate);
      session.provider.off("stateless", onStateless);
      session.provider.off("unsyncedChanges", onUnsynced);
      session.provider.off("synced", refresh);
    };
  }, [session, editor]);
}
