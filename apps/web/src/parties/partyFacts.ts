import { type Party, type RegionalGroup, STAKEHOLDER_COLOURS, type StakeholderGroup } from "@plenary/protocol";

/** What a badge says about a party besides its name, as data to translate. */
export interface PartyFacts {
  kind: Party["kind"];
  /** Member States: their UN regional group. */
  regionalGroup: RegionalGroup | null;
  /** Organisations: their stakeholder group (States and groups of States are all "government"). */
  stakeholderGroup: StakeholderGroup | null;
  /** Organisations: where they are based (ISO 3166-1 alpha-2). */
  country: string | null;
}

/** The facts a party's badge shows: its kind, then its regional group (States) or stakeholder group and country (organisations). */
export function partyFacts(party: Party): PartyFacts {
  return {
    kind: party.kind,
    regionalGroup: party.kind === "member-state" ? (party.regionalGroup ?? null) : null,
    stakeholderGroup: party.kind === "organisation" ? party.stakeholderGroup : null,
    country: party.kind === "organisation" ? (party.country ?? null) : null,
  };
}

/** The colours of a party's stakeholder group, the same everywhere in the interface. */
export function partyColours(party: Pick<Party, "stakeholderGroup">): { background: string; text: string } {
  return STAKEHOLDER_COLOURS[party.stakeholderGroup] ?? STAKEHOLDER_COLOURS.government;
}

/** A country's name in the interface's language ("KE" → "Kenya", "Кения"…); the code itself if unknown. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "region", fallback: "code" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
