import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterText, beforeText, containment, similarity, type WordChange, wordDiff, wordsOf } from "../src/index.ts";

const settings = { seed: 20_251_207, numRuns: 300 };

describe("wordDiff", () => {
  it("reads 'strongly encourages' → 'encourages' as one deletion, with equal text around", () => {
    expect(
      wordDiff(
        "The General Assembly strongly encourages Member States to cooperate",
        "The General Assembly encourages Member States to cooperate",
      ),
    ).toEqual([
      { op: "equal", text: "The General Assembly " },
      { op: "delete", text: "strongly " },
      { op: "equal", text: "encourages Member States to cooperate" },
    ]);
  });

  it("reads an added clause as one insertion", () => {
    expect(
      wordDiff("Decides to remain seized of the matter;", "Decides to remain actively seized of the matter;"),
    ).toEqual([
      { op: "equal", text: "Decides to remain " },
      { op: "insert", text: "actively " },
      { op: "equal", text: "seized of the matter;" },
    ]);
  });

  it("gives an untouched text as one equal piece", () => {
    expect(wordDiff("Calls upon States", "Calls upon States")).toEqual([{ op: "equal", text: "Calls upon States" }]);
  });

  it("gives nothing for two empty texts, and one insertion or deletion against an empty one", () => {
    expect(wordDiff("", "")).toEqual([]);
    expect(wordDiff("", "Notes")).toEqual([{ op: "insert", text: "Notes" }]);
    expect(wordDiff("Notes", "")).toEqual([{ op: "delete", text: "Notes" }]);
  });

  it("replaces whole words, never part of one", () => {
    expect(wordDiff("reaffirms its commitment", "affirms its commitment")).toEqual([
      { op: "delete", text: "reaffirms" },
      { op: "insert", text: "affirms" },
      { op: "equal", text: " its commitment" },
    ]);
  });

  it("keeps a word whose punctuation changed: only the punctuation and the added words are changes", () => {
    expect(
      wordDiff(
        "reaffirming the centrality of this process;",
        "reaffirming the centrality of this process and also that;",
      ),
    ).toEqual([
      { op: "equal", text: "reaffirming the centrality of this process" },
      { op: "insert", text: " and also that" },
      { op: "equal", text: ";" },
    ]);
  });

  it("keeps a resolution number or a hyphenated word whole", () => {
    expect(
      wordDiff("resolution 68/302 of the high-level meeting", "resolution 68/303 of the high-ranking meeting"),
    ).toEqual([
      { op: "equal", text: "resolution " },
      { op: "delete", text: "68/302" },
      { op: "insert", text: "68/303" },
      { op: "equal", text: " of the " },
      { op: "delete", text: "high-level" },
      { op: "insert", text: "high-ranking" },
      { op: "equal", text: " meeting" },
    ]);
  });

  it("rebuilds both sides of a paragraph with more distinct words than it has symbols for", () => {
    const long = Array.from({ length: 7000 }, (_, i) => `w${i}`).join(" ");
    const edited = long.replace("w3500", "changed");
    const diff = wordDiff(long, edited);
    expect(beforeText(diff)).toBe(long);
    expect(afterText(diff)).toBe(edited);
  });

  it("reads a run of replaced words, with single spaces between, as one replacement", () => {
    expect(wordDiff("Calls upon States to act", "Call on Parties to act")).toEqual([
      { op: "delete", text: "Calls upon States" },
      { op: "insert", text: "Call on Parties" },
      { op: "equal", text: " to act" },
    ]);
  });
});

const VOCABULARY = [
  "the",
  "States",
  "States,",
  "development;",
  "and",
  "of",
  "Decides",
  "(ICT)",
  "68/302",
  "Côte",
  "d’Ivoire",
  "[Alt",
  "1]",
  "sustainable",
  "développement",
];
const word = fc.constantFrom(...VOCABULARY);
const paragraph = fc.array(word, { maxLength: 25 });
const edit = fc.record({
  kind: fc.constantFrom("insert", "delete", "replace"),
  at: fc.nat(),
  word,
});
const edits = fc.array(edit, { maxLength: 8 });

