import {
  type BlockKind,
  type DocJSON,
  newBlockId,
  numberBlocks,
  type ParagraphKind,
  parseDocJSON,
} from "@plenary/schema";
import type { JSONContent } from "@tiptap/core";
import type { Element } from "@xmldom/xmldom";
import { DocxError } from "./errors.ts";
import { dropStart, type Segment, segmentsToJSON, textOf, tidy } from "./inline.ts";
import { kindOfOpening } from "./kinds.ts";
import { NUMBER_LABEL, SUB_LABEL } from "./labels.ts";
import { type DocxPackage, openPackage, relationships } from "./package.ts";
import { numberingOf, type RunFormat, runFormat, Styles } from "./styles.ts";
import { type ImportWarning, Issues } from "./warnings.ts";
import { type LabelFormat, WordNumbering } from "./word-numbering.ts";
import { attr, child, children, descendants, elements, isW, onOff, parseXml, path, W } from "./xml.ts";

/** Options for {@link readDocx}. */
export interface ReadOptions {
  /** Makes the id of each new block; default {@link newBlockId}. Tests pass a predictable one. */
  newId?: () => string;
}

/** A Word document read into Plenary's model. */
export interface ImportedDocument {
  /** The document's title: its Title paragraph, else its document properties, else its first heading; null if none. */
  title: string | null;
  /** The text: headings as sections, paragraphs as PP, OP or plain, with bold and italic. */
  doc: DocJSON;
  /** Everything that could not be converted as it was, so that nothing is lost silently. */
  warnings: ImportWarning[];
}

interface Label {
  text: string;
  format: LabelFormat;
  /** Characters the label takes at the start of the text (0 when Word numbers the paragraph itself). */
  literal: number;
}

interface Source {
  heading: boolean;
  title: boolean;
  styleNames: string[];
  label: Label | undefined;
  segments: Segment[];
  fromTable: boolean;
}

interface Block {
  kind: BlockKind;
  segments: Segment[];
  /** Index of the source paragraph it came from. */
  source: number;
  label: Label | undefined;
}

/**
 * Reads a .docx into a Plenary document. Headings become sections; other
 * paragraphs become preambular, operative or plain by their style, else by
 * their opening words ("Recalling…" preambular, "Decides…" operative), else,
 * when numbered, by the paragraph before. Original paragraph numbers are kept
 * as text at the start of each paragraph when they are not the ones Plenary
 * computes (1bis, 1ter…). Footnotes become text at their mark. Whatever
 * cannot be converted is listed in the warnings. Throws {@link DocxError}
 * when the buffer is not a readable .docx.
 */
export function readDocx(bytes: Uint8Array, options: ReadOptions = {}): ImportedDocument {
  return new DocumentReader(openPackage(bytes)).read(options.newId ?? (() => newBlockId()));
}

class DocumentReader {
  private readonly pkg: DocxPackage;
  private readonly styles: Styles;
  private readonly numbering: WordNumbering;
  private readonly issues = new Issues();
  private readonly sources: Source[] = [];
  private readonly footnotes: Map<string, Element>;
  private readonly endnotes: Map<string, Element>;
  private readonly noteCount = { footnote: 0, endnote: 0 };
  private fields: boolean[] = [];

  constructor(pkg: DocxPackage) {
    this.pkg = pkg;
    this.styles = new Styles(pkg);
    this.numbering = new WordNumbering(pkg);
    this.footnotes = this.notes("footnotes", "footnote");
    this.endnotes = this.notes("endnotes", "endnote");
  }

  read(newId: () => string): ImportedDocument {
    const root = parseXml(this.pkg.parts.get(this.pkg.main)!, this.pkg.main);
    const body = isW(root, "document") ? child(root, "body") : undefined;
    if (!body) throw new DocxError("malformed", "This .docx file has no document body.");
    this.readBlocks(body, false);
    this.readComments();
    this.readHeadersAndFooters();
    const title = this.sources.find((s) => s.title && textOf(s.segments).trim());
    const blocks = classify(this.sources, this.issues);
    if (blocks.length === 0) throw new DocxError("malformed", "This Word document has no text to import.");
    const kept = keepOrDropLabels(blocks, this.issues);
    const doc = toJSON(kept, newId);
    const numbered = numberBlocks(
      kept.map((block) => ({ id: "", kind: block.kind, text: textOf(block.segments).trim() })),
    );
    const firstHeading = numbered.find((block) => block.kind === "section" && block.text);
    return {
      title: (title ? textOf(tidy(title.segments)) : this.coreTitle()) ?? firstHeading?.text ?? null,
      doc,
      warnings: this.issues.warnings((source) => where(kept, numbered, source)),
    };
  }

