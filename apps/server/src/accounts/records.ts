import type { Party, Role } from "@plenary/protocol";

/** A negotiation process: it holds drafts and participants. */
export interface ProcessRecord {
  id: string;
  title: string;
  description: string;
  createdAt: string;
}

/** A person with an account. */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  partyId: string;
  createdAt: string;
}

/** A signed-in session: the cookie holds the token, the store only its hash. */
export interface SessionRecord {
  tokenHash: string;
  userId: string;
  /** Sent back by the browser in a header on every mutating request (double submit). */
  csrfToken: string;
  /** Hash of the token the browser gives the WebSocket (the cookie stays HTTP-only). */
  collabTokenHash: string;
  createdAt: string;
  expiresAt: string;
}

/** A single-use, expiring invitation bound to a process, a party and a role. */
export interface InviteRecord {
  tokenHash: string;
  processId: string;
  role: Exclude<Role, "public">;
  partyId: string;
  email: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
}

/** The state of an application for accreditation. */
export type ApplicationStatus = "pending" | "approved" | "declined";

/** An organisation's application for accreditation to a process. */
export interface ApplicationRecord {
  id: string;
  processId: string;
  /** The applicant's account (made when applying; it becomes an observer on approval). */
  userId: string;
  /** The organisation's party (made when applying; it takes part only once approved). */
  partyId: string;
  contactName: string;
  statement: string;
  status: ApplicationStatus;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** A participant: a user with a role in a process, and their party. */
export interface ParticipantRecord {
  user: Pick<UserRecord, "id" | "email" | "displayName">;
  party: Party;
  role: Exclude<Role, "public">;
  joinedAt: string;
}

/** Something the owner of an account should learn when they next sign in. */
export interface NoticeRecord {
  id: string;
  userId: string;
  /** Someone applied for accreditation with this account's e-mail address (nothing was recorded). */
  kind: "application-with-your-address";
  processId: string;
  organisation: string;
  createdAt: string;
}
