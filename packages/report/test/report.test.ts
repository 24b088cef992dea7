import type { Party } from "@plenary/protocol";
import { describe, expect, it } from "vitest";
import { hemisphereOf, inputReport, type ProposalFact, participationMetrics, reportCSV } from "../src/index.ts";

const kenya: Party = {
  id: "ke",
  kind: "member-state",
  name: "Kenya",
  stakeholderGroup: "government",
  iso: "KE",
  regionalGroup: "african",
};
const norway: Party = {
  id: "no",
  kind: "member-state",
  name: "Norway",
  stakeholderGroup: "government",
  iso: "NO",
  regionalGroup: "weog",
};
const g77: Party = { id: "g77", kind: "state-group", name: "Group of 77 and China", stakeholderGroup: "government" };
const lab: Party = { id: "lab", kind: "organisation", name: "Lab", stakeholderGroup: "academia", country: "GH" };

function fact(
  id: string,
  party: Party,
  createdAt: string,
  status: ProposalFact["status"],
  decidedAt: string | null = null,
): ProposalFact {
  return {
    id,
    createdAt,
    party,
    author: { id: `u-${id}`, displayName: `Author ${id}` },
    labels: ["OP 1"],
    kind: "insertion",
    inserted: `text ${id}`,
    deleted: "",
    supporters: [],
    status,
    decidedAt,
    decidedBy: decidedAt ? { id: "f", displayName: "Facilitator" } : null,
    reason: status === "rejected" ? "No." : null,
  };
}

describe("inputReport", () => {
  it("keeps only the proposals made in the period, in the order made", () => {
    const facts = [
      fact("late", kenya, "2026-03-01", "pending"),
      fact("early", norway, "2026-01-01", "pending"),
      fact("in", kenya, "2026-02-01", "pending"),
    ];
    expect(inputReport(facts, { from: "2026-01-15", to: "2026-02-15" }).map((r) => r.id)).toEqual(["in"]);
    expect(inputReport(facts, { from: null, to: null }).map((r) => r.id)).toEqual(["early", "in", "late"]);
  });

  it("shows a decision taken after the period's end as pending, without its reason", () => {
    const [row] = inputReport([fact("a", kenya, "2026-01-01", "rejected", "2026-03-01")], {
      from: null,
      to: "2026-02-01",
    });
    expect(row).toMatchObject({ disposition: "pending", reason: null, decidedBy: null });
  });

  it("classifies the hemisphere by a State's own country or an organisation's seat, and groups of States as unknown", () => {
    const rows = inputReport(
      [
        fact("a", kenya, "1", "pending"),
        fact("b", norway, "2", "pending"),
        fact("c", g77, "3", "pending"),
        fact("d", lab, "4", "pending"),
      ],
      { from: null, to: null },
    );
    expect(rows.map((r) => r.hemisphere)).toEqual(["south", "north", "unknown", "south"]);
    expect(hemisphereOf("cn")).toBe("south");
  });
});

describe("participationMetrics", () => {
  it("counts acceptance over decided proposals only", () => {
    const rows = inputReport(
      [
        fact("a", kenya, "1", "accepted", "5"),
        fact("b", kenya, "2", "rejected", "5"),
        fact("c", kenya, "3", "withdrawn", "5"),
        fact("d", kenya, "4", "pending"),
      ],
      { from: null, to: null },
    );
    const { total } = participationMetrics(rows);
    expect(total).toEqual({ parties: 1, made: 4, supported: 0, accepted: 1, rejected: 1, acceptanceRate: 0.5 });
  });

  it("counts a party that only supported others as taking part", () => {
    const supported = { ...fact("a", kenya, "1", "pending"), supporters: [lab] };
    const metrics = participationMetrics(inputReport([supported], { from: null, to: null }));
    expect(metrics.total.parties).toBe(2);
    expect(metrics.byStakeholderGroup.academia).toMatchObject({ parties: 1, made: 0 });
    expect(metrics.total.acceptanceRate).toBeNull();
  });
});

describe("reportCSV", () => {
  it("quotes commas, quotes and line breaks so the rows parse back", () => {
    const tricky = {
      ...fact("a", kenya, "1", "rejected", "2"),
      inserted: 'calls, "urgently"\nnow',
      supporters: [norway, lab],
    };
    const csv = reportCSV(inputReport([tricky], { from: null, to: null }));
    expect(csv.split("\r\n")[0]).toMatch(/^id,createdAt,paragraphs,party,/);
    expect(csv).toContain('"calls, ""urgently""\nnow"');
    expect(csv).toContain(",Norway; Lab,");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