  private readBlocks(container: Element, inTable: boolean): void {
    for (const element of elements(container)) {
      if (isW(element, "p")) this.readParagraph(element, inTable);
      else if (isW(element, "tbl")) this.readTable(element);
      else if (isW(element, "sdt")) this.readBlocks(child(element, "sdtContent") ?? element, inTable);
      else if (isW(element, "customXml") || isW(element, "ins") || isW(element, "moveTo")) {
        this.readBlocks(element, inTable);
      } else if (isW(element, "del") || isW(element, "moveFrom")) {
        this.issues.add("tracked-change", this.sources.length, element.textContent?.trim() || undefined);
      } else if (isW(element, "altChunk")) {
        this.issues.add("unsupported", this.sources.length, "an embedded document (altChunk)");
      } else this.unknown(element);
    }
  }

  private readTable(table: Element): void {
    for (const row of children(table, "tr")) {
      const cells = children(row, "tc").map((cell) => {
        const before = this.sources.length;
        this.readBlocks(cell, true);
        const read = this.sources.splice(before);
        return read.flatMap((source, i) =>
          (i > 0 ? [{ text: " ", bold: false, italic: false }] : []).concat(source.segments),
        );
      });
      if (cells.every((cell) => !textOf(cell).trim())) continue;
      const separator = { text: " | ", bold: false, italic: false };
      this.issues.add("table", this.sources.length);
      this.sources.push({
        heading: false,
        title: false,
        styleNames: [],
        label: undefined,
        segments: cells.flatMap((cell, i) => (i > 0 ? [separator, ...tidy(cell)] : tidy(cell))),
        fromTable: true,
      });
    }
  }

  private readParagraph(p: Element, inTable: boolean): void {
    const pPr = child(p, "pPr");
    const styleId = attr(path(pPr, "pStyle"));
    const styleNames = this.styles.names(styleId);
    const outline = attr(path(pPr, "outlineLvl")) ?? this.styles.outlineLevel(styleId);
    const heading = !inTable && (styleNames.some((name) => /^heading \d$/.test(name)) || outline !== undefined);
    const title = !inTable && styleNames[0] === "title";
    const numPr = path(pPr, "numPr");
    const ref = { numId: "", ilvl: 0, ...this.styles.numbering(styleId), ...(numPr ? numberingOf(numPr) : {}) };
    // A paragraph whose mark is a tracked deletion is gone once changes are accepted, and so is its number.
    const struck = path(pPr, "rPr", "del") !== undefined;
    const auto = ref.numId && !struck ? this.numbering.next(ref) : undefined;
    if (path(pPr, "rPr", "ins") || path(pPr, "rPr", "del") || path(pPr, "pPrChange")) {
      this.issues.add("tracked-change", this.sources.length);
    }
    this.fields = [];
    const base = heading ? {} : this.styles.runFormat(styleId, undefined);
    const segments = this.inline(p, base, styleId);
    const text = textOf(segments).trimStart();
    const literal = auto ? undefined : (NUMBER_LABEL.exec(text) ?? SUB_LABEL.exec(text))?.[0];
    let label: Label | undefined;
    if (auto) label = { text: auto.text, format: auto.format, literal: 0 };
    else if (literal) {
      const format = NUMBER_LABEL.test(text) ? "decimal" : /^\(?[ivxlc]+\)/i.test(literal) ? "roman" : "letter";
      label = { text: literal, format, literal: textOf(segments).length - text.length + literal.length };
    }
    this.sources.push({ heading, title, styleNames, label, segments, fromTable: inTable });
  }

