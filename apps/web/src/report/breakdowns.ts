import { REGIONAL_GROUPS, STAKEHOLDER_COLOURS, STAKEHOLDER_GROUPS, type StakeholderGroup } from "@plenary/protocol";
import type { GroupFigures, Metrics } from "@plenary/report";

/** The three ways participation is broken down. */
export type Breakdown = "stakeholderGroup" | "regionalGroup" | "hemisphere";

/** The breakdowns, in the order a page shows them. */
export const BREAKDOWNS: readonly Breakdown[] = ["stakeholderGroup", "regionalGroup", "hemisphere"];

/** One group's line of a breakdown: its key ("civil-society", "african", "none", "south"…) and its figures. */
export interface BreakdownRow {
  key: string;
  figures: GroupFigures;
}

const NOTHING: GroupFigures = { parties: 0, made: 0, supported: 0, accepted: 0, rejected: 0, acceptanceRate: null };

/** Every group a breakdown has, in its fixed order; "none" (regional) and "unknown" (hemisphere) last. */
export const BREAKDOWN_KEYS: Record<Breakdown, readonly string[]> = {
  stakeholderGroup: Object.keys(STAKEHOLDER_GROUPS),
  regionalGroup: [...Object.keys(REGIONAL_GROUPS), "none"],
  hemisphere: ["south", "north", "unknown"],
};

/**
 * The lines of a breakdown: every group, in its fixed order, including
 * groups that took no part (all zero), since absence is worth seeing too.
 */
export function breakdownRows(metrics: Metrics, breakdown: Breakdown): BreakdownRow[] {
  const figures: Record<string, GroupFigures> =
    breakdown === "stakeholderGroup"
      ? metrics.byStakeholderGroup
      : breakdown === "regionalGroup"
        ? metrics.byRegionalGroup
        : metrics.byHemisphere;
  const known = BREAKDOWN_KEYS[breakdown];
  const extra = Object.keys(figures).filter((key) => !known.includes(key));
  return [...known, ...extra].map((key) => ({ key, figures: figures[key] ?? NOTHING }));
}

/** Neutral bars, for groups that mix stakeholder groups (the Global South, organisations without a region). */
export const MIXED_COLOUR = "#4f5761";

/**
 * The colour of a group's bars: a stakeholder group's own colour
 * (STAKEHOLDER_COLOURS); Member States' regional groups in the governments'
 * colour; groups that mix stakeholders in a neutral grey.
 */
export function breakdownColour(breakdown: Breakdown, key: string): string {
  if (breakdown === "stakeholderGroup") {
    return (STAKEHOLDER_COLOURS[key as StakeholderGroup] ?? STAKEHOLDER_COLOURS.government).background;
  }
  if (breakdown === "regionalGroup" && key !== "none") return STAKEHOLDER_COLOURS.government.background;
  return MIXED_COLOUR;
}
