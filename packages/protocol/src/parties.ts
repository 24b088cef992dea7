/** The UN regional groups of Member States. */
export const REGIONAL_GROUPS = {
  african: "African States",
  "asia-pacific": "Asia-Pacific States",
  "eastern-european": "Eastern European States",
  grulac: "Latin American and Caribbean States (GRULAC)",
  weog: "Western European and other States (WEOG)",
} as const;

/** One of the five UN regional groups. */
export type RegionalGroup = keyof typeof REGIONAL_GROUPS;

/**
 * Stakeholder groups. Member States and groups of States are "government";
 * accredited organisations belong to one of the others.
 */
export const STAKEHOLDER_GROUPS = {
  government: "Governments",
  intergovernmental: "Intergovernmental organisations",
  "civil-society": "Civil society",
  "private-sector": "Private sector",
  "technical-community": "Technical community",
  academia: "Academia",
} as const;

/** One of the stakeholder groups. */
export type StakeholderGroup = keyof typeof STAKEHOLDER_GROUPS;

/** Stakeholder groups an organisation may apply under (not "government"). */
export const ORGANISATION_GROUPS = [
  "intergovernmental",
  "civil-society",
  "private-sector",
  "technical-community",
  "academia",
] as const satisfies readonly StakeholderGroup[];

/**
 * One colour per stakeholder group, used for badges and (later) suggestions
 * everywhere in the interface. Chosen to be told apart by people with common
 * colour-vision deficiencies (Okabe–Ito palette), with text on them at WCAG AA
 * contrast (at least 4.5:1).
 */
export const STAKEHOLDER_COLOURS: Record<StakeholderGroup, { background: string; text: string }> = {
  government: { background: "#0072B2", text: "#ffffff" },
  intergovernmental: { background: "#56B4E9", text: "#0b1b26" },
  "civil-society": { background: "#D55E00", text: "#000000" },
  "private-sector": { background: "#7A5C00", text: "#ffffff" },
  "technical-community": { background: "#009E73", text: "#0b1b26" },
  academia: { background: "#CC79A7", text: "#1d0b16" },
};

/** What a party is: a Member State, a group of States, or an organisation. */
export type PartyKind = "member-state" | "state-group" | "organisation";

/** A party: whoever a proposal is attributed to. Every user belongs to exactly one. */
export interface Party {
  id: string;
  kind: PartyKind;
  name: string;
  /** The party's stakeholder group ("government" for States and groups of States). */
  stakeholderGroup: StakeholderGroup;
  /** Member States: ISO 3166-1 alpha-2 code. */
  iso?: string;
  /** Member States: UN regional group. */
  regionalGroup?: RegionalGroup;
  /** Organisations: ISO 3166-1 alpha-2 code of the country where it is based. */
  country?: string;
}
