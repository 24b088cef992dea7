import type { Element } from "@xmldom/xmldom";
import type { DocxPackage } from "./package.ts";
import { attr, child, children, onOff, parseXml, path } from "./xml.ts";

/** Bold and italic as a style or a run sets them; undefined where it says nothing. */
export interface RunFormat {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
}

/** A list numbering reference: which list (`numId`) and which level. */
export interface NumberingRef {
  numId: string;
  ilvl: number;
}

interface Style {
  name: string;
  basedOn: string | undefined;
  run: RunFormat;
  outlineLevel: number | undefined;
  numbering: Partial<NumberingRef> | undefined;
}

/** The styles of a document, resolved along their `basedOn` chains. */
export class Styles {
  private readonly styles = new Map<string, Style>();
  private readonly defaults: RunFormat;
  private readonly defaultParagraph: string | undefined;

  constructor(pkg: DocxPackage) {
    const text = pkg.parts.get("word/styles.xml");
    const root = text ? parseXml(text, "word/styles.xml") : undefined;
    this.defaults = runFormat(path(root, "docDefaults", "rPrDefault", "rPr"));
    for (const style of root ? children(root, "style") : []) {
      const id = attr(style, "styleId");
      if (!id) continue;
      const pPr = child(style, "pPr");
      const numPr = pPr && child(pPr, "numPr");
      this.styles.set(id, {
        name: (attr(child(style, "name")) ?? id).toLowerCase(),
        basedOn: attr(child(style, "basedOn")),
        run: runFormat(child(style, "rPr")),
        outlineLevel: numberOf(attr(pPr && child(pPr, "outlineLvl"))),
        numbering: numPr ? numberingOf(numPr) : undefined,
      });
    }
    const isDefault = (style: Element) => attr(style, "type") === "paragraph" && attr(style, "default") === "1";
    this.defaultParagraph = attr(root && children(root, "style").find(isDefault), "styleId");
  }

  /** The names of a paragraph style and of every style it is based on, nearest first, in lower case ("heading 1"). */
  names(paragraphStyle: string | undefined): string[] {
    return this.chain(paragraphStyle ?? this.defaultParagraph).map((style) => style.name);
  }

  /** The outline level a paragraph style gives (0 for "heading 1"), if any. */
  outlineLevel(paragraphStyle: string | undefined): number | undefined {
    return this.chain(paragraphStyle ?? this.defaultParagraph).find((s) => s.outlineLevel !== undefined)?.outlineLevel;
  }

  /** The list numbering a paragraph style gives, if any. */
  numbering(paragraphStyle: string | undefined): Partial<NumberingRef> | undefined {
    return this.chain(paragraphStyle ?? this.defaultParagraph).find((s) => s.numbering)?.numbering;
  }

  /** Bold and italic of a run before its direct formatting: document defaults, paragraph style, character style. */
  runFormat(paragraphStyle: string | undefined, characterStyle: string | undefined): RunFormat {
    const format: RunFormat = { ...defined(this.defaults) };
    const chains = [this.chain(paragraphStyle ?? this.defaultParagraph), this.chain(characterStyle)];
    for (const chain of chains) for (const style of [...chain].reverse()) Object.assign(format, defined(style.run));
    return format;
  }

  private chain(id: string | undefined): Style[] {
    const found: Style[] = [];
    let next = id;
    while (next && found.length < 20) {
      const style = this.styles.get(next);
      if (!style) break;
      found.push(style);
      next = style.basedOn;
    }
    return found;
  }
}

/** Bold and italic set directly in a `w:rPr`. */
export function runFormat(rPr: Element | undefined): RunFormat {
  if (!rPr) return {};
  return { bold: onOff(child(rPr, "b")), italic: onOff(child(rPr, "i")) };
}

/** The list reference of a `w:numPr`. */
export function numberingOf(numPr: Element): Partial<NumberingRef> {
  const numId = attr(child(numPr, "numId"));
  const ilvl = numberOf(attr(child(numPr, "ilvl")));
  return { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}) };
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

function defined(format: RunFormat): RunFormat {
  return Object.fromEntries(Object.entries(format).filter(([, value]) => value !== undefined));
}
