import type { DocJSON, NumberedBlock } from "@plenary/schema";
import type { Party } from "./parties.ts";
import type { Role } from "./roles.ts";

/** The path of the Yjs WebSocket endpoint; the Hocuspocus document name is the draft's id. */
export const COLLAB_PATH = "/collab";

/** Largest WebSocket message the server accepts, in bytes. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** A draft in the list of drafts (`GET /api/drafts`). */
export interface DraftSummary {
  id: string;
  processId: string;
  title: string;
  /** ISO 8601 time of the last change to the text. */
  updatedAt: string;
}

/** `GET /api/drafts` */
export interface DraftListResponse {
  drafts: DraftSummary[];
}

/** `GET /api/drafts/:id`: the current text, with computed paragraph numbers. */
export interface DraftResponse extends DraftSummary {
  doc: DocJSON;
  blocks: NumberedBlock[];
}

/** A negotiation process in lists. */
export interface ProcessSummary {
  id: string;
  title: string;
  description: string;
}

/** `GET /api/processes` */
export interface ProcessListResponse {
  processes: ProcessSummary[];
}

/** `GET /api/processes/:id`: the process, its drafts, the parties taking part, and the caller's role. */
export interface ProcessResponse {
  process: ProcessSummary;
  drafts: DraftSummary[];
  parties: Party[];
  role: Role;
}

/** A person as others see them. */
export interface PersonView {
  id: string;
  displayName: string;
}

/** `GET /api/processes/:id/participants` (facilitators): who takes part, with e-mail addresses. */
export interface ParticipantView {
  user: PersonView & { email: string };
  party: Party;
  role: Exclude<Role, "public">;
  joinedAt: string;
}

/**
 * A participant's role changed, or they were removed from the process (`to` is "public"), by the
 * facilitator `by`, at `at`. `POST …/participants/:userId/role` answers `{participant, change}`
 * (`change` null when the role was that already); `DELETE …/participants/:userId` answers `{change}`.
 */
export interface ParticipantChangeView {
  kind: "role-changed" | "participant-removed";
  processId: string;
  userId: string;
  partyId: string;
  from: Exclude<Role, "public">;
  to: Role;
  by: string;
  at: string;
}

