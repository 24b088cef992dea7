import { create } from "zustand";
import { type ConnectionFacts, INITIAL_FACTS } from "./connectionState.ts";

/** The link between this browser and the server for the open draft. */
interface ConnectionStore extends ConnectionFacts {
  /** Records new facts (from provider events or the browser's online/offline events). */
  update(facts: Partial<ConnectionFacts>): void;
  /** Forgets everything, when a draft is closed or opened again. */
  reset(): void;
}

/** The connection to the server for the open draft. */
export const useConnectionStore = create<ConnectionStore>()((set) => ({
  ...INITIAL_FACTS,
  online: typeof navigator === "undefined" ? true : navigator.onLine,
  update: (facts) => set(facts),
  reset: () => set({ ...INITIAL_FACTS, online: navigator.onLine }),
}));
