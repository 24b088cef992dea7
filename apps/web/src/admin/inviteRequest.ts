import type { PartyKind } from "@plenary/protocol";

/** Roles a facilitator can invite someone to. */
export const INVITED_ROLES = ["delegate", "observer", "facilitator"] as const;
/** Kinds of new party, in the order the form offers them. */
export const PARTY_KINDS: readonly PartyKind[] = ["member-state", "state-group", "organisation"];
/** How long a link may last, in hours, as the form offers it. */
export const EXPIRIES = ["24", "72", "168", "336", "720"] as const;

/** The form before anything is filled in. */
export const EMPTY_INVITE = {
  role: "delegate" as (typeof INVITED_ROLES)[number],
  source: "existing" as "existing" | "new",
  partyId: "",
  kind: "member-state" as PartyKind,
  name: "",
  iso: "",
  regionalGroup: "",
  stakeholderGroup: "",
  country: "",
  email: "",
  expiresInHours: "72" as (typeof EXPIRIES)[number],
};

/** What the invitation form holds, as typed. */
export type InviteValues = typeof EMPTY_INVITE;

/** The request a filled-in form stands for; only the fields of the chosen kind of party are sent. */
export function inviteRequestOf(values: InviteValues): unknown {
  const common = {
    role: values.role,
    expiresInHours: Number(values.expiresInHours),
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
  };
  if (values.source === "existing") return { ...common, partyId: values.partyId };
  const name = values.name;
  switch (values.kind) {
    case "member-state":
      return { ...common, party: { kind: values.kind, name, iso: values.iso, regionalGroup: values.regionalGroup } };
    case "state-group":
      return { ...common, party: { kind: values.kind, name } };
    case "organisation":
      return {
        ...common,
        party: { kind: values.kind, name, stakeholderGroup: values.stakeholderGroup, country: values.country },
      };
  }
}
