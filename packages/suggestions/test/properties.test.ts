import type { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acceptAll,
  blockSuggestion,
  collectSuggestions,
  decided,
  type FoundSuggestion,
  refOfMark,
  rejectAll,
  type Suggester,
  suggestionMark,
  validateSuggesterChange,
} from "../src/index.ts";
import { play, randomDocument, randomEdits, SUGGESTERS, textPositions } from "./negotiation.ts";

const SEED = 20_251_123;
const RUNS = 300;
const settings = { seed: SEED, numRuns: RUNS };

/** Each block's id and text once every suggestion is accepted, worked out from the marks alone. */
function acceptedBlocks(doc: PMNode): { id: string; text: string }[] {
  const blocks: { id: string; text: string }[] = [];
  doc.forEach((block) => {
    if (blockSuggestion(block)?.type === "deletion") return;
    let text = "";
    block.forEach((inline) => {
      if (suggestionMark(inline)?.type.name !== "deletion") text += inline.text ?? "";
    });
    blocks.push({ id: String(block.attrs.id), text });
  });
  return blocks;
}

const blocksOf = (doc: PMNode) => {
  const blocks: { id: string; text: string }[] = [];
  doc.forEach((block) => {
    blocks.push({ id: String(block.attrs.id), text: block.textContent });
  });
  return blocks;
};

function hasSuggestions(doc: PMNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (blockSuggestion(node) || (node.isText && suggestionMark(node))) found = true;
  });
  return found;
}

describe("suggestion mode with several suggesters (property)", () => {
  it("makes every edit a change its author may make", () => {
    let checked = 0;
    fc.assert(
      fc.property(randomDocument, randomEdits, (original, edits) => {
        for (const edit of play(original, edits).suggested) {
          expect(validateSuggesterChange(edit.before, edit.after, edit.who)).toEqual({ ok: true });
          checked += 1;
        }
      }),
      settings,
    );
    expect(checked).toBeGreaterThan(RUNS * 3);
  });

  it("gives the original document back when every suggestion is rejected", () => {
    fc.assert(
      fc.property(randomDocument, randomEdits, (original, edits) => {
        const { final } = play(original, edits);
        expect(rejectAll(final).toJSON()).toEqual(original.toJSON());
      }),
      settings,
    );
  });

  it("keeps every insertion and drops every deletion when every suggestion is accepted", () => {
    let changed = 0;
    fc.assert(
      fc.property(randomDocument, randomEdits, (original, edits) => {
        const { final } = play(original, edits);
        const accepted = acceptAll(final);
        expect(hasSuggestions(accepted)).toBe(false);
        expect(blocksOf(accepted)).toEqual(acceptedBlocks(final));
        if (!accepted.eq(original)) changed += 1;
      }),
      settings,
    );
    expect(changed).toBeGreaterThan(RUNS / 2);
  });
});

// Two suggestions touch common text when one proposes or strikes a whole block the other is in.
function independent(x: FoundSuggestion, y: FoundSuggestion): boolean {
  const whole = (s: FoundSuggestion) => s.kind === "new-block" || s.kind === "block-deletion";
  const shares = (s: FoundSuggestion, t: FoundSuggestion) => s.blockIds.some((id) => t.blockIds.includes(id));
  return !((whole(x) || whole(y)) && shares(x, y));
}

describe("deciding suggestions (property)", () => {
  it("gives the same document whichever of two independent suggestions is decided first", () => {
    let compared = 0;
    const decision = fc.constantFrom("accept" as const, "reject" as const);
    fc.assert(
      fc.property(randomDocument, randomEdits, fc.nat(), decision, decision, (original, edits, pick, first, second) => {
        const { final } = play(original, edits);
        const found = collectSuggestions(final);
        const pairs = found.flatMap((x, i) => found.slice(i + 1).flatMap((y) => (independent(x, y) ? [[x, y]] : [])));
        if (pairs.length === 0) return;
        const [x, y] = pairs[pick % pairs.length]!;
        const oneWay = decided(decided(final, x!.id, first), y!.id, second);
        const otherWay = decided(decided(final, y!.id, second), x!.id, first);
        expect(oneWay.toJSON()).toEqual(otherWay.toJSON());
        compared += 1;
      }),
      settings,
    );
    expect(compared).toBeGreaterThan(RUNS / 3);
  });
});