  // The runs of a paragraph (or of a container inside one), with the formatting Plenary keeps.
  private inline(container: Element, base: RunFormat, styleId: string | undefined): Segment[] {
    const out: Segment[] = [];
    const here = this.sources.length;
    for (const element of elements(container)) {
      if (element.namespaceURI !== W) {
        this.foreign(element);
        continue;
      }
      switch (element.localName) {
        case "r":
          out.push(...this.run(element, base, styleId));
          break;
        case "ins":
        case "moveTo":
          this.issues.add("tracked-change", here);
          out.push(...this.inline(element, base, styleId));
          break;
        case "del":
        case "moveFrom":
          this.issues.add("tracked-change", here, element.textContent?.trim() || undefined);
          break;
        case "hyperlink": {
          const inner = this.inline(element, base, styleId);
          const id = element.getAttributeNS(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "id",
          );
          const target = id ? relationships(this.pkg, this.pkg.main).get(id)?.target : undefined;
          if (target) this.issues.add("link", here, `${textOf(inner).trim()} → ${target}`);
          out.push(...inner);
          break;
        }
        case "smartTag":
        case "customXml":
        case "fldSimple":
        case "dir":
        case "bdo":
          out.push(...this.inline(element, base, styleId));
          break;
        case "sdt":
          out.push(...this.inline(child(element, "sdtContent") ?? element, base, styleId));
          break;
        case "pPr":
        case "bookmarkStart":
        case "bookmarkEnd":
        case "proofErr":
        case "permStart":
        case "permEnd":
        case "commentRangeStart":
        case "commentRangeEnd":
        case "moveFromRangeStart":
        case "moveFromRangeEnd":
        case "moveToRangeStart":
        case "moveToRangeEnd":
          break;
        default:
          this.unknown(element);
      }
    }
    return out;
  }

  private run(r: Element, base: RunFormat, styleId: string | undefined): Segment[] {
    const rPr = child(r, "rPr");
    const direct = runFormat(rPr);
    const styled = { ...base, ...this.characterStyle(rPr, styleId) };
    const bold = direct.bold ?? styled.bold ?? false;
    const italic = direct.italic ?? styled.italic ?? false;
    const here = this.sources.length;
    this.dropped(rPr, r);
    if (path(rPr, "rPrChange")) this.issues.add("tracked-change", here);
    const out: Segment[] = [];
    const push = (text: string) => {
      if (this.fields.every((showing) => showing)) out.push({ text, bold, italic });
    };
    for (const element of elements(r)) {
      if (element.namespaceURI !== W) {
        this.foreign(element);
        continue;
      }
      switch (element.localName) {
        case "t":
          push(element.textContent ?? "");
          break;
        case "tab":
        case "ptab":
          push(" ");
          break;
        case "br":
        case "cr":
          this.issues.add("line-break", here);
          push(" ");
          break;
        case "noBreakHyphen":
          push("-");
          break;
        case "sym": {
          const code = Number.parseInt(attr(element, "char") ?? "", 16);
          if (Number.isFinite(code)) push(String.fromCodePoint(code >= 0xf000 ? code - 0xf000 : code));
          break;
        }
        case "fldChar": {
          const type = attr(element, "fldCharType");
          if (type === "begin") this.fields.push(false);
          else if (type === "separate" && this.fields.length > 0) this.fields[this.fields.length - 1] = true;
          else if (type === "end") this.fields.pop();
          break;
        }
        case "footnoteReference":
        case "endnoteReference": {
          const kind = element.localName === "footnoteReference" ? "footnote" : "endnote";
          out.push(...this.note(kind, attr(element, "id") ?? "", here));
          break;
        }
        case "drawing":
        case "pict":
        case "object":
          this.issues.add("image", here);
          break;
        case "rPr":
        case "instrText":
        case "delText":
        case "softHyphen":
        case "lastRenderedPageBreak":
        case "commentReference":
        case "annotationRef":
        case "footnoteRef":
        case "endnoteRef":
        case "separator":
        case "continuationSeparator":
          break;
        default:
          this.unknown(element);
      }
    }
    return out;
  }

  private characterStyle(rPr: Element | undefined, paragraphStyle: string | undefined): RunFormat {
    const rStyle = attr(path(rPr, "rStyle"));
    if (!rStyle) return {};
    const withStyle = this.styles.runFormat(paragraphStyle, rStyle);
    const without = this.styles.runFormat(paragraphStyle, undefined);
    return {
      ...(withStyle.bold !== without.bold ? { bold: withStyle.bold } : {}),
      ...(withStyle.italic !== without.italic ? { italic: withStyle.italic } : {}),
    };
  }