/** An application for accreditation as the facilitators and the applicant see it. */
export interface ApplicationView {
  id: string;
  processId: string;
  organisation: Party;
  contactName: string;
  email: string;
  statement: string;
  status: "pending" | "approved" | "declined";
  reason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** `GET /api/session`: who is signed in (all null when nobody), with the tokens the browser needs. */
export interface SessionResponse {
  user: (PersonView & { email: string }) | null;
  party: Party | null;
  memberships: { processId: string; role: Exclude<Role, "public"> }[];
  applications: ApplicationView[];
  /** What happened to the account that its owner should know, newest first (see {@link AccountNotice}). */
  notices: AccountNotice[];
  /** Echo in the `x-csrf-token` header of every mutating request. */
  csrfToken: string | null;
  /** Give to the WebSocket provider as its token. */
  collabToken: string | null;
}

/**
 * Something that happened to an account while its owner was away. Today one kind: someone
 * applied for accreditation with the account's e-mail address; as the address already had an
 * account, nothing was recorded (the public form answers the same either way, so that it does
 * not tell strangers which addresses have accounts).
 */
export interface AccountNotice {
  id: string;
  kind: "application-with-your-address";
  /** The process applied to, and the organisation named in the application. */
  process: ProcessSummary;
  organisation: string;
  at: string;
}

/**
 * `POST /api/processes/:id/accreditations`: the same answer whether or not the e-mail
 * address has an account. The applicant then signs in with that address and password.
 */
export interface ApplicationReceivedResponse {
  received: true;
}

/** `POST /api/processes/:id/invites`: the single-use link (its token is shown once). */
export interface InviteCreatedResponse {
  token: string;
  /** Path of the page that accepts the invitation, e.g. /invite/abc… */
  path: string;
  role: Exclude<Role, "public">;
  party: Party;
  expiresAt: string;
}

/** `GET /api/invites/:token`: what accepting the invitation will give. */
export interface InviteInfoResponse {
  process: ProcessSummary;
  role: Exclude<Role, "public">;
  party: Party;
  email: string | null;
  expiresAt: string;
}

/** What became of a suggestion. */
export type Disposition = "pending" | "accepted" | "rejected" | "withdrawn";

/** A suggestion with everything people see about it (`GET /api/drafts/:id/suggestions`). */
export interface SuggestionView {
  id: string;
  draftId: string;
  kind: "insertion" | "deletion" | "replacement" | "new-block" | "block-deletion";
  status: Disposition;
  author: PersonView;
  party: Party;
  /** Blocks it touches, with their current labels ("OP 12"; null for unnumbered or removed blocks). */
  blocks: { id: string; label: string | null }[];
  inserted: string;
  deleted: string;
  rationale: string;
  supporters: { party: Party; user: PersonView; at: string }[];
  replies: { id: string; author: PersonView; party: Party; text: string; at: string }[];
  createdAt: string;
  decidedBy: PersonView | null;
  decidedAt: string | null;
  reason: string | null;
}

/** `GET /api/drafts/:id/suggestions` */
export interface SuggestionListResponse {
  suggestions: SuggestionView[];
}

/** The stateless message the server broadcasts on `/collab` when suggestion metadata changes. */
export const SUGGESTIONS_CHANGED = "suggestions-changed";

/** One entry of a draft's audit log (`GET /api/drafts/:id/audit`): who did what to which suggestion, when, why. */
export interface AuditEntryView {
  seq: number;
  at: string;
  actor: PersonView;
  action: string;
  target: string;
  reason: string | null;
}

/** A published revision in lists: "Zero Draft", "Rev.1", … */
export interface RevisionSummary {
  id: string;
  draftId: string;
  number: number;
  name: string;
  note: string;
  publishedBy: PersonView;
  publishedAt: string;
  /** How many suggestions were pending when it was published. */
  pendingCount: number;
}

/** `GET /api/drafts/:id/revisions/:rid`: the revision's agreed text with its paragraph numbers. */
export interface RevisionResponse extends RevisionSummary {
  doc: DocJSON;
  blocks: NumberedBlock[];
}

/** One side of a comparison: a revision, or the live text ("live"). */
export interface VersionRef {
  id: string;
  name: string;
  at: string | null;
}

/** One word-level change in a comparison or history. */
export interface WordChangeView {
  op: "equal" | "insert" | "delete";
  text: string;
}

/** One row of a comparison (see packages/diff `ComparedParagraph`). */
export interface ComparedRowView {
  status: "unchanged" | "changed" | "moved" | "added" | "deleted" | "split" | "merged";
  old: NumberedBlock[];
  new: NumberedBlock[];
  matchedBy: "id" | "similarity" | null;
  textChanged: boolean;
  renumbered: boolean;
  changes: WordChangeView[];
}

/** `GET /api/drafts/:id/compare?from=…&to=…` */
export interface CompareResponse {
  from: VersionRef;
  to: VersionRef;
  rows: ComparedRowView[];
  counts: Record<ComparedRowView["status"], number>;
}

/** One moment in a paragraph's history: its wording in a revision, or a decision that changed it. */
export type HistoryEntry =
  | {
      type: "revision";
      at: string;
      revision: VersionRef;
      /** Null when the paragraph was not in that revision. */
      label: string | null;
      text: string | null;
      changes: WordChangeView[];
    }
  | {
      type: "decision";
      at: string;
      suggestionId: string;
      status: "accepted" | "rejected" | "withdrawn";
      party: Party;
      author: PersonView;
      supporters: Party[];
      decidedBy: PersonView | null;
      reason: string | null;
      inserted: string;
      deleted: string;
      /** The agreed wording right after the decision, and how it changed (accepted decisions). */
      text: string | null;
      changes: WordChangeView[];
    };

/** `GET /api/drafts/:id/paragraphs/:blockId/history` */
export interface HistoryResponse {
  draftId: string;
  blockId: string;
  /** The paragraph's current label and agreed wording (null when it is no longer in the text). */
  current: { label: string | null; text: string } | null;
  entries: HistoryEntry[];
}
