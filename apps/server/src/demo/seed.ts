import type { Party } from "@plenary/protocol";
import { jsonToYDoc } from "@plenary/schema";
import * as Y from "yjs";
import { FACILITATOR_CONFIGURED } from "../accounts/bootstrap.ts";
import type { Accounts } from "../accounts/service.ts";
import type { Storage } from "../storage/storage.ts";
import { demoDraft } from "./demo-draft.ts";

/** The demo negotiation process. */
export const DEMO_PROCESS = {
  id: "demo-review",
  title: "Review of the Global Framework on Digital Cooperation",
  description:
    "A fictional intergovernmental review, loaded so that a new installation has something to negotiate. " +
    "Member States negotiate the outcome document; accredited stakeholders propose language in their own layer.",
};

/** Parties of the demo: a few Member States, a group of States and organisations from several stakeholder groups. */
export const DEMO_PARTIES: Party[] = [
  {
    id: "party-secretariat",
    kind: "organisation",
    name: "Review Secretariat",
    stakeholderGroup: "intergovernmental",
    country: "CH",
  },
  {
    id: "party-kenya",
    kind: "member-state",
    name: "Kenya",
    stakeholderGroup: "government",
    iso: "KE",
    regionalGroup: "african",
  },
  {
    id: "party-brazil",
    kind: "member-state",
    name: "Brazil",
    stakeholderGroup: "government",
    iso: "BR",
    regionalGroup: "grulac",
  },
  {
    id: "party-norway",
    kind: "member-state",
    name: "Norway",
    stakeholderGroup: "government",
    iso: "NO",
    regionalGroup: "weog",
  },
  { id: "party-g77", kind: "state-group", name: "Group of 77 and China", stakeholderGroup: "government" },
  {
    id: "party-open-net",
    kind: "organisation",
    name: "Open Networks Alliance",
    stakeholderGroup: "civil-society",
    country: "IN",
  },
  {
    id: "party-uni-lab",
    kind: "organisation",
    name: "Digital Policy Lab, University of Accra",
    stakeholderGroup: "academia",
    country: "GH",
  },
];

/** Demo accounts, one per role; their passwords are printed by `scripts/start` for local trial only. */
export const DEMO_ACCOUNTS = [
  {
    role: "facilitator",
    email: "facilitator@demo.plenary",
    displayName: "Amina Diallo",
    partyId: "party-secretariat",
    password: "demo-facilitator",
  },
  {
    role: "delegate",
    email: "kenya@demo.plenary",
    displayName: "Joseph Mwangi",
    partyId: "party-kenya",
    password: "demo-delegate-ke",
  },
  {
    role: "delegate",
    email: "brazil@demo.plenary",
    displayName: "Luisa Ferreira",
    partyId: "party-brazil",
    password: "demo-delegate-br",
  },
  {
    role: "observer",
    email: "opennet@demo.plenary",
    displayName: "Priya Raman",
    partyId: "party-open-net",
    password: "demo-observer",
  },
] as const;

/**
 * Loads the demo negotiation (process, parties, accounts, zero draft) into an
 * empty store; does nothing when any process exists. Returns whether it did.
 */
export async function seedDemo(
  storage: Storage,
  accounts: Accounts,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  if (accounts.store.listProcesses().length > 0 || storage.listDrafts().length > 0) return false;
  accounts.store.transaction(() => {
    accounts.store.createProcess({ ...DEMO_PROCESS, createdAt: now().toISOString() });
    for (const party of DEMO_PARTIES) accounts.store.createParty(party);
  });
  for (const account of DEMO_ACCOUNTS) await accounts.createAccount({ ...account, processId: DEMO_PROCESS.id });
  const state = Y.encodeStateAsUpdate(jsonToYDoc(demoDraft.doc));
  storage.createDraft({ id: demoDraft.id, processId: DEMO_PROCESS.id, title: demoDraft.title, state });
  return true;
}

/** Whether any demo account can be signed in to (their passwords are published in this file). */
export function demoAccountsActive(accounts: Accounts): boolean {
  return DEMO_ACCOUNTS.some((account) => {
    const user = accounts.store.findUserByEmail(account.email);
    return user !== undefined && accounts.isEnabled(user);
  });
}

/**
 * Disables the demo accounts once a real facilitator has been configured: their passwords are
 * public, so they must not keep a role in a real negotiation. Their past contributions stay
 * attributed to them. Returns whether it disabled any.
 */
export function retireDemoAccounts(accounts: Accounts): boolean {
  if (accounts.store.getSetting(FACILITATOR_CONFIGURED) === undefined) return false;
  let retired = false;
  for (const account of DEMO_ACCOUNTS) {
    const user = accounts.store.findUserByEmail(account.email);
    if (!user || !accounts.isEnabled(user)) continue;
    accounts.disableAccount(user.id);
    retired = true;
  }
  return retired;
}
