import * as Y from "yjs";
import type { Storage, StoredText } from "./storage.ts";

/** Applies a stored text (snapshot, then logged updates in order) to `ydoc`, in one transaction. */
export function replayText(ydoc: Y.Doc, text: StoredText): void {
  ydoc.transact(() => {
    if (text.snapshot) Y.applyUpdate(ydoc, text.snapshot);
    for (const update of text.updates) Y.applyUpdate(ydoc, update);
  });
}

/** A new Y.Doc holding a draft's stored text; undefined for an unknown draft. */
export function loadYDoc(storage: Storage, draftId: string): Y.Doc | undefined {
  const text = storage.loadText(draftId);
  if (!text) return undefined;
  const ydoc = new Y.Doc();
  replayText(ydoc, text);
  return ydoc;
}
