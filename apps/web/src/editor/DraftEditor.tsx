import { can } from "@plenary/protocol";
import { plenaryExtensions, TEXT_FIELD } from "@plenary/schema";
import { acceptAll, rejectAll, type Suggester } from "@plenary/suggestions";
import Collaboration, { isChangeOrigin } from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import type { Node as PMNode } from "@tiptap/pm/model";
import { type Editor, EditorContent, useEditor } from "@tiptap/react";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useIdentity } from "../presence/useIdentity.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { editModeOf, roleForDraft } from "../suggestions/editMode.ts";
import {
  showSuggestionInText,
  useCaretSuggestion,
  useHighlightStyle,
  useSuggestionShortcuts,
} from "../suggestions/editorSuggestions.ts";
import { StaticText } from "../suggestions/StaticText.tsx";
import { SuggestionControls } from "../suggestions/SuggestionControls.tsx";
import { SuggestionsPanel } from "../suggestions/SuggestionsPanel.tsx";
import { type HighlightStyle, SuggestionHighlights } from "../suggestions/suggestionHighlights.ts";
import { proposeDeletingParagraph, SuggestionMode, type TypingAs } from "../suggestions/suggestionMode.ts";
import { type TextView, useSuggestionsStore } from "../suggestions/suggestionsStore.ts";
import { useSuggestionsFeed } from "../suggestions/useSuggestionsFeed.ts";
import "../suggestions/suggestions.css";
import { renderCaret, renderSelection } from "./caret.ts";
import type { DraftSession } from "./draftSession.ts";
import { PlenaryKeymap } from "./keymap.ts";
import { ParagraphNumbers } from "./paragraphNumbers.ts";
import { Toolbar } from "./Toolbar.tsx";

interface DraftEditorProps {
  session: DraftSession;
  /** The draft's process, when known (null when the draft was opened offline from this device's copy). */
  processId: string | null;
  /** Whether the text has arrived; until then the editor is read-only, so nothing typed is lost in a merge. */
  hasText: boolean;
  /** Whether the server lets this person change the text. */
  writable: boolean;
  /** Shown above the suggestions in the side column (the people in the draft). */
  aside: ReactNode;
}

const INITIAL_STYLE: HighlightStyle = {
  version: 0,
  colourOf: () => null,
  titleOf: () => "",
  shown: () => true,
  activeId: null,
};

/**
 * The live text of a draft with its toolbar, shared with everyone who has it
 * open; the suggestions on it (drawn in the text, listed in the side panel);
 * and the views of it as if all were accepted, or as it was.
 */
