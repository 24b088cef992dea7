import { create } from "zustand";
import type { Person } from "./people.ts";

/** The people in the open draft, from the collaboration provider's awareness. */
interface PresenceState {
  people: Person[];
  setPeople(people: Person[]): void;
}

/** Who is in the open draft right now. */
export const usePresenceStore = create<PresenceState>()((set) => ({
  people: [],
  setPeople: (people) => set({ people }),
}));
