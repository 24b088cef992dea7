import type { Party } from "@plenary/protocol";
import { participationMetrics, type ReportRow } from "@plenary/report";
import { describe, expect, it } from "vitest";
import { breakdownColour, breakdownRows } from "../src/report/breakdowns.ts";
import {
  countByDisposition,
  filterRows,
  isFiltered,
  NO_FILTERS,
  proposingParties,
  type ReportFilters,
} from "../src/report/filters.ts";
import { parseReportQuery, reportQueryString, revisionQuery } from "../src/report/reportQuery.ts";
import { MADE_ORDER, nextSort, paragraphKey, type SortOrder, sortRows } from "../src/report/sorting.ts";

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
const brazil: Party = {
  id: "br",
  kind: "member-state",
  name: "Brazil",
  stakeholderGroup: "government",
  iso: "BR",
  regionalGroup: "grulac",
};
const openNet: Party = {
  id: "on",
  kind: "organisation",
  name: "Open Networks Alliance",
  stakeholderGroup: "civil-society",
  country: "KE",
};
const g77: Party = { id: "g77", kind: "state-group", name: "Group of 77 and China", stakeholderGroup: "government" };

let clock = 0;

/** A report row: `party` proposed `inserted` in `paragraphs`; the rest defaults to a pending, unsupported proposal. */
function row(party: Party, paragraphs: string, fields: Partial<ReportRow> = {}): ReportRow {
  clock += 1;
  return {
    id: `s${clock}`,
    createdAt: `2026-03-01T10:${String(clock).padStart(2, "0")}:00.000Z`,
    paragraphs,
    party,
    stakeholderGroup: party.stakeholderGroup,
    regionalGroup: party.regionalGroup ?? null,
    hemisphere:
      party.kind === "state-group"
        ? "unknown"
        : ["KE", "BR"].includes(party.iso ?? party.country ?? "")
          ? "south"
          : "north",
    author: "Someone",
    kind: "insertion",
    inserted: "text",
    deleted: "",
    supporters: [],
    disposition: "pending",
    reason: null,
    decidedBy: null,
    decidedAt: null,
    ...fields,
  };
}

const decided = (disposition: "accepted" | "rejected" | "withdrawn", at: string): Partial<ReportRow> => ({
  disposition,
  decidedAt: at,
  decidedBy: "Amina Diallo",
});

const ids = (rows: readonly ReportRow[]) => rows.map((r) => r.party.id);

