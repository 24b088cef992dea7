import type { BlockInfo, NumberedBlock } from "@plenary/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterText, beforeText, type ComparedParagraph, compareVersions } from "../src/index.ts";
import { v, withoutIds } from "./builders.ts";

const settings = { seed: 20_151_019, numRuns: 300 };

const word = fc.constantFrom(
  "Decides",
  "Calls",
  "upon",
  "Requests",
  "Recalling",
  "Member",
  "States",
  "the",
  "of",
  "to",
  "and",
  "development;",
  "information",
  "society",
  "review",
  "2015,",
  "68/302",
  "[Suggested",
  "for",
  "Closure]",
  "stakeholders",
  "digital",
  "divides",
  "cooperation",
);
const words = fc.array(word, { minLength: 1, maxLength: 15 });
const kind = fc.constantFrom<BlockInfo["kind"]>("pp", "op", "op", "section");

interface Block {
  id: string;
  kind: BlockInfo["kind"];
  words: string[];
}

const randomDocument = fc
  .array(fc.record({ kind, words }), { maxLength: 12 })
  .map((blocks): Block[] => blocks.map((block, i) => ({ id: `b${i}`, ...block })));

const wordEdit = fc.record({ kind: fc.constantFrom("insert", "delete", "replace"), at: fc.nat(), word });
const randomEdit = fc.oneof(
  fc.record({ kind: fc.constant("text" as const), at: fc.nat(), edits: fc.array(wordEdit, { maxLength: 5 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), block: fc.record({ kind, words }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("move" as const), at: fc.nat(), to: fc.nat() }),
);
const randomEdits = fc.array(randomEdit, { maxLength: 6 });
type Edit = typeof randomEdit extends fc.Arbitrary<infer T> ? T : never;
type WordEdit = typeof wordEdit extends fc.Arbitrary<infer T> ? T : never;

function editWords(original: readonly string[], edits: readonly WordEdit[]): string[] {
  const result = [...original];
  for (const { kind, at, word } of edits) {
    if (kind === "insert") result.splice(at % (result.length + 1), 0, word);
    else if (result.length > 0) result.splice(at % result.length, 1, ...(kind === "replace" ? [word] : []));
  }
  return result;
}

function applyEdits(original: readonly Block[], edits: readonly Edit[]): Block[] {
  const blocks = [...original];
  edits.forEach((edit, n) => {
    if (edit.kind === "insert") {
      blocks.splice(edit.at % (blocks.length + 1), 0, { id: `new${n}`, ...edit.block });
      return;
    }
    if (blocks.length === 0) return;
    const at = edit.at % blocks.length;
    if (edit.kind === "text") blocks[at] = { ...blocks[at]!, words: editWords(blocks[at]!.words, edit.edits) };
    else if (edit.kind === "delete") blocks.splice(at, 1);
    else blocks.splice(edit.to % blocks.length, 0, ...blocks.splice(at, 1));
  });
  return blocks;
}

const version = (blocks: readonly Block[]): NumberedBlock[] =>
  v(...blocks.map((b) => ({ id: b.id, kind: b.kind, text: b.words.join(" ") })));

const texts = (blocks: readonly NumberedBlock[]) => blocks.map((b) => b.text).join(" ");

function expectEveryBlockInOneRow(rows: readonly ComparedParagraph[], before: NumberedBlock[], after: NumberedBlock[]) {
  const oldIndexes = rows.flatMap((r) => r.old.map((b) => b.index)).sort((x, y) => x - y);
  expect(oldIndexes).toEqual(before.map((b) => b.index));
  expect(rows.flatMap((r) => r.new)).toEqual(after);
}

describe("compareVersions over random documents and edits (property)", () => {
  const randomComparison = fc.tuple(randomDocument, randomEdits).map(([original, edits]) => {
    const before = version(original);
    const after = version(applyEdits(original, edits));
    return { before, after };
  });

  it("turns the old text of every row into its new text with the row's changes", () => {
    fc.assert(
      fc.property(randomComparison, fc.boolean(), ({ before, after }, keepIds) => {
        const [old, neu] = keepIds ? [before, after] : [withoutIds(before), withoutIds(after)];
        for (const row of compareVersions(old, neu)) {
          expect(beforeText(row.changes)).toBe(texts(row.old));
          expect(afterText(row.changes)).toBe(texts(row.new));
        }
      }),
      settings,
    );
  });

  it("puts every block of both versions in exactly one row, the new ones in their order", () => {
    fc.assert(
      fc.property(randomComparison, fc.boolean(), ({ before, after }, keepIds) => {
        const [old, neu] = keepIds ? [before, after] : [withoutIds(before), withoutIds(after)];
        expectEveryBlockInOneRow(compareVersions(old, neu), old, neu);
      }),
      settings,
    );
  });

  it("pairs every block kept in both versions with itself, by its id", () => {
    fc.assert(
      fc.property(randomComparison, ({ before, after }) => {
        const kept = new Set(before.map((b) => b.id).filter((id) => after.some((b) => b.id === id)));
        for (const row of compareVersions(before, after)) {
          for (const block of row.new.filter((b) => kept.has(b.id))) {
            expect(row.old.map((b) => b.id)).toContain(block.id);
          }
          if (row.status === "added") expect(kept.has(row.new[0]!.id)).toBe(false);
          if (row.status === "deleted") expect(kept.has(row.old[0]!.id)).toBe(false);
        }
      }),
      settings,
    );
  });

  it("calls a row unchanged only when one paragraph kept its words and its kind", () => {
    fc.assert(
      fc.property(randomComparison, fc.boolean(), ({ before, after }, keepIds) => {
        const [old, neu] = keepIds ? [before, after] : [withoutIds(before), withoutIds(after)];
        for (const row of compareVersions(old, neu)) {
          if (row.status !== "unchanged") continue;
          expect(row.old).toHaveLength(1);
          expect(row.new).toHaveLength(1);
          expect(row.new[0]).toMatchObject({ text: row.old[0]!.text, kind: row.old[0]!.kind });
        }
      }),
      settings,
    );
  });

  it("puts each deleted paragraph just before the row of the next old paragraph still there", () => {
    fc.assert(
      fc.property(randomComparison, fc.boolean(), ({ before, after }, keepIds) => {
        const [old, neu] = keepIds ? [before, after] : [withoutIds(before), withoutIds(after)];
        const rows = compareVersions(old, neu);
        const kept = rows.filter((r) => r.status !== "deleted");
        rows.forEach((row, i) => {
          if (row.status !== "deleted") return;
          const deleted = row.old[0]!.index;
          const next = Math.min(...kept.flatMap((r) => r.old.map((b) => b.index)).filter((o) => o > deleted));
          const following = rows.slice(i + 1).find((r) => r.status !== "deleted");
          if (next === Number.POSITIVE_INFINITY) expect(following).toBeUndefined();
          else expect(following?.old.map((b) => b.index)).toContain(next);
        });
      }),
      settings,
    );
  });

  it("finds a version unchanged against itself", () => {
    fc.assert(
      fc.property(randomDocument, fc.boolean(), (original, keepIds) => {
        const text = keepIds ? version(original) : withoutIds(version(original));
        expect(compareVersions(text, text).every((r) => r.status === "unchanged" && !r.renumbered)).toBe(true);
      }),
      settings,
    );
  });
});
