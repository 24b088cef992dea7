import type { DraftSummary } from "@plenary/protocol";
import { create } from "zustand";
import { fetchDrafts } from "./draftsApi.ts";

/** The list of drafts as the home page shows it. */
interface DraftsState {
  status: "idle" | "loading" | "ready" | "error";
  drafts: DraftSummary[];
  /** Fetches the list again; concurrent calls share one request. */
  load(): Promise<void>;
}

let pending: Promise<void> | null = null;

/** The drafts on the server. */
export const useDraftsStore = create<DraftsState>()((set) => ({
  status: "idle",
  drafts: [],
  load() {
    pending ??= (async () => {
      set((state) => ({ status: state.status === "ready" ? "ready" : "loading" }));
      const result = await fetchDrafts();
      if (result.ok) set({ status: "ready", drafts: sortByLastChange(result.value) });
      else set({ status: "error" });
    })().finally(() => {
      pending = null;
    });
    return pending;
  },
}));

/** The drafts, most recently changed first. */
export function sortByLastChange(drafts: readonly DraftSummary[]): DraftSummary[] {
  return [...drafts].sort(
    (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.title.localeCompare(b.title),
  );
}
