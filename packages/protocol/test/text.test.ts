import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as protocol from "../src/index.ts";
import { plainText, plainTextProblem } from "../src/index.ts";

// Markup, in the forms filters miss: case, spaces, comments, doctypes, processing instructions, SVG.
const HTML = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "< script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  "Fine text <b>bold</b>",
  "</p>",
  "<!-- hidden -->",
  "<!DOCTYPE html>",
  "<?xml version='1.0'?>",
  "<a href='javascript:alert(1)'>click</a>",
];
// Invisible characters that change how a text reads or is processed.
const INVISIBLE = [
  "a\u0000b",
  "bell\u0007",
  "escape\u001b[31m",
  "delete\u007f",
  "c1\u0085control",
  "\u202Eevil.exe",
  "\u202Dforced",
  "\u202Aembedded\u202C",
  "\u2066isolated\u2069",
  "\u2067rtl isolate\u2069",
];
const PLAIN = [
  "Calls upon States to close the digital divide",
  "a < b, and 2 <3",
  "temperatures < 2 °C",
  "Côte d'Ivoire and Türkiye",
  "يدعو الدول الأعضاء\u200F",
  "呼吁各国",
  "Призывает государства",
  "👩‍💻 developers",
  "& ampersands &amp; entities stay text",
];

describe("plainTextProblem", () => {
  for (const text of HTML) {
    it(`finds HTML in ${JSON.stringify(text)}`, () => {
      expect(plainTextProblem(text, { multiline: true })).toBe("html");
    });
  }
  for (const text of INVISIBLE) {
    it(`finds an invisible character in ${JSON.stringify(text)}`, () => {
      expect(["control", "direction"]).toContain(plainTextProblem(text, { multiline: true }));
    });
  }
  for (const text of PLAIN) {
    it(`accepts ${JSON.stringify(text)}`, () => {
      expect(plainTextProblem(text, { multiline: false })).toBeNull();
    });
  }
  it("accepts line breaks and tabs only where the text may have several lines", () => {
    for (const text of ["one\ntwo", "one\r\ntwo", "one\ttwo", "one\u2028two", "one\u2029two"]) {
      expect(plainTextProblem(text, { multiline: true })).toBeNull();
      expect(plainTextProblem(text, { multiline: false })).toBe("line-break");
    }
  });
});

describe("plainText", () => {
  it("trims, bounds the length, and says what is wrong in a sentence with the problem as a parameter", () => {
    const schema = plainText({ max: 10, tooShort: "Write something." });
    expect(schema.parse("  text  ")).toBe("text");
    expect(schema.safeParse("   ").error?.issues[0]?.message).toBe("Write something.");
    expect(schema.safeParse("x".repeat(11)).error?.issues[0]?.message).toBe("Write at most 10 characters.");
    const issue = schema.safeParse("<b>").error?.issues[0];
    expect(issue?.message).toBe("Write plain text: HTML is not accepted.");
    expect(issue && "params" in issue ? issue.params : undefined).toEqual({ problem: "html" });
  });
});

// Every string a request schema of the API accepts, found by walking the schemas themselves, so
// that a field added later is held to the rule without anyone remembering to.
interface Leaf {
  where: string;
  schema: z.ZodType;
}

function leaves(schema: z.ZodType, path: string): Leaf[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) =>
        leaves(value, path ? `${path}.${key}` : key),
      );
    case "optional":
    case "default":
    case "nullable":
    case "prefault":
    case "readonly":
      return leaves(def.innerType as z.ZodType, path);
    case "pipe":
      return leaves(def.in as z.ZodType, path);
    case "union":
      return (def.options as z.ZodType[]).flatMap((option) => leaves(option, path));
    case "string":
      return [{ where: path, schema }];
    default:
      return [];
  }
}

const requestSchemas = (Object.entries(protocol) as [string, unknown][]).filter(
  (entry): entry is [string, z.ZodType] =>
    entry[0].endsWith("Request") && typeof entry[1] === "object" && entry[1] !== null && "_zod" in entry[1],
);
const textFields = requestSchemas.flatMap(([name, schema]) =>
  leaves(schema, "").map((leaf) => ({ ...leaf, where: `${name}.${leaf.where}` })),
);
// Passwords are the one text the server never shows anyone, and takes as typed.
const checked = textFields.filter((field) => !field.where.endsWith(".password"));

describe("every text field of every request", () => {
  it("is found (the walk sees the schemas)", () => {
    expect(requestSchemas.map(([name]) => name)).toContain("SuggestionDecisionRequest");
    expect(checked.map((field) => field.where)).toEqual(
      expect.arrayContaining([
        "AccountRequest.displayName",
        "ApplicationRequest.statement",
        "ApplicationRequest.organisation",
        "DecisionRequest.reason",
        "SuggestionDecisionRequest.reason",
        "SuggestionDecisionRequest.partyId",
        "RationaleRequest.rationale",
        "ReplyRequest.text",
        "PublishRevisionRequest.name",
        "PublishRevisionRequest.note",
        "CreateDraftRequest.title",
        "InviteRequest.party.name",
        "InviteRequest.partyId",
      ]),
    );
  });

  for (const field of checked) {
    it(`${field.where} refuses markup and invisible characters`, () => {
      for (const text of [...HTML, ...INVISIBLE]) expect(field.schema.safeParse(text).success, text).toBe(false);
      for (const text of HTML.map((html) => `Plain words, then ${html}`)) {
        expect(field.schema.safeParse(text).success, text).toBe(false);
      }
    });
  }

  it("allows line breaks only in statements, rationales, replies, reasons and notes", () => {
    const multiline = checked
      .filter((field) => field.schema.safeParse("A first line of some length,\nand a second line.").success)
      .map((field) => field.where)
      .sort();
    expect(multiline).toEqual([
      "ApplicationRequest.statement",
      "DecisionRequest.reason",
      "PublishRevisionRequest.note",
      "RationaleRequest.rationale",
      "ReplyRequest.text",
      "SuggestionDecisionRequest.reason",
    ]);
  });
});