  // Formatting with a meaning that Plenary's model has no place for.
  private dropped(rPr: Element | undefined, r: Element): void {
    if (!rPr) return;
    const text = descendants(r, "t")
      .map((t) => t.textContent ?? "")
      .join("")
      .trim();
    if (!text) return;
    const kinds: string[] = [];
    const underline = attr(child(rPr, "u"));
    if (underline && underline !== "none") kinds.push("underlined");
    if (onOff(child(rPr, "strike")) || onOff(child(rPr, "dstrike"))) kinds.push("struck through");
    const vertical = attr(child(rPr, "vertAlign"));
    if (vertical === "superscript" || vertical === "subscript") kinds.push(vertical);
    const highlight = attr(child(rPr, "highlight"));
    if (highlight && highlight !== "none") kinds.push("highlighted");
    for (const kind of kinds) this.issues.add("formatting", this.sources.length, `${text} (${kind})`);
  }

  private note(kind: "footnote" | "endnote", id: string, here: number): Segment[] {
    const element = (kind === "footnote" ? this.footnotes : this.endnotes).get(id);
    if (!element) return [];
    this.noteCount[kind] += 1;
    this.issues.add(kind, here);
    const saved = this.fields;
    this.fields = [];
    const parts = children(element, "p").map((p) => tidy(this.inline(p, {}, attr(path(child(p, "pPr"), "pStyle")))));
    this.fields = saved;
    const plain = (text: string) => ({ text, bold: false, italic: false });
    const body = parts.filter((part) => part.length > 0).flatMap((part, i) => (i > 0 ? [plain(" "), ...part] : part));
    return [plain(` (${kind} ${this.noteCount[kind]}: `), ...body, plain(")")];
  }

  private notes(part: "footnotes" | "endnotes", name: string): Map<string, Element> {
    const text = this.pkg.parts.get(`word/${part}.xml`);
    const found = new Map<string, Element>();
    if (!text) return found;
    for (const note of children(parseXml(text, `word/${part}.xml`), name)) {
      const type = attr(note, "type");
      if (type === "separator" || type === "continuationSeparator" || type === "continuationNotice") continue;
      found.set(attr(note, "id") ?? "", note);
    }
    return found;
  }

  private readComments(): void {
    const text = this.pkg.parts.get("word/comments.xml");
    if (!text) return;
    for (const comment of children(parseXml(text, "word/comments.xml"), "comment")) {
      const words = children(comment, "p")
        .map((p) => p.textContent ?? "")
        .join(" ")
        .trim();
      const author = attr(comment, "author");
      this.issues.add("comment", 0, author ? `${author}: ${words}` : words);
    }
  }

  private readHeadersAndFooters(): void {
    for (const rel of relationships(this.pkg, this.pkg.main).values()) {
      if (rel.type !== "header" && rel.type !== "footer") continue;
      const text = this.pkg.parts.get(rel.target);
      if (!text) continue;
      const root = parseXml(text, rel.target);
      const words = descendants(root, "t")
        .map((t) => t.textContent ?? "")
        .join("")
        .trim();
      if (words) this.issues.add("header-footer", 0, words);
    }
  }

  private coreTitle(): string | undefined {
    const text = this.pkg.parts.get("docProps/core.xml");
    if (!text) return undefined;
    const titles = parseXml(text, "docProps/core.xml").getElementsByTagNameNS(
      "http://purl.org/dc/elements/1.1/",
      "title",
    );
    return titles[0]?.textContent?.trim() || undefined;
  }

  // Elements of other vocabularies: equations, drawings wrapped for compatibility, Word's later extensions.
  private foreign(element: Element): void {
    const here = this.sources.length;
    if (element.localName === "oMath" || element.localName === "oMathPara") this.issues.add("equation", here);
    else if (element.localName === "AlternateContent") {
      const drawing = descendants(element, "drawing").length + descendants(element, "pict").length > 0;
      if (drawing) this.issues.add("image", here);
      else this.unknown(element);
    } else this.unknown(element);
  }

  private unknown(element: Element): void {
    const text = element.textContent?.trim();
    if (text) this.issues.add("unsupported", this.sources.length, `${text.slice(0, 80)} (${element.localName})`);
  }
}

