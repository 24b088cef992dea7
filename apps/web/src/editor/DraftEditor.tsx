import { plenaryExtensions, TEXT_FIELD } from "@plenary/schema";
import Collaboration, { isChangeOrigin } from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useIdentity } from "../presence/useIdentity.ts";
import { renderCaret, renderSelection } from "./caret.ts";
import type { DraftSession } from "./draftSession.ts";
import { PlenaryKeymap } from "./keymap.ts";
import { ParagraphNumbers } from "./paragraphNumbers.ts";
import { Toolbar } from "./Toolbar.tsx";

interface DraftEditorProps {
  session: DraftSession;
  /** Whether the text has arrived; until then the editor is read-only, so nothing typed is lost in a merge. */
  hasText: boolean;
  /** Whether the server lets this person change the text. */
  writable: boolean;
}

/** The live text of a draft with its toolbar, shared with everyone who has it open. */
export function DraftEditor({ session, hasText, writable }: DraftEditorProps) {
  const { t } = useTranslation();
  const user = useIdentity();
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
        PlenaryKeymap,
      ],
      editable: false,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: editorAttributes(t("editor.label"), false) },
    },
    [session],
  );

  const label = t("editor.label");
  const editable = hasText && writable;
  useEffect(() => {
    editor.setOptions({ editorProps: { attributes: editorAttributes(label, editable) } });
    editor.setEditable(editable);
  }, [editor, label, editable]);

  return (
    <>
      <Toolbar editor={editor} />
      <div className="draft-text-frame" aria-busy={!hasText}>
        {!hasText && (
          <p className="draft-text-waiting" role="status">
            {t("draft.waitingForText")}
          </p>
        )}
        <EditorContent editor={editor} />
      </div>
    </>
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
