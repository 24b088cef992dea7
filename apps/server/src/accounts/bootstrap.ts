import { ErrorCode } from "@plenary/protocol";
import { HttpError } from "../http/respond.ts";
import type { Accounts } from "./service.ts";
import { newId } from "./tokens.ts";

/**
 * The setting that records that a real facilitator was configured (by the variables of the
 * first start, or by `create-facilitator`): from then on the demo accounts are disabled.
 */
export const FACILITATOR_CONFIGURED = "facilitator-configured";

/** What is needed to make the first facilitator of a new installation. */
export interface FacilitatorBootstrap {
  email: string;
  password: string;
  displayName: string;
  /** Title of the process to create when the installation has none. */
  processTitle: string;
  /** Name of the facilitator's party (created as an intergovernmental organisation when missing). */
  partyName: string;
}

/**
 * Makes a facilitator account: in the first process, or in a new process when
 * there is none. Refuses an e-mail address that already has an account. Records
 * that a real facilitator is configured ({@link FACILITATOR_CONFIGURED}).
 */
export async function createFacilitator(accounts: Accounts, request: FacilitatorBootstrap, now = () => new Date()) {
  if (request.password.length < 10) {
    throw new HttpError(400, ErrorCode.InvalidInput, "Use a password of at least 10 characters.");
  }
  const store = accounts.store;
  const process =
    store.listProcesses()[0] ??
    (() => {
      const created = {
        id: newId("process"),
        title: request.processTitle,
        description: "",
        createdAt: now().toISOString(),
      };
      store.createProcess(created);
      return created;
    })();
  const party =
    store.listParties().find((candidate) => candidate.name === request.partyName) ??
    (() => {
      const created = {
        id: newId("party"),
        kind: "organisation" as const,
        name: request.partyName,
        stakeholderGroup: "intergovernmental" as const,
      };
      store.createParty(created);
      return created;
    })();
  const user = await accounts.createAccount({
    email: request.email,
    password: request.password,
    displayName: request.displayName,
    partyId: party.id,
    processId: process.id,
    role: "facilitator",
  });
  store.putSetting(FACILITATOR_CONFIGURED, user.createdAt);
  return { user, process, party };
}
