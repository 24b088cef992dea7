import type { Party } from "@plenary/protocol";
import { describe, expect, it } from "vitest";
import { countryName, partyColours, partyFacts } from "../src/parties/partyFacts.ts";

const kenya: Party = {
  id: "party-kenya",
  kind: "member-state",
  name: "Kenya",
  stakeholderGroup: "government",
  iso: "KE",
  regionalGroup: "african",
};
const openNet: Party = {
  id: "party-open-net",
  kind: "organisation",
  name: "Open Networks Alliance",
  stakeholderGroup: "civil-society",
  country: "IN",
};

describe("party badges", () => {
  it("show a Member State's regional group, and an organisation's stakeholder group and country", () => {
    expect(partyFacts(kenya)).toEqual({
      kind: "member-state",
      regionalGroup: "african",
      stakeholderGroup: null,
      country: null,
    });
    expect(partyFacts(openNet)).toEqual({
      kind: "organisation",
      regionalGroup: null,
      stakeholderGroup: "civil-society",
      country: "IN",
    });
    expect(partyFacts({ id: "g77", kind: "state-group", name: "G77", stakeholderGroup: "government" })).toEqual({
      kind: "state-group",
      regionalGroup: null,
      stakeholderGroup: null,
      country: null,
    });
  });

  it("take one colour per stakeholder group", () => {
    expect(partyColours(kenya)).toEqual(partyColours({ stakeholderGroup: "government" }));
    expect(partyColours(kenya)).not.toEqual(partyColours(openNet));
  });

  it("name countries in the interface's language", () => {
    expect(countryName("ke", "en")).toBe("Kenya");
    expect(countryName("KE", "fr")).toBe("Kenya");
    expect(countryName("IN", "es")).toBe("India");
  });
});
