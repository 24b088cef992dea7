import type { ComparedRowView, RevisionSummary, WordChangeView } from "@plenary/protocol";
import type { NumberedBlock } from "@plenary/schema";
import { describe, expect, it } from "vitest";
import { rowBlock, rowNumbers, statusShares, visibleRows } from "../src/revisions/comparison.ts";
import { publishRequest } from "../src/revisions/publishRequest.ts";
import {
  blockIdOfHash,
  LIVE,
  paragraphAnchor,
  revisionPaths,
  revisionsApiPaths,
  versionsOfQuery,
} from "../src/revisions/revisionPaths.ts";
import { defaultVersions, nextRevisionName, previousRevision } from "../src/revisions/versions.ts";
import { hasChanges, piecesByParagraph, piecesOf } from "../src/revisions/wordPieces.ts";

/** An operative paragraph numbered `n`. */
function op(id: string, n: number, text: string): NumberedBlock {
  return { id, kind: "op", index: n, number: n, label: `OP ${n}`, text };
}

/** A comparison row; changes default to "nothing changed". */
function row(status: ComparedRowView["status"], old: NumberedBlock[], neu: NumberedBlock[]): ComparedRowView {
  const text = neu.map((b) => b.text).join(" ");
  return {
    status,
    old,
    new: neu,
    matchedBy: old.length > 0 && neu.length > 0 ? "id" : null,
    textChanged: status !== "unchanged",
    renumbered: (old[0]?.label ?? null) !== (neu[0]?.label ?? null),
    changes: [{ op: "equal", text }],
  };
}

function revision(number: number, id = `rev-${number}`): RevisionSummary {
  return {
    id,
    draftId: "d",
    number,
    name: number === 0 ? "Zero Draft" : `Rev.${number}`,
    note: "",
    publishedBy: { id: "u", displayName: "Amina Diallo" },
    publishedAt: `2026-11-0${number + 1}T10:00:00.000Z`,
    pendingCount: 0,
  };
}

const eq = (text: string): WordChangeView => ({ op: "equal", text });
const ins = (text: string): WordChangeView => ({ op: "insert", text });
const del = (text: string): WordChangeView => ({ op: "delete", text });

describe("word changes on each side", () => {
  const changes = [eq("Calls upon "), del("all "), ins("Member "), eq("States")];

  it("the old side keeps deleted words, the new side inserted ones", () => {
    expect(piecesOf(changes, "old")).toEqual([eq("Calls upon "), del("all "), eq("States")]);
    expect(piecesOf(changes, "new")).toEqual([eq("Calls upon "), ins("Member "), eq("States")]);
  });

  it("a single paragraph gets every piece of its side", () => {
    expect(piecesByParagraph(changes, "new", ["Calls upon Member States"])).toEqual([piecesOf(changes, "new")]);
  });

  it("a split cuts the new side at the join and drops the joining space", () => {
    const split = [eq("Decides to act; "), ins("further "), eq("invites States")];
    expect(piecesByParagraph(split, "new", ["Decides to act;", "further invites States"])).toEqual([
      [eq("Decides to act;")],
      [ins("further "), eq("invites States")],
    ]);
  });

  it("a change that spans the join is cut in two", () => {
    const merged = [eq("Notes "), del("the report. Welcomes "), eq("progress")];
    expect(piecesByParagraph(merged, "old", ["Notes the report.", "Welcomes progress"])).toEqual([
      [eq("Notes "), del("the report.")],
      [del("Welcomes "), eq("progress")],
    ]);
  });

  it("a side without paragraphs (added or deleted) has no pieces", () => {
    expect(piecesByParagraph([ins("Decides anew;")], "old", [])).toEqual([]);
    expect(piecesByParagraph([ins("Decides anew;")], "new", ["Decides anew;"])).toEqual([[ins("Decides anew;")]]);
  });

  it("refuses pieces that do not spell the paragraphs, rather than mark the wrong words", () => {
    expect(piecesByParagraph(changes, "new", ["Something else"])).toBeNull();
  });

  it("tells a wording with changes from one without", () => {
    expect(hasChanges(changes)).toBe(true);
    expect(hasChanges([eq("Calls upon States")])).toBe(false);
  });
});