describe("filtering a report", () => {
  const rows = [
    row(kenya, "OP 1", { supporters: [brazil], ...decided("accepted", "2026-03-02T00:00:00Z") }),
    row(brazil, "OP 2", decided("rejected", "2026-03-03T00:00:00Z")),
    row(openNet, "OP 3", { supporters: [kenya] }),
    row(norway, "OP 4", decided("withdrawn", "2026-03-01T12:00:00Z")),
    row(g77, "PP 2"),
  ];
  const only = (filters: Partial<ReportFilters>) => ids(filterRows(rows, { ...NO_FILTERS, ...filters }));

  it("keeps every row when no filter is set", () => {
    expect(only({})).toEqual(["ke", "br", "on", "no", "g77"]);
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it("keeps the proposals one party made", () => {
    expect(only({ party: "ke" })).toEqual(["ke"]);
  });

  it("keeps the proposals of one stakeholder group", () => {
    expect(only({ stakeholderGroup: "civil-society" })).toEqual(["on"]);
    expect(only({ stakeholderGroup: "government" })).toEqual(["ke", "br", "no", "g77"]);
  });

  it("keeps the proposals of one regional group, or of parties without one", () => {
    expect(only({ regionalGroup: "weog" })).toEqual(["no"]);
    expect(only({ regionalGroup: "none" })).toEqual(["on", "g77"]);
  });

  it("keeps the proposals with one disposition", () => {
    expect(only({ disposition: "pending" })).toEqual(["on", "g77"]);
    expect(only({ disposition: "withdrawn" })).toEqual(["no"]);
  });

  it("combines filters: a row must pass all of them", () => {
    expect(only({ stakeholderGroup: "government", disposition: "pending" })).toEqual(["g77"]);
    expect(only({ party: "ke", disposition: "rejected" })).toEqual([]);
    expect(isFiltered({ ...NO_FILTERS, disposition: "pending" })).toBe(true);
  });

  it("offers the parties that made proposals, once each, by name", () => {
    const twice = [...rows, row(kenya, "OP 5")];
    expect(proposingParties(twice, "en").map((party) => party.name)).toEqual([
      "Brazil",
      "Group of 77 and China",
      "Kenya",
      "Norway",
      "Open Networks Alliance",
    ]);
  });

  it("counts the rows by disposition", () => {
    expect(countByDisposition(rows)).toEqual({ accepted: 1, rejected: 1, withdrawn: 1, pending: 2 });
  });
});

describe("sorting a report", () => {
  const a = row(norway, "OP 10", decided("withdrawn", "2026-03-05T00:00:00Z"));
  const b = row(kenya, "PP 3", { supporters: [brazil, norway], ...decided("accepted", "2026-03-02T00:00:00Z") });
  const c = row(openNet, "OP 2", { supporters: [kenya] });
  const d = row(brazil, "OP 2, OP 3", decided("rejected", "2026-03-04T00:00:00Z"));
  const e = row(g77, "—");
  const rows = [a, b, c, d, e];
  const sorted = (key: SortOrder["key"], direction: SortOrder["direction"] = "ascending") =>
    sortRows(rows, { key, direction }, "en").map((r) => r.id);

  it("keeps the order made by default, and reverses it", () => {
    expect(sorted("made")).toEqual([a, b, c, d, e].map((r) => r.id));
    expect(sorted("made", "descending")).toEqual([e, d, c, b, a].map((r) => r.id));
  });

  it("sorts paragraphs as the document has them: preambular first, by number, unnumbered last", () => {
    expect(sorted("paragraph")).toEqual([b, c, d, a, e].map((r) => r.id));
    expect(sorted("paragraph", "descending")).toEqual([e, a, c, d, b].map((r) => r.id));
  });

  it("reads a paragraph's place from its first label", () => {
    expect(paragraphKey("PP 3")).toEqual([0, 3, ""]);
    expect(paragraphKey("OP 12, OP 13")).toEqual([1, 12, ""]);
    expect(paragraphKey("—")).toEqual([3, 0, "—"]);
  });

  it("sorts parties by name", () => {
    expect(sortRows(rows, { key: "party", direction: "ascending" }, "en").map((r) => r.party.name)).toEqual([
      "Brazil",
      "Group of 77 and China",
      "Kenya",
      "Norway",
      "Open Networks Alliance",
    ]);
  });

  it("sorts groups in their fixed order: governments by regional group, then the other stakeholder groups", () => {
    expect(sorted("group")).toEqual([b, d, a, e, c].map((r) => r.id));
  });

  it("sorts by how many parties supported a proposal", () => {
    expect(sorted("supporters", "descending")).toEqual([b, c, a, d, e].map((r) => r.id));
  });

  it("sorts dispositions accepted, rejected, withdrawn, pending", () => {
    expect(sortRows(rows, { key: "disposition", direction: "ascending" }, "en").map((r) => r.disposition)).toEqual([
      "accepted",
      "rejected",
      "withdrawn",
      "pending",
      "pending",
    ]);
  });

  it("sorts by decision time, undecided proposals last in either direction", () => {
    expect(sorted("decided")).toEqual([b, d, a, c, e].map((r) => r.id));
    expect(sorted("decided", "descending")).toEqual([a, d, b, c, e].map((r) => r.id));
  });

  it("sorts without changing the rows it is given", () => {
    const before = rows.map((r) => r.id);
    sorted("party", "descending");
    expect(rows.map((r) => r.id)).toEqual(before);
  });

  it("sorts a new column ascending, and reverses the column already sorted", () => {
    expect(nextSort(MADE_ORDER, "party")).toEqual({ key: "party", direction: "ascending" });
    expect(nextSort({ key: "party", direction: "ascending" }, "party")).toEqual({
      key: "party",
      direction: "descending",
    });
    expect(nextSort({ key: "party", direction: "descending" }, "party")).toEqual({
      key: "party",
      direction: "ascending",
    });
  });
});

describe("a report's address", () => {
  it("reads the revision, the filters and the order", () => {
    expect(
      parseReportQuery("?revision=r1&group=civil-society&region=none&disposition=pending&sort=party&order=descending"),
    ).toEqual({
      revision: "r1",
      filters: { party: null, stakeholderGroup: "civil-society", regionalGroup: "none", disposition: "pending" },
      sort: { key: "party", direction: "descending" },
    });
  });

  it("shows the live report, unfiltered, in the order made, when the address says nothing", () => {
    expect(parseReportQuery("")).toEqual(revisionQuery("live"));
  });

  it("ignores values it does not know", () => {
    expect(parseReportQuery("revision=r2&group=aliens&disposition=maybe&sort=colour")).toEqual(revisionQuery("r2"));
  });

  it("writes what it reads, leaving out the defaults", () => {
    const query = parseReportQuery("revision=r1&party=ke&region=african&sort=decided&order=ascending");
    expect(parseReportQuery(reportQueryString(query))).toEqual(query);
    expect(reportQueryString(revisionQuery("live"))).toBe("revision=live");
  });
});

describe("participation broken down for tables and charts", () => {
  const rows = [
    row(kenya, "OP 1", { supporters: [openNet], ...decided("accepted", "2026-03-02T00:00:00Z") }),
    row(openNet, "OP 2"),
    row(g77, "OP 3", decided("rejected", "2026-03-02T00:00:00Z")),
  ];
  const metrics = participationMetrics(rows);

  it("lists every stakeholder group in its fixed order, groups that took no part at zero", () => {
    const lines = breakdownRows(metrics, "stakeholderGroup");
    expect(lines.map((line) => line.key)).toEqual([
      "government",
      "intergovernmental",
      "civil-society",
      "private-sector",
      "technical-community",
      "academia",
    ]);
    expect(lines[0]!.figures).toMatchObject({ parties: 2, made: 2, supported: 1, accepted: 1, rejected: 1 });
    expect(lines[2]!.figures).toMatchObject({ parties: 1, made: 1, supported: 0 });
    expect(lines[5]!.figures).toEqual({
      parties: 0,
      made: 0,
      supported: 0,
      accepted: 0,
      rejected: 0,
      acceptanceRate: null,
    });
  });

  it("puts parties without a regional group last, and the hemispheres South, North, not attributable", () => {
    expect(breakdownRows(metrics, "regionalGroup").map((line) => [line.key, line.figures.made])).toEqual([
      ["african", 1],
      ["asia-pacific", 0],
      ["eastern-european", 0],
      ["grulac", 0],
      ["weog", 0],
      ["none", 2],
    ]);
    expect(breakdownRows(metrics, "hemisphere").map((line) => [line.key, line.figures.made])).toEqual([
      ["south", 2],
      ["north", 0],
      ["unknown", 1],
    ]);
  });

  it("colours stakeholder groups with their own colour and mixed groups neutrally", () => {
    expect(breakdownColour("stakeholderGroup", "civil-society")).toBe("#D55E00");
    expect(breakdownColour("regionalGroup", "african")).toBe("#0072B2");
    expect(breakdownColour("regionalGroup", "none")).toBe(breakdownColour("hemisphere", "south"));
  });
});
