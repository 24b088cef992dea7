import { blocksOfJSON, isBlockId, jsonToYDoc, numberBlocks, parseDocJSON, yDocToJSON } from "@plenary/schema";
import { describe, expect, it } from "vitest";
import { demoDraft } from "../src/demo/demo-draft.ts";

const blocks = numberBlocks(blocksOfJSON(demoDraft.doc));
const ofKind = (kind: string) => blocks.filter((block) => block.kind === kind);

describe("the demo draft", () => {
  it("is a valid Plenary document", () => {
    expect(() => parseDocJSON(demoDraft.doc)).not.toThrow();
  });

  it("keeps its text and block ids through a Y.Doc", () => {
    expect(yDocToJSON(jsonToYDoc(demoDraft.doc))).toEqual(parseDocJSON(demoDraft.doc).toJSON());
  });

  it("has a fixed id and a title", () => {
    expect(demoDraft.id).toBe("demo-zero-draft");
    expect(demoDraft.title.length).toBeGreaterThan(0);
  });

  it("has three sections, 8 to 12 preambular and 20 to 30 operative paragraphs", () => {
    expect(ofKind("section")).toHaveLength(3);
    expect(ofKind("pp").length).toBeGreaterThanOrEqual(8);
    expect(ofKind("pp").length).toBeLessThanOrEqual(12);
    expect(ofKind("op").length).toBeGreaterThanOrEqual(20);
    expect(ofKind("op").length).toBeLessThanOrEqual(30);
  });

  it("gives every block a unique, well-formed id", () => {
    const ids = blocks.map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isBlockId(id), id).toBe(true);
  });

  it("opens every preambular paragraph with a capitalised participle and ends it with a comma", () => {
    for (const block of ofKind("pp")) {
      expect(block.text, block.label ?? block.id).toMatch(/^[A-Z][a-z]+ing\b/);
      expect(block.text, block.label ?? block.id).toMatch(/,$/);
    }
  });

  it("ends every operative paragraph with a semicolon, the last with a full stop", () => {
    const operative = ofKind("op");
    for (const block of operative) expect(block.text, block.label ?? block.id).toMatch(/[;.]$/);
    expect(operative.at(-1)?.text).toMatch(/\.$/);
    for (const block of operative.slice(0, -1)) expect(block.text, block.label ?? block.id).toMatch(/;$/);
  });
});
