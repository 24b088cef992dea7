import { describe, expect, it } from "vitest";
import { afterText, beforeText, compareVersions, countByStatus } from "../src/index.ts";
import { numbering, op, pp, rowOf, section, shape, v, withoutIds } from "./builders.ts";

const CONVENE = "Decides to convene a high-level meeting on the review of the outcomes in 2025";
const COOPERATE = "Calls upon all Member States to strengthen international cooperation on capacity-building";
const REPORT = "Requests the Secretary-General to submit a report on the implementation of the present resolution";
const FUND = "Encourages the private sector and civil society to contribute to the voluntary trust fund";
const SEIZED = "Decides to remain seized of the matter";

describe("compareVersions: paragraphs with ids", () => {
  it("finds every paragraph of an untouched text unchanged and in place", () => {
    const text = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT));
    const rows = compareVersions(text, text);
    expect(shape(rows)).toEqual(["unchanged a", "unchanged b", "unchanged c"]);
    expect(rows.every((r) => r.matchedBy === "id" && !r.renumbered && !r.textChanged)).toBe(true);
  });

  it("shows an OP inserted before others as added, and the ones after it renumbered but unchanged", () => {
    const before = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT));
    const after = v(op("a", CONVENE), op("x", FUND), op("b", COOPERATE), op("c", REPORT));
    const rows = compareVersions(before, after);
    expect(shape(rows)).toEqual(["unchanged a", "added x", "unchanged b", "unchanged c"]);
    expect(numbering(rowOf(rows, "b"))).toBe("OP 3, was OP 2");
    expect(numbering(rowOf(rows, "c"))).toBe("OP 4, was OP 3");
    expect(rowOf(rows, "b").renumbered).toBe(true);
    expect(rowOf(rows, "a").renumbered).toBe(false);
  });

  it("shows a paragraph moved to the end as moved, and the others unchanged", () => {
    const before = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT), op("d", FUND));
    const after = v(op("b", COOPERATE), op("c", REPORT), op("d", FUND), op("a", CONVENE));
    const rows = compareVersions(before, after);
    expect(shape(rows)).toEqual(["unchanged b", "unchanged c", "unchanged d", "moved a"]);
    expect(numbering(rowOf(rows, "a"))).toBe("OP 4, was OP 1");
    expect(rowOf(rows, "a").textChanged).toBe(false);
  });

  it("keeps a moved paragraph whose wording changed moved, with its text marked changed", () => {
    const before = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT));
    const after = v(op("b", COOPERATE), op("c", REPORT), op("a", CONVENE.replace("2025", "2026")));
    const moved = rowOf(compareVersions(before, after), "a");
    expect(moved.status).toBe("moved");
    expect(moved.textChanged).toBe(true);
    expect(moved.changes).toContainEqual({ op: "insert", text: "2026" });
  });

  it("shows a paragraph inserted between two others as added where it stands", () => {
    const before = v(op("a", CONVENE), op("c", REPORT));
    const after = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT));
    const rows = compareVersions(before, after);
    expect(shape(rows)).toEqual(["unchanged a", "added b", "unchanged c"]);
    expect(rowOf(rows, "b")).toMatchObject({ old: [], matchedBy: null, renumbered: false });
  });

  it("shows paragraphs inserted at the start and at the end as added there", () => {
    const before = v(op("b", COOPERATE), op("c", REPORT));
    const after = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT), op("z", SEIZED));
    expect(shape(compareVersions(before, after))).toEqual(["added a", "unchanged b", "unchanged c", "added z"]);
  });

  it("shows a deleted paragraph where it stood", () => {
    const before = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT));
    const after = v(op("a", CONVENE), op("c", REPORT));
    const rows = compareVersions(before, after);
    expect(shape(rows)).toEqual(["unchanged a", "deleted b", "unchanged c"]);
    expect(rowOf(rows, "b")).toMatchObject({ new: [], matchedBy: null, renumbered: false });
  });

  it("shows deleted first and last paragraphs first and last", () => {
    const before = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT));
    expect(shape(compareVersions(before, v(op("b", COOPERATE))))).toEqual(["deleted a", "unchanged b", "deleted c"]);
  });

  it("keeps a deleted paragraph before the one that followed it when later paragraphs move", () => {
    const before = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT), op("d", FUND), op("e", SEIZED));
    const after = v(op("a", CONVENE), op("e", SEIZED), op("c", REPORT));
    expect(shape(compareVersions(before, after))).toEqual([
      "unchanged a",
      "deleted d",
      "moved e",
      "deleted b",
      "unchanged c",
    ]);
  });

  it("pairs a paragraph rewritten beyond recognition by its id, as changed", () => {
    const before = v(op("a", CONVENE), op("b", COOPERATE));
    const after = v(op("a", CONVENE), op("b", FUND));
    const rewritten = rowOf(compareVersions(before, after), "b");
    expect(rewritten).toMatchObject({ status: "changed", matchedBy: "id", textChanged: true, renumbered: false });
    expect(beforeText(rewritten.changes)).toBe(COOPERATE);
    expect(afterText(rewritten.changes)).toBe(FUND);
  });

  it("counts the rows of each status", () => {
    const before = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT));
    const after = v(op("c", REPORT), op("a", CONVENE.replace("2025", "2026")), op("x", FUND));
    expect(countByStatus(compareVersions(before, after))).toEqual({
      unchanged: 0,
      changed: 1,
      moved: 1,
      added: 1,
      deleted: 1,
      split: 0,
      merged: 0,
    });
  });
});

