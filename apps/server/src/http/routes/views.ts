import type { ApplicationView, DraftSummary, ProcessSummary } from "@plenary/protocol";
import type { ApplicationRecord, ProcessRecord } from "../../accounts/records.ts";
import type { Accounts } from "../../accounts/service.ts";
import type { DraftRecord } from "../../storage/storage.ts";

/** A draft as lists show it. */
export function draftSummary({ id, processId, title, updatedAt }: DraftRecord): DraftSummary {
  return { id, processId, title, updatedAt };
}

/** A process as lists show it. */
export function processSummary({ id, title, description }: ProcessRecord): ProcessSummary {
  return { id, title, description };
}

/** An application with its organisation and applicant. */
export function applicationView(accounts: Accounts, record: ApplicationRecord): ApplicationView {
  const user = accounts.store.getUser(record.userId);
  const organisation = accounts.store.getParty(record.partyId);
  if (!user || !organisation) throw new Error(`Application ${record.id} refers to a missing user or party`);
  return {
    id: record.id,
    processId: record.processId,
    organisation,
    contactName: record.contactName,
    email: user.email,
    statement: record.statement,
    status: record.status,
    reason: record.reason,
    decidedAt: record.decidedAt,
    createdAt: record.createdAt,
  };
}
