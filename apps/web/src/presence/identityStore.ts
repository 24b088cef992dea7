import { create } from "zustand";
import { cleanName, guestNumber } from "./identity.ts";

const NAME_KEY = "plenary.displayName";
const GUEST_KEY = "plenary.guestNumber";

/** The person using this browser, until sign-in exists: a chosen name, or a guest number. */
interface IdentityState {
  /** The name the person chose; null until they choose one. */
  chosenName: string | null;
  /** Used for the default name ("Guest 4821") while no name is chosen. */
  guestNumber: number;
  /** Stores a chosen name on this device; returns false if it was empty after cleaning. */
  chooseName(raw: string): boolean;
}

/** The identity of the person using this browser, kept in localStorage. */
export const useIdentityStore = create<IdentityState>()((set) => ({
  chosenName: cleanName(read(NAME_KEY) ?? ""),
  guestNumber: storedGuestNumber(),
  chooseName(raw) {
    const name = cleanName(raw);
    if (name === null) return false;
    write(NAME_KEY, name);
    set({ chosenName: name });
    return true;
  },
}));

function storedGuestNumber(): number {
  const stored = Number(read(GUEST_KEY));
  if (Number.isInteger(stored) && stored >= 1000 && stored <= 9999) return stored;
  const fresh = guestNumber();
  write(GUEST_KEY, String(fresh));
  return fresh;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage may be refused (private browsing); the name then lasts for this page only.
  }
}