describe("compareVersions: splits and merges", () => {
  const whole =
    "Decides to convene a high-level meeting in 2025 and requests the President of the General Assembly to organize it";
  const first = "Decides to convene a high-level meeting in 2025";
  const second = "Requests the President of the General Assembly to organize it";

  it("shows one old paragraph that became two as one split row", () => {
    const rows = compareVersions(
      v(op("p", whole), op("z", SEIZED)),
      v(op("p", first), op("q", second), op("z", SEIZED)),
    );
    expect(shape(rows)).toEqual(["split p → p q", "unchanged z"]);
    const split = rowOf(rows, "p");
    expect(split.textChanged).toBe(true);
    expect(beforeText(split.changes)).toBe(whole);
    expect(afterText(split.changes)).toBe(`${first} ${second}`);
  });

  it("keeps the new parts of a split in their order when the part that broke off comes first", () => {
    const rows = compareVersions(v(op("p", whole)), v(op("q", first), op("p", second)));
    expect(shape(rows)).toEqual(["split p → q p"]);
  });

  it("shows two old paragraphs that became one as one merged row", () => {
    const rows = compareVersions(
      v(op("a", first), op("b", second), op("z", SEIZED)),
      v(op("a", whole), op("z", SEIZED)),
    );
    expect(shape(rows)).toEqual(["merged a b → a", "unchanged z"]);
    const merged = rowOf(rows, "a");
    expect(beforeText(merged.changes)).toBe(`${first} ${second}`);
    expect(afterText(merged.changes)).toBe(whole);
  });

  it("shows a new alternative beside an unchanged paragraph as added, not as a split", () => {
    const alternative = CONVENE.replace("2025", "2026");
    const rows = compareVersions(v(op("a", CONVENE)), v(op("a", CONVENE), op("alt", alternative)));
    expect(shape(rows)).toEqual(["unchanged a", "added alt"]);
  });

  it("shows a dropped alternative as deleted, not as merged into the one kept", () => {
    const alternative = CONVENE.replace("2025", "2026");
    const rows = compareVersions(v(op("a", CONVENE), op("alt", alternative)), v(op("a", CONVENE)));
    expect(shape(rows)).toEqual(["unchanged a", "deleted alt"]);
  });
});

