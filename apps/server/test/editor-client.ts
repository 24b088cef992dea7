import type { SessionResponse } from "@plenary/protocol";
import { newBlockId, plenarySchema, TEXT_FIELD, yDocToNode } from "@plenary/schema";
import { type Suggester, suggestTransaction } from "@plenary/suggestions";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { updateYFragment } from "@tiptap/y-tiptap";
import { connectClient, type TestClient } from "./harness.ts";
import { type HttpClient, signedIn } from "./http-client.ts";

let counter = 0;
const ids = {
  suggestionId: () => `t${Date.now().toString(36)}${(++counter).toString(36)}`,
  blockId: () => newBlockId(),
};

/**
 * A participant whose Yjs client edits the way the web editor does: a
 * ProseMirror transaction on the current text, turned into a suggestion by
 * `suggestTransaction` (unless editing directly), written to the Y.Doc with
 * the same binding function the editor uses.
 */
export class EditorClient {
  readonly http: HttpClient;
  readonly collab: TestClient;
  readonly suggester: Suggester;

  private constructor(http: HttpClient, collab: TestClient) {
    this.http = http;
    this.collab = collab;
    const session = http.session as SessionResponse;
    this.suggester = { author: session.user!.id, party: session.party!.id };
  }

  /** Signs in and connects to the draft. */
  static async open(baseUrl: string, account: { email: string; password: string }, draftId: string) {
    const http = await signedIn(baseUrl, account);
    const collab = connectClient(baseUrl, draftId, http.session?.collabToken ?? "");
    await collab.synced;
    return new EditorClient(http, collab);
  }

  get doc(): PMNode {
    return yDocToNode(this.collab.ydoc);
  }

  state(): EditorState {
    return EditorState.create({ schema: plenarySchema(), doc: this.doc });
  }

  /** Makes a suggestion from an ordinary edit; returns false when nothing could be suggested. */
  suggest(edit: (state: EditorState) => Transaction): boolean {
    const state = this.state();
    const tr = suggestTransaction(state, edit(state), this.suggester, ids);
    if (!tr) return false;
    this.write(tr.doc);
    return true;
  }

  /** Edits the text directly (what only facilitators may do). */
  edit(edit: (state: EditorState) => Transaction): void {
    this.write(edit(this.state()).doc);
  }

  write(doc: PMNode): void {
    const ydoc = this.collab.ydoc;
    ydoc.transact(() =>
      updateYFragment(ydoc, ydoc.getXmlFragment(TEXT_FIELD), doc, { mapping: new Map(), isOMark: new Map() }),
    );
  }

  close(): void {
    this.collab.destroy();
  }
}

/** Document position just after `text` in the block with the given id (or at its end without `text`). */
export function positionIn(doc: PMNode, blockId: string, text?: string): number {
  let found: number | undefined;
  doc.forEach((block, offset) => {
    if (block.attrs.id !== blockId) return;
    if (text === undefined) {
      found = offset + block.nodeSize - 1;
      return;
    }
    const at = block.textContent.indexOf(text);
    if (at >= 0) found = offset + 1 + at + text.length;
  });
  if (found === undefined) throw new RangeError(`No "${text}" in block ${blockId}`);
  return found;
}
