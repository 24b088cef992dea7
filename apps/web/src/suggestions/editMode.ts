import { can, ROLES, type Role } from "@plenary/protocol";
import { SUGGESTED } from "@plenary/suggestions";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import type { Transaction } from "@tiptap/pm/state";

/** How this person's typing changes the text: directly, as suggestions, or not at all. */
export type EditMode = "editing" | "suggesting" | "reading";

/**
 * The edit mode of a role: facilitators edit directly unless they chose to
 * suggest; delegates and observers always suggest; everyone else reads.
 */
export function editModeOf(role: Role, facilitatorSuggests: boolean): EditMode {
  if (can(role, "draft.edit")) return facilitatorSuggests ? "suggesting" : "editing";
  if (can(role, "draft.suggest")) return "suggesting";
  return "reading";
}

/**
 * Whether suggestion mode lets a transaction through as it is: it changes no
 * text, it comes from another participant through Yjs (or is this person's own
 * undo coming back from Yjs), or it already is a suggestion.
 */
export function passesThrough(tr: Transaction): boolean {
  return !tr.docChanged || isChangeOrigin(tr) || tr.getMeta(SUGGESTED) === true;
}

/**
 * The person's role for a draft of `processId`. When the process is not known
 * (the draft was opened from this device's copy, offline), the least powerful
 * of their roles, so that nothing is typed that the server would refuse.
 */
export function roleForDraft(
  memberships: readonly { processId: string; role: Role }[],
  processId: string | null,
): Role {
  if (processId !== null) return memberships.find((membership) => membership.processId === processId)?.role ?? "public";
  return (
    memberships.reduce<Role | null>(
      (weakest, { role }) => (weakest === null || ROLES.indexOf(role) > ROLES.indexOf(weakest) ? role : weakest),
      null,
    ) ?? "public"
  );
}