describe("comparison rows", () => {
  it("cite the number now and the number before: OP 12 — was OP 10", () => {
    expect(rowNumbers(row("changed", [op("a", 10, "x")], [op("a", 12, "x y")]))).toEqual({
      now: "OP 12",
      was: "OP 10",
    });
  });

  it("give no former number when it did not change", () => {
    expect(rowNumbers(row("changed", [op("a", 3, "x")], [op("a", 3, "x y")]))).toEqual({ now: "OP 3", was: null });
  });

  it("give an added paragraph only its new number and a deleted one only its old", () => {
    expect(rowNumbers(row("added", [], [op("n", 1, "x")]))).toEqual({ now: "OP 1", was: null });
    expect(rowNumbers(row("deleted", [op("d", 4, "x")], []))).toEqual({ now: null, was: "OP 4" });
  });

  it("list both numbers of a split", () => {
    const split = row("split", [op("a", 5, "x y")], [op("a", 5, "x"), op("b", 6, "y")]);
    expect(rowNumbers(split)).toEqual({ now: "OP 5, OP 6", was: "OP 5" });
  });

  it("are about the new paragraph, or the old one when it was deleted", () => {
    expect(rowBlock(row("changed", [op("a", 1, "x")], [op("a", 2, "x")])).id).toBe("a");
    expect(rowBlock(row("deleted", [op("d", 1, "x")], [])).id).toBe("d");
  });

  it("can be filtered to the changed ones, keeping the paragraph a link points to", () => {
    const rows = [
      row("unchanged", [op("a", 1, "x")], [op("a", 1, "x")]),
      row("changed", [op("b", 2, "x")], [op("b", 2, "y")]),
      row("unchanged", [op("c", 3, "x")], [op("c", 3, "x")]),
    ];
    expect(visibleRows(rows, false)).toHaveLength(3);
    expect(visibleRows(rows, true).map((r) => rowBlock(r).id)).toEqual(["b"]);
    expect(visibleRows(rows, true, "c").map((r) => rowBlock(r).id)).toEqual(["b", "c"]);
  });

  it("count into shares of the bar, changes first, leaving out what did not happen", () => {
    const shares = statusShares({ unchanged: 6, changed: 2, moved: 0, added: 2, deleted: 0, split: 0, merged: 0 });
    expect(shares).toEqual([
      { status: "changed", count: 2, percent: 20 },
      { status: "added", count: 2, percent: 20 },
      { status: "unchanged", count: 6, percent: 60 },
    ]);
    expect(statusShares({ unchanged: 0, changed: 0, moved: 0, added: 0, deleted: 0, split: 0, merged: 0 })).toEqual([]);
  });
});

describe("addresses", () => {
  it("give every paragraph of a comparison a stable, shareable link", () => {
    expect(revisionPaths.compare("d1", { from: "rev-0", to: LIVE }, "b 7")).toBe(
      "/drafts/d1/compare?from=rev-0&to=live#p-b%207",
    );
    expect(blockIdOfHash("#p-b%207")).toBe("b 7");
    expect(paragraphAnchor("b 7")).toBe("p-b 7");
  });

  it("read no paragraph from other fragments", () => {
    expect(blockIdOfHash("")).toBeNull();
    expect(blockIdOfHash("#main")).toBeNull();
    expect(blockIdOfHash("#p-%E0%A4%A")).toBeNull();
  });

  it("read the versions of a comparison from its query, the live text when `to` is left out", () => {
    expect(versionsOfQuery("?from=rev-0&to=rev-1")).toEqual({ from: "rev-0", to: "rev-1" });
    expect(versionsOfQuery("from=rev-0")).toEqual({ from: "rev-0", to: LIVE });
    expect(versionsOfQuery("to=rev-1")).toBeNull();
  });

  it("escape ids in page and API addresses", () => {
    expect(revisionPaths.history("d/1", "b?2")).toBe("/drafts/d%2F1/paragraphs/b%3F2/history");
    expect(revisionsApiPaths.compare("d", { from: "a&b", to: LIVE })).toBe("/api/drafts/d/compare?from=a%26b&to=live");
    expect(revisionPaths.compare("d")).toBe("/drafts/d/compare");
  });
});

describe("versions", () => {
  it("name the next revision as the server will: Zero Draft, then Rev.1, Rev.2", () => {
    expect(nextRevisionName([])).toBe("Zero Draft");
    expect(nextRevisionName([revision(0)])).toBe("Rev.1");
    expect(nextRevisionName([revision(1), revision(0)])).toBe("Rev.2");
  });

  it("compare the last two revisions by default, or the only one with the live text", () => {
    expect(defaultVersions([])).toBeNull();
    expect(defaultVersions([revision(0)])).toEqual({ from: "rev-0", to: LIVE });
    expect(defaultVersions([revision(2), revision(0), revision(1)])).toEqual({ from: "rev-1", to: "rev-2" });
  });

  it("find the revision before another", () => {
    const all = [revision(1), revision(0), revision(2)];
    expect(previousRevision(all, revision(2))?.id).toBe("rev-1");
    expect(previousRevision(all, revision(0))).toBeNull();
  });
});

describe("the publish request", () => {
  it("leaves the name to the server when none is given", () => {
    expect(publishRequest({ name: "  ", note: " For comments by Friday " })).toEqual({
      ok: true,
      request: { note: "For comments by Friday" },
    });
    expect(publishRequest({ name: "Rev.1 (corrected)", note: "" })).toEqual({
      ok: true,
      request: { name: "Rev.1 (corrected)", note: "" },
    });
  });

  it("refuses what the server would refuse: too long, or HTML in the note", () => {
    expect(publishRequest({ name: "x".repeat(101), note: "" })).toEqual({ ok: false, problems: { name: "tooLong" } });
    expect(publishRequest({ name: "", note: "<b>urgent</b>" })).toEqual({ ok: false, problems: { note: "html" } });
    expect(publishRequest({ name: "", note: "x".repeat(2001) })).toEqual({ ok: false, problems: { note: "tooLong" } });
    expect(publishRequest({ name: "", note: "Paragraphs 3 < 5 are agreed" }).ok).toBe(true);
  });
});