function applyEdits(
  words: readonly string[],
  changes: readonly { kind: string; at: number; word: string }[],
): string[] {
  const result = [...words];
  for (const { kind, at, word } of changes) {
    if (kind === "insert") result.splice(at % (result.length + 1), 0, word);
    else if (result.length > 0) result.splice(at % result.length, 1, ...(kind === "replace" ? [word] : []));
  }
  return result;
}

// Any code point, lone surrogates included, and often a space of some kind.
const anyCharacter = fc.oneof(
  fc.constantFrom(" ", "  ", "\n", "\t", "\u00a0", "\u2003"),
  fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
);

const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
const atWordEdge = (text: string, at: number) => !(isLetterOrDigit(text[at - 1]) && isLetterOrDigit(text[at]));

// Every place where one change ends and the next begins, in the old and the new text.
function cuts(changes: readonly WordChange[]): { old: number; new: number }[] {
  const at = { old: 0, new: 0 };
  const found = [{ ...at }];
  for (const change of changes) {
    if (change.op !== "insert") at.old += change.text.length;
    if (change.op !== "delete") at.new += change.text.length;
    found.push({ ...at });
  }
  return found;
}

describe("wordDiff (property)", () => {
  it("rebuilds both texts from the changes, for random edits of random paragraphs", () => {
    fc.assert(
      fc.property(paragraph, edits, (words, changes) => {
        const a = words.join(" ");
        const b = applyEdits(words, changes).join(" ");
        const diff = wordDiff(a, b);
        expect(beforeText(diff)).toBe(a);
        expect(afterText(diff)).toBe(b);
      }),
      settings,
    );
  });

  it("rebuilds both texts from the changes, for any two strings", () => {
    const anyText = fc.string({ unit: anyCharacter, maxLength: 40 });
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const diff = wordDiff(a, b);
        expect(beforeText(diff)).toBe(a);
        expect(afterText(diff)).toBe(b);
      }),
      settings,
    );
  });

  it("starts and ends every change at the edge of a word", () => {
    fc.assert(
      fc.property(paragraph, edits, (words, changes) => {
        const a = words.join(" ");
        const b = applyEdits(words, changes).join(" ");
        for (const cut of cuts(wordDiff(a, b))) {
          expect(atWordEdge(a, cut.old), `${a} | ${b} at ${cut.old}`).toBe(true);
          expect(atWordEdge(b, cut.new), `${a} | ${b} at ${cut.new}`).toBe(true);
        }
      }),
      settings,
    );
  });

  it("gives no two changes of the same kind in a row, and no empty change", () => {
    fc.assert(
      fc.property(paragraph, edits, (words, changes) => {
        const diff = wordDiff(words.join(" "), applyEdits(words, changes).join(" "));
        expect(diff.every((c) => c.text !== "")).toBe(true);
        expect(diff.every((c, i) => i === 0 || diff[i - 1]?.op !== c.op)).toBe(true);
      }),
      settings,
    );
  });
});

describe("similarity and containment", () => {
  it("compares words, ignoring case and punctuation", () => {
    expect(wordsOf("Côte d’Ivoire, (ICT) 68/302;")).toEqual(["côte", "d", "ivoire", "ict", "68", "302"]);
    expect(similarity("Calls upon States;", "calls upon states")).toBe(1);
  });

  it("scores shared words by Dice's coefficient", () => {
    expect(similarity("Decides to act", "Decides to wait")).toBeCloseTo(2 / 3);
    expect(similarity("Decides", "Notes")).toBe(0);
  });

  it("measures the share of a part's words found in a whole", () => {
    expect(containment("to act", "Decides to act now")).toBe(1);
    expect(containment("to act later", "Decides to act now")).toBeCloseTo(2 / 3);
    expect(containment("", "Decides")).toBe(0);
  });
});