type Illegal = "insert" | "delete" | "foreign-deletion" | "remove-insertion" | "kind" | "reuse-id" | "forge";
const ILLEGAL: readonly Illegal[] = [
  "insert",
  "delete",
  "foreign-deletion",
  "remove-insertion",
  "kind",
  "reuse-id",
  "forge",
];

interface InlinePiece {
  from: number;
  to: number;
  node: PMNode;
  block: PMNode;
}

function inlinePieces(doc: PMNode): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  doc.forEach((block, offset) => {
    block.forEach((node, pos) => {
      const from = offset + 1 + pos;
      pieces.push({ from, to: from + node.nodeSize, node, block });
    });
  });
  return pieces;
}

const inOwnProposal = (block: PMNode, who: Suggester) => {
  const whole = blockSuggestion(block);
  return whole?.type === "insertion" && whole.author === who.author;
};

/**
 * A change `who` may not make to `doc`, of the given kind, or null when the
 * document offers no place for it. `pick` chooses where.
 */
function illegalChange(doc: PMNode, who: Suggester, kind: Illegal, pick: number): Transform | null {
  const tr = new Transform(doc);
  const schema = doc.type.schema;
  const other = SUGGESTERS.find((s) => s.author !== who.author)!;
  const choose = <T>(list: T[]) => (list.length === 0 ? null : list[pick % list.length]!);
  const pieces = inlinePieces(doc);
  const base = pieces.filter((p) => !suggestionMark(p.node) && !inOwnProposal(p.block, who));
  const othersIds = collectSuggestions(doc).filter((s) => s.author !== who.author);
  switch (kind) {
    case "insert": {
      const pos = choose(textPositions(doc).filter((p) => !inOwnProposal(doc.resolve(p).parent, who)));
      return pos === null ? null : tr.insert(pos, schema.text("hereby"));
    }
    case "delete": {
      const piece = choose(base);
      return piece && tr.delete(piece.from, piece.from + 1);
    }
    case "foreign-deletion": {
      const piece = choose(base);
      const existing = choose(othersIds.filter((s) => s.author === other.author));
      const ref = { id: existing?.id ?? "forged", author: other.author, party: other.party };
      return piece && tr.addMark(piece.from, piece.to, schema.marks.deletion!.create(ref));
    }
    case "remove-insertion": {
      const piece = choose(
        pieces.filter((p) => {
          const mark = suggestionMark(p.node);
          return mark?.type.name === "insertion" && refOfMark(mark).author !== who.author;
        }),
      );
      return piece && tr.delete(piece.from, piece.to);
    }
    case "kind": {
      const paragraphs: number[] = [];
      doc.forEach((block, offset) => {
        if (block.type.name === "paragraph" && !inOwnProposal(block, who)) paragraphs.push(offset);
      });
      const pos = choose(paragraphs);
      if (pos === null) return null;
      const attrs = doc.nodeAt(pos)!.attrs;
      return tr.setNodeMarkup(pos, undefined, { ...attrs, kind: attrs.kind === "op" ? "pp" : "op" });
    }
    case "reuse-id": {
      const pos = choose(textPositions(doc));
      const taken = choose(othersIds);
      if (pos === null || !taken) return null;
      const mark = schema.marks.insertion!.create({ id: taken.id, author: who.author, party: who.party });
      return tr.insert(pos, schema.text("hereby", [mark]));
    }
    case "forge": {
      const pos = choose(textPositions(doc));
      if (pos === null) return null;
      const mark = schema.marks.insertion!.create({ id: "forged", author: other.author, party: other.party });
      return tr.insert(pos, schema.text("hereby", [mark]));
    }
  }
}

describe("validating a suggester's change (property)", () => {
  it("refuses changes outside the suggester's own suggestions", () => {
    const tried = new Map<Illegal, number>();
    fc.assert(
      fc.property(
        randomDocument,
        randomEdits,
        fc.nat(SUGGESTERS.length - 1),
        fc.constantFrom(...ILLEGAL),
        fc.nat(),
        (original, edits, whoIndex, kind, pick) => {
          const { final } = play(original, edits);
          const who = SUGGESTERS[whoIndex]!;
          const change = illegalChange(final, who, kind, pick);
          if (!change) return;
          expect(validateSuggesterChange(final, change.doc, who).ok).toBe(false);
          tried.set(kind, (tried.get(kind) ?? 0) + 1);
        },
      ),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    for (const kind of ILLEGAL) expect(tried.get(kind) ?? 0, kind).toBeGreaterThan(10);
  });
});
