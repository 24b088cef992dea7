import type { BlockInfo, NumberedBlock } from "@plenary/schema";
import { describe, expect, it } from "vitest";
import { afterText, beforeText, type ComparedParagraph, compareVersions } from "../src/index.ts";
import { numbering, rowOf, v } from "./builders.ts";
import { DECEMBER_DRAFT, ZERO_DRAFT } from "./un-docs.ts";

const NUMBERED = /^(\d+(?:bis|ter|quat|quater)?)\.\s*(.*)$/;

/** A draft's paragraphs as imported from plain text: numbers dropped, tags kept in the text, no ids. */
function importDraft(text: string): { numbers: string[]; version: NumberedBlock[] } {
  const lines = text.split("\n");
  const numbers: string[] = [];
  const blocks: BlockInfo[] = [];
  for (const line of lines) {
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      numbers.push(numbered[1]!);
      blocks.push({ id: "", kind: "pp", text: numbered[2]! });
    } else if (line.trim() === "Preamble") {
      numbers.push("Preamble");
      blocks.push({ id: "", kind: "section", text: "Preamble" });
    }
  }
  return { numbers, version: v(...blocks) };
}

const zero = importDraft(ZERO_DRAFT);
const december = importDraft(DECEMBER_DRAFT);

/** The row holding the paragraph numbered `number` in the draft's own numbering. */
function rowOfNumber(rows: readonly ComparedParagraph[], draft: typeof zero, side: "old" | "new", number: string) {
  const block = draft.version[draft.numbers.indexOf(number)];
  const found = rows.find((r) => r[side].includes(block!));
  if (!found) throw new RangeError(`No row holds paragraph ${number}`);
  return found;
}

describe("the WSIS+10 drafts, imported without ids", () => {
  it("reads the paragraphs of both excerpts under their heading", () => {
    expect(zero.numbers).toEqual(["Preamble", "1", "1bis", "1ter", "1quat", "2"]);
    expect(december.numbers).toEqual(["Preamble", "1", "2", "3", "4"]);
    expect(december.version[1]?.text).toMatch(/stakeholders; \[Suggested for Closure\]$/);
  });

  it("pairs paragraph 1 of the zero draft with paragraph 1 of the December draft, as changed", () => {
    const rows = compareVersions(zero.version, december.version);
    const first = rowOfNumber(rows, zero, "old", "1");
    expect(first.new).toEqual([december.version[december.numbers.indexOf("1")]]);
    expect(first).toMatchObject({ status: "changed", matchedBy: "similarity", textChanged: true });
  });

  it("shows the clause added to paragraph 1, with resolution 68/302, as an insertion", () => {
    const first = rowOfNumber(compareVersions(zero.version, december.version), zero, "old", "1");
    const inserted = first.changes.filter((c) => c.op === "insert").map((c) => c.text);
    expect(inserted.some((text) => text.includes("68/302"))).toBe(true);
    expect(inserted.some((text) => text.includes("[Suggested for Closure]"))).toBe(true);
    expect(first.changes[0]).toEqual({
      op: "equal",
      text: expect.stringMatching(/^Recalling the request in paragraph 111 of the Tunis Agenda/),
    });
  });

  it("pairs the heading with the heading", () => {
    const rows = compareVersions(zero.version, december.version);
    expect(rowOfNumber(rows, zero, "old", "Preamble")).toMatchObject({
      status: "unchanged",
      new: [december.version[0]],
    });
  });

  it("rebuilds both drafts from the rows", () => {
    const rows = compareVersions(zero.version, december.version);
    const paired = rows.filter((r) => r.old.length > 0 && r.new.length > 0);
    for (const row of paired) {
      expect(beforeText(row.changes)).toBe(row.old.map((b) => b.text).join(" "));
      expect(afterText(row.changes)).toBe(row.new.map((b) => b.text).join(" "));
    }
    expect(rows.flatMap((r) => r.new)).toEqual(december.version);
    expect(rows.flatMap((r) => r.old).length).toBe(zero.version.length);
  });
});

describe("the December draft against an edited copy, with ids", () => {
  // Ids as the editor would have given them: "p1" for paragraph 1, and so on.
  const original = december.version.map((block, i) => ({
    ...block,
    id: i === 0 ? "preamble" : `p${december.numbers[i]}`,
  }));
  const byId = (id: string) => {
    const block = original.find((b) => b.id === id);
    if (!block) throw new RangeError(`No block ${id}`);
    return { id, kind: block.kind, text: block.text };
  };
  // Paragraph 2 deleted, paragraph 1 moved to the end, a few words of paragraph 3 changed.
  const edited = v(
    byId("preamble"),
    {
      ...byId("p3"),
      text: byId("p3").text.replace("Building on, among other relevant inputs,", "Taking note of"),
    },
    byId("p4"),
    byId("p1"),
  );
  const rows = compareVersions(original, edited);

  it("shows the deleted paragraph as deleted", () => {
    expect(rowOf(rows, "p2")).toMatchObject({ status: "deleted", new: [] });
  });

  it("shows the moved paragraph as moved, with the same words and a new number", () => {
    const moved = rowOf(rows, "p1");
    expect(moved).toMatchObject({ status: "moved", matchedBy: "id", textChanged: false, renumbered: true });
    expect(numbering(moved)).toBe("PP 3, was PP 1");
  });

  it("shows the changed words of the edited paragraph, and nothing else in it", () => {
    const changed = rowOf(rows, "p3");
    expect(changed.status).toBe("changed");
    expect(changed.changes.filter((c) => c.op !== "equal")).toEqual([
      { op: "delete", text: "Building on, among other relevant inputs," },
      { op: "insert", text: "Taking note of" },
    ]);
  });

  it("keeps the untouched paragraph unchanged, under its new number", () => {
    expect(rowOf(rows, "p4")).toMatchObject({ status: "unchanged", renumbered: true });
  });

  it("lists the rows in the new order, the deleted paragraph where it stood", () => {
    expect(rows.map((r) => `${r.status} ${[...r.old, ...r.new][0]?.id}`)).toEqual([
      "unchanged preamble",
      "deleted p2",
      "changed p3",
      "unchanged p4",
      "moved p1",
    ]);
  });
});
