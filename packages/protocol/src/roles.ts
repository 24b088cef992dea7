/** A person's role in a process; "public" is anyone without a role (no account needed). */
export type Role = "facilitator" | "delegate" | "observer" | "public";

/** All roles, most powerful first. */
export const ROLES: readonly Role[] = ["facilitator", "delegate", "observer", "public"];

/**
 * Everything a request or a connection may try to do. The server checks each
 * one against {@link PERMISSIONS}; docs/security.md shows the same table and a
 * test holds the server to it over the real HTTP API and WebSocket.
 */
export const ACTIONS = {
  "process.read": "read a process, its drafts and its parties",
  "draft.read": "read a draft's text (HTTP and a read-only WebSocket)",
  "draft.edit": "edit a draft's text directly over the WebSocket",
  "draft.create": "create a draft in the process",
  "draft.suggest": "propose changes to the text as suggestions attributed to one's party",
  "suggestion.support": "support (co-sponsor) another party's suggestion",
  "suggestion.reply": "reply in the thread under a suggestion",
  "suggestion.decide": "accept or reject suggestions, giving a reason",
  "revision.publish": "publish the current text as a numbered revision (Zero Draft, Rev.1, …)",
  "participants.read": "see the participants list with e-mail addresses",
  "participants.manage": "change a participant's role, or remove them from the process",
  "invite.create": "invite a person with a single-use link bound to a party and role",
  "accreditation.apply": "apply for accreditation as an organisation",
  "accreditation.review": "see the queue of applications and approve or decline them",
} as const;

/** One of {@link ACTIONS}' keys. */
export type Action = keyof typeof ACTIONS;

/** Which roles may do each action. */
export const PERMISSIONS: Record<Action, readonly Role[]> = {
  "process.read": ["facilitator", "delegate", "observer", "public"],
  "draft.read": ["facilitator", "delegate", "observer", "public"],
  "draft.edit": ["facilitator"],
  "draft.create": ["facilitator"],
  "draft.suggest": ["facilitator", "delegate", "observer"],
  "suggestion.support": ["delegate", "observer"],
  "suggestion.reply": ["facilitator", "delegate", "observer"],
  "suggestion.decide": ["facilitator"],
  "revision.publish": ["facilitator"],
  "participants.read": ["facilitator"],
  "participants.manage": ["facilitator"],
  "invite.create": ["facilitator"],
  "accreditation.apply": ["public"],
  "accreditation.review": ["facilitator"],
};

/** Whether `role` may do `action`. */
export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}
