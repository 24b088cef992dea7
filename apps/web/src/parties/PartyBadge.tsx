import type { Party } from "@plenary/protocol";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { countryName, partyColours, partyFacts } from "./partyFacts.ts";

interface PartyBadgeProps {
  party: Party;
  /**
   * Shows the name only, keeping the kind and group for screen readers and as
   * a tooltip: for tight places such as a suggestion's margin.
   */
  compact?: boolean;
}

/**
 * A party as a badge: its name, kind, and regional group (Member States) or
 * stakeholder group and country (organisations), marked with its stakeholder
 * group's colour (`STAKEHOLDER_COLOURS`). The colour is never the only signal:
 * the group is always in the text, shown or (compact) for screen readers.
 */
export function PartyBadge({ party, compact = false }: PartyBadgeProps) {
  const { t, i18n } = useTranslation();
  const facts = partyFacts(party);
  const details = [t(`parties.kind.${facts.kind}`)];
  if (facts.regionalGroup) details.push(t(`parties.regionalGroup.${facts.regionalGroup}`));
  if (facts.stakeholderGroup) details.push(t(`parties.stakeholderGroup.${facts.stakeholderGroup}`));
  if (facts.country) details.push(countryName(facts.country, i18n.resolvedLanguage ?? "en"));
  const description = details.join(" · ");
  const style = { "--party-background": partyColours(party).background } as CSSProperties;

  return (
    <span
      className={compact ? "party-chip party-chip--compact" : "party-chip"}
      style={style}
      data-stakeholder-group={party.stakeholderGroup}
      title={compact ? description : undefined}
    >
      <span className="party-chip__name" dir="auto">
        {party.name}
      </span>
      {compact ? (
        <span className="visually-hidden">{` (${description})`}</span>
      ) : (
        <span className="party-chip__details">
          <span className="visually-hidden">{" ("}</span>
          {description}
          <span className="visually-hidden">{")"}</span>
        </span>
      )}
    </span>
  );
}