describe("compareVersions: paragraphs without shared ids", () => {
  it("does not pair a rewritten paragraph without ids: it is deleted and another added", () => {
    const before = withoutIds(v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT)));
    const after = withoutIds(v(op("a", CONVENE), op("b", FUND), op("c", REPORT)));
    const rows = compareVersions(before, after);
    expect(shape(rows)).toEqual(["unchanged OP 1", "added OP 2", "deleted OP 2", "unchanged OP 3"]);
    expect(rows[1]?.new[0]?.text).toBe(FUND);
    expect(rows[2]?.old[0]?.text).toBe(COOPERATE);
  });

  it("pairs the paragraphs of two versions that share no id by their words alone", () => {
    const before = v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT));
    const pasted = v(
      op("x", CONVENE),
      op("y", COOPERATE.replace("all Member States", "States")),
      op("z", REPORT.replace("a report", "a comprehensive report")),
    );
    const rows = compareVersions(before, pasted);
    expect(shape(rows)).toEqual(["unchanged a → x", "changed b → y", "changed c → z"]);
    expect(rows.every((r) => r.matchedBy === "similarity")).toBe(true);
    expect(rowOf(rows, "z").changes).toContainEqual({ op: "insert", text: "comprehensive " });
  });

  it("finds a moved paragraph among imported versions without ids", () => {
    const before = withoutIds(v(op("a", CONVENE), op("b", COOPERATE), op("c", REPORT)));
    const after = withoutIds(v(op("b", COOPERATE), op("c", REPORT), op("a", CONVENE)));
    const rows = compareVersions(before, after);
    expect(shape(rows)).toEqual(["unchanged OP 2 → OP 1", "unchanged OP 3 → OP 2", "moved OP 1 → OP 3"]);
  });

  it("pairs each paragraph with the most alike of several candidates", () => {
    const before = withoutIds(v(op("a", CONVENE), op("b", CONVENE.replace("review", "overall review"))));
    const after = withoutIds(v(op("a", CONVENE.replace("review", "overall review"))));
    const rows = compareVersions(before, after);
    expect(rows.find((r) => r.status === "unchanged")?.old[0]?.label).toBe("OP 2");
  });

  it("leaves a paragraph too unlike any other unpaired", () => {
    const before = withoutIds(v(op("a", CONVENE)));
    const after = withoutIds(v(op("a", "Decides to convene a conference on financing for development in 2027")));
    expect(shape(compareVersions(before, after))).toEqual(["added OP 1", "deleted OP 1"]);
    expect(shape(compareVersions(before, after, { minSimilarity: 0.3 }))).toEqual(["changed OP 1"]);
  });

  it("never pairs a heading with a paragraph, however alike", () => {
    const before = v(section("s", "Follow-up and review"), op("a", CONVENE));
    const after = withoutIds(v(op("x", "Follow-up and review"), op("a", CONVENE)));
    expect(shape(compareVersions(before, after))).toEqual(["added OP 1", "deleted s", "unchanged a → OP 2"]);
  });

  it("pairs a heading with a heading by its words", () => {
    const before = v(section("s", "Follow-up and review"), op("a", CONVENE));
    const after = withoutIds(v(section("t", "Follow-up and review of the outcomes"), op("a", CONVENE)));
    const rows = compareVersions(before, after);
    expect(shape(rows)).toEqual(["changed s → Follow-up and review of the outcomes", "unchanged a → OP 1"]);
    expect(rows[0]?.renumbered).toBe(false);
  });

  it("pairs preambular and operative paragraphs with each other, the change of kind counting as a change", () => {
    const before = v(pp("a", "Recalling its resolution 70/125 of 16 December 2015"));
    const after = withoutIds(v(op("a", "Recalling its resolution 70/125 of 16 December 2015")));
    const [row] = compareVersions(before, after);
    expect(row).toMatchObject({ status: "changed", matchedBy: "similarity", textChanged: true, renumbered: true });
    expect(row?.changes).toEqual([{ op: "equal", text: "Recalling its resolution 70/125 of 16 December 2015" }]);
  });
});
