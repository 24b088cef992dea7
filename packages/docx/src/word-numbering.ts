import type { Element } from "@xmldom/xmldom";
import type { DocxPackage } from "./package.ts";
import type { NumberingRef } from "./styles.ts";
import { attr, child, children, parseXml } from "./xml.ts";

/** What sort of label a list level writes. */
export type LabelFormat = "decimal" | "letter" | "roman" | "bullet" | "none";

/** The label Word shows before a numbered paragraph ("1.", "(a)", "•"), and what sort it is. */
export interface ListLabel {
  text: string;
  format: LabelFormat;
}

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Instance {
  abstractId: string;
  starts: Map<number, number>;
}

/**
 * Word's automatic list numbering, replayed: the labels Word shows in front of
 * numbered paragraphs are not in the text but computed from numbering.xml as
 * the document is laid out. Call {@link next} for each numbered paragraph in
 * document order.
 */
export class WordNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, Instance>();
  private readonly counters = new Map<string, number[]>();

  constructor(pkg: DocxPackage) {
    const text = pkg.parts.get("word/numbering.xml");
    if (!text) return;
    const root = parseXml(text, "word/numbering.xml");
    for (const abstract of children(root, "abstractNum")) {
      const levels = new Map<number, Level>();
      for (const lvl of children(abstract, "lvl")) levels.set(int(attr(lvl, "ilvl"), 0), levelOf(lvl));
      this.abstracts.set(attr(abstract, "abstractNumId") ?? "", levels);
    }
    for (const num of children(root, "num")) {
      const starts = new Map<number, number>();
      for (const override of children(num, "lvlOverride")) {
        const start = attr(child(override, "startOverride"));
        if (start !== undefined) starts.set(int(attr(override, "ilvl"), 0), int(start, 1));
      }
      this.instances.set(attr(num, "numId") ?? "", { abstractId: attr(child(num, "abstractNumId")) ?? "", starts });
    }
  }

  /** The label of the next paragraph of list `ref`; undefined when the reference names no list (numId 0). */
  next(ref: NumberingRef): ListLabel | undefined {
    const instance = this.instances.get(ref.numId);
    const levels = instance && this.abstracts.get(instance.abstractId);
    const level = levels?.get(ref.ilvl);
    if (!instance || !levels || !level) return undefined;
    let counters = this.counters.get(ref.numId);
    if (!counters) {
      counters = [];
      this.counters.set(ref.numId, counters);
    }
    const startOf = (ilvl: number) => instance.starts.get(ilvl) ?? levels.get(ilvl)?.start ?? 1;
    counters[ref.ilvl] = counters[ref.ilvl] === undefined ? startOf(ref.ilvl) : counters[ref.ilvl]! + 1;
    counters.length = ref.ilvl + 1;
    const format = formatOf(level.format);
    if (format === "bullet") return { text: level.text, format };
    if (format === "none") return level.text ? { text: level.text, format } : undefined;
    const text = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const ilvl = Number(n) - 1;
      const value = counters[ilvl] ?? startOf(ilvl);
      return formatNumber(value, levels.get(ilvl)?.format ?? "decimal");
    });
    return { text, format };
  }
}

function levelOf(lvl: Element): Level {
  return {
    start: int(attr(child(lvl, "start")), 1),
    format: attr(child(lvl, "numFmt")) ?? "decimal",
    text: attr(child(lvl, "lvlText")) ?? "",
  };
}

function formatOf(numFmt: string): LabelFormat {
  if (numFmt === "bullet") return "bullet";
  if (numFmt === "none") return "none";
  if (/letter/i.test(numFmt)) return "letter";
  if (/roman/i.test(numFmt)) return "roman";
  return "decimal";
}

function formatNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case "lowerLetter":
      return letters(value);
    case "upperLetter":
      return letters(value).toUpperCase();
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperRoman":
      return roman(value);
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    default:
      return String(value);
  }
}

// Word's letters go a…z, aa…zz, aaa…
function letters(value: number): string {
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  const numerals: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = value;
  let out = "";
  for (const [n, numeral] of numerals) {
    while (rest >= n) {
      out += numeral;
      rest -= n;
    }
  }
  return out;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}
