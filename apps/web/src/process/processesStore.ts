import type { ProcessListResponse, ProcessSummary } from "@plenary/protocol";
import { create } from "zustand";
import { apiGet } from "../api/http.ts";

/** The negotiation processes on the server, for lists and for naming a process by its id. */
interface ProcessesState {
  status: "idle" | "loading" | "ready" | "error";
  processes: ProcessSummary[];
  /** Fetches the list; concurrent calls share one request. */
  load(): Promise<void>;
}

let pending: Promise<void> | null = null;

/** Every process (all are public). */
export const useProcessesStore = create<ProcessesState>()((set) => ({
  status: "idle",
  processes: [],
  load() {
    pending ??= (async () => {
      set((state) => ({ status: state.status === "ready" ? "ready" : "loading" }));
      const result = await apiGet<ProcessListResponse>("/api/processes");
      if (result.ok && Array.isArray(result.value.processes))
        set({ status: "ready", processes: result.value.processes });
      else set((state) => ({ status: state.status === "ready" ? "ready" : "error" }));
    })().finally(() => {
      pending = null;
    });
    return pending;
  },
}));

/** The title of a process, once the list has been loaded; else null. */
export function useProcessTitle(processId: string): string | null {
  return useProcessesStore((state) => state.processes.find((process) => process.id === processId)?.title ?? null);
}
