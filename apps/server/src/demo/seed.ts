import { jsonToYDoc } from "@plenary/schema";
import * as Y from "yjs";
import type { Storage } from "../storage/storage.ts";
import { demoDraft } from "./demo-draft.ts";

/** Loads the demo negotiation into an empty store; does nothing when any draft exists. */
export function seedDemo(storage: Storage): boolean {
  if (storage.listDrafts().length > 0) return false;
  const state = Y.encodeStateAsUpdate(jsonToYDoc(demoDraft.doc));
  storage.createDraft({ id: demoDraft.id, title: demoDraft.title, state });
  return true;
}
