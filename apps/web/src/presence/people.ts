import { MAX_NAME_LENGTH, presenceColor } from "./identity.ts";

/** One person connected to a draft, as the list of people shows them. */
export interface Person {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

/**
 * The people in a draft from Yjs awareness states (`clientId → { user: { name, color } }`).
 * The states come from other browsers, so anything malformed is skipped or repaired.
 * You come first, then everyone else by name.
 */
export function peopleOf(states: ReadonlyMap<number, unknown>, selfId: number): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of states) {
    const user = userOf(state);
    if (user === null) continue;
    people.push({ clientId, ...user, isSelf: clientId === selfId });
  }
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

function userOf(state: unknown): { name: string; color: string } | null {
  if (typeof state !== "object" || state === null || !("user" in state)) return null;
  const user: unknown = state.user;
  if (typeof user !== "object" || user === null || !("name" in user)) return null;
  if (typeof user.name !== "string" || user.name.trim() === "") return null;
  const name = user.name.trim().slice(0, MAX_NAME_LENGTH);
  return { name, color: presenceColor("color" in user ? user.color : undefined, name) };
}