// Decides each paragraph's kind; drops empty paragraphs and the title.
function classify(sources: readonly Source[], issues: Issues): Block[] {
  const blocks: Block[] = [];
  let previous: ParagraphKind | undefined;
  let section = "";
  sources.forEach((source, index) => {
    const text = textOf(source.segments).trim();
    if (!text || source.title) return;
    const push = (kind: BlockKind) =>
      blocks.push({ kind, segments: source.segments, source: index, label: source.label });
    if (source.heading) {
      section = text;
      push("section");
      return;
    }
    const opening = text.slice(source.label?.literal ? source.label.literal : 0);
    const kind = styleKind(source.styleNames) ?? kindOfOpening(opening.trim());
    if (kind) {
      previous = kind;
      push(kind);
      return;
    }
    if (source.label?.format === "decimal" && !source.fromTable) {
      const guessed = previous ?? (/preamb/i.test(section) ? "pp" : "op");
      issues.add("kind-guessed", index);
      previous = guessed;
      push(guessed);
      return;
    }
    if (!source.label && !source.fromTable && looksLikeHeading(source.segments)) {
      issues.add("heading-guessed", index);
      section = text;
      push("section");
      return;
    }
    push("plain");
  });
  return blocks;
}

function styleKind(names: readonly string[]): ParagraphKind | undefined {
  for (const name of names) {
    if (/pre-?ambular/.test(name)) return "pp";
    if (/operative/.test(name)) return "op";
  }
  return undefined;
}

// "Preamble", "I. Shared vision", "Annex": short, all bold, no closing punctuation.
function looksLikeHeading(segments: readonly Segment[]): boolean {
  const visible = tidy(segments);
  const text = textOf(visible);
  if (text.length > 80 || /[.;,:]$/.test(text) || text.split(/\s+/).length > 10) return false;
  return visible.every((segment) => segment.bold) || /^(preamble|annex\b|[IVXL]+\.\s)/i.test(text);
}

/**
 * Original numbers are dropped when they are exactly the ones Plenary computes
 * (PP 1, 2… and OP 1, 2…): nothing is lost, Plenary shows them. Otherwise (bis,
 * ter, numbers running on from the preamble into the operative part…) every
 * paragraph keeps its number as text at its start, so references stay valid.
 * Labels of sections and plain paragraphs are always kept as text.
 */
function keepOrDropLabels(blocks: readonly Block[], issues: Issues): Block[] {
  const numbered = numberBlocks(blocks.map((block) => ({ id: "", kind: block.kind, text: "" })));
  const matches = blocks.every((block, i) => {
    if ((block.kind !== "pp" && block.kind !== "op") || !block.label) return true;
    const digits = /^\(?(\d+)[.)]$/.exec(block.label.text.trim());
    return block.label.format === "decimal" && digits !== null && Number(digits[1]) === numbered[i]!.number;
  });
  return blocks.map((block) => {
    const label = block.label;
    if (!label) return block;
    const numberedKind = block.kind === "pp" || block.kind === "op";
    if (numberedKind && matches) {
      return label.literal ? { ...block, segments: dropLabel(block.segments, label.literal) } : block;
    }
    if (numberedKind) issues.add("numbering-kept", block.source, label.text);
    if (label.literal) return block;
    const prefix = label.format === "bullet" ? "•" : label.text;
    return { ...block, segments: [{ text: `${prefix} `, bold: false, italic: false }, ...block.segments] };
  });
}

function dropLabel(segments: readonly Segment[], literal: number): Segment[] {
  const rest = dropStart(segments, literal);
  const spaces = /^\s*/.exec(textOf(rest))?.[0].length ?? 0;
  return dropStart(rest, spaces);
}

function toJSON(blocks: readonly Block[], newId: () => string): DocJSON {
  const content: JSONContent[] = blocks.map((block) => {
    const inline = segmentsToJSON(block.segments);
    const attrs =
      block.kind === "section"
        ? { id: newId(), suggestion: null }
        : { id: newId(), kind: block.kind, suggestion: null };
    return {
      type: block.kind === "section" ? "section" : "paragraph",
      attrs,
      ...(inline.length > 0 ? { content: inline } : {}),
    };
  });
  return parseDocJSON({ type: "doc", content }).toJSON() as DocJSON;
}

// How a warning names a place: the block's number, or the heading or words it starts with.
function where(blocks: readonly Block[], numbered: ReturnType<typeof numberBlocks>, source: number): string {
  let at = blocks.findIndex((block) => block.source >= source);
  if (at < 0) at = blocks.length - 1;
  const block = numbered[at]!;
  const exact = blocks[at]!.source === source;
  const name =
    block.label ??
    (block.kind === "section" ? `the heading “${short(block.text)}”` : `the paragraph “${short(block.text)}”`);
  return exact ? name : `before ${name}`;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