export function DraftEditor({ session, processId, hasText, writable, aside }: DraftEditorProps) {
  const { t } = useTranslation();
  const user = useIdentity();
  const account = useSessionStore((state) => state.session);
  const role = roleForDraft(account.memberships, processId);
  const [facilitatorSuggests, setFacilitatorSuggests] = useState(false);
  const mode = editModeOf(role, facilitatorSuggests);
  const suggester: Suggester | null = useMemo(
    () => (account.user && account.party ? { author: account.user.id, party: account.party.id } : null),
    [account.user, account.party],
  );
  const me = account.user?.id ?? null;

  // Read by the editor's extensions on every transaction, so they follow the person's choices at once.
  const typingAs = useRef<TypingAs>({ mode, suggester });
  typingAs.current = { mode, suggester };
  const style = useRef<HighlightStyle>(INITIAL_STYLE);

  const editor = useEditor(
    {
      extensions: [
        ...plenaryExtensions({ filterTransaction: (tr) => !isChangeOrigin(tr) }),
        Collaboration.configure({ document: session.ydoc, field: TEXT_FIELD, provider: session.provider }),
        CollaborationCaret.configure({
          provider: session.provider,
          user,
          render: renderCaret,
          selectionRender: renderSelection,
        }),
        ParagraphNumbers,
        PlenaryKeymap.configure({ suggesting: () => typingAs.current.mode === "suggesting" }),
        SuggestionMode.configure({ typingAs: () => typingAs.current }),
        SuggestionHighlights.configure({ style: () => style.current }),
      ],
      editable: false,
      // Its base styles come from styles/prosemirror.css: the CSP refuses an injected <style>.
      injectCSS: false,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: editorAttributes(t("editor.label"), false) },
    },
    [session],
  );

  useSuggestionsFeed(session, editor, session.draftId, processId);
  useHighlightStyle(editor, style, me);
  useCaretSuggestion(editor);
  const [shortcutError, setShortcutError] = useState<string | null>(null);
  useSuggestionShortcuts(editor, {
    draftId: session.draftId,
    canDecide: can(role, "suggestion.decide"),
    me,
    onError: setShortcutError,
  });

  const partyId = account.party?.id ?? null;
  const viewer = useMemo(() => ({ role, userId: me, partyId }), [role, me, partyId]);
  const view = useSuggestionsStore((state) => state.view);
  const label = t("editor.label");
  const editable = hasText && writable && mode !== "reading";
  useEffect(() => {
    editor.setOptions({ editorProps: { attributes: editorAttributes(label, editable) } });
    editor.setEditable(editable);
  }, [editor, label, editable]);

  const [refusedDeletion, setRefusedDeletion] = useState(false);
  const proposeDeletion = useCallback(() => {
    if (!suggester) return;
    setRefusedDeletion(!proposeDeletingParagraph(editor, suggester));
    editor.commands.focus();
  }, [editor, suggester]);
  const showInText = useCallback(
    (id: string) => showSuggestionInText(editor, id, { focus: true, reveal: false }),
    [editor],
  );

  return (
    <div className="draft-workspace">
      <div className="draft-main">
        <SuggestionControls
          mode={mode}
          canChoose={can(role, "draft.edit") && suggester !== null}
          onChooseMode={setFacilitatorSuggests}
          party={account.party}
        />
        {shortcutError && (
          <p className="notice notice--error" role="alert">
            {shortcutError}
          </p>
        )}
        {refusedDeletion && (
          <p className="notice notice--warning" role="alert">
            {t("suggestions.proposeDeletionRefused")}
          </p>
        )}
        <Toolbar
          editor={editor}
          suggesting={mode === "suggesting"}
          inactive={view !== "markup"}
          {...(suggester ? { onProposeDeletion: proposeDeletion } : {})}
        />
        <div className="draft-text-frame" aria-busy={!hasText} hidden={view !== "markup"}>
          {!hasText && (
            <p className="draft-text-waiting" role="status">
              {t("draft.waitingForText")}
            </p>
          )}
          <EditorContent editor={editor} />
        </div>
        {view !== "markup" && <DerivedText editor={editor} view={view} />}
      </div>
      <aside className="draft-side" aria-label={t("suggestions.sideLabel")}>
        {aside}
        <SuggestionsPanel draftId={session.draftId} viewer={viewer} onShowInText={showInText} />
      </aside>
    </div>
  );
}

/** The text as if every suggestion were accepted, or as it was before any: computed from the live text, and kept live. */
function DerivedText({ editor, view }: { editor: Editor; view: Exclude<TextView, "markup"> }) {
  const { t } = useTranslation();
  const derive = useCallback((doc: PMNode) => (view === "accepted" ? acceptAll(doc) : rejectAll(doc)), [view]);
  const [doc, setDoc] = useState(() => derive(editor.state.doc));

  useEffect(() => {
    setDoc(derive(editor.state.doc));
    let frame = 0;
    // At most once a frame, however fast the text changes.
    const update = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setDoc(derive(editor.state.doc));
      });
    };
    editor.on("update", update);
    return () => {
      editor.off("update", update);
      cancelAnimationFrame(frame);
    };
  }, [editor, derive]);

  return (
    <div className="draft-text-frame">
      <StaticText
        doc={doc}
        label={t(view === "accepted" ? "suggestions.view.acceptedLabel" : "suggestions.view.originalLabel")}
      />
    </div>
  );
}

function editorAttributes(label: string, editable: boolean): Record<string, string> {
  return {
    role: "textbox",
    "aria-label": label,
    "aria-multiline": "true",
    "aria-readonly": String(!editable),
    class: "draft-text",
    // The text's own language may differ from the interface's; let each document find its direction.
    dir: "auto",
    spellcheck: "true",
  };
}
