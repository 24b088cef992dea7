import { strFromU8, type UnzipFileInfo, unzipSync } from "fflate";
import { DocxError } from "./errors.ts";
import { parseXml } from "./xml.ts";

/** Largest part we unpack, and largest total, as declared in the archive (a zip bomb is refused before inflating). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 128 * 1024 * 1024;

const MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/** The parts of a .docx that the reader uses, as text; names of the other parts, to report what was left out. */
export interface DocxPackage {
  /** Part name (without a leading slash) → its XML text. */
  parts: Map<string, string>;
  /** Every part name in the archive. */
  names: string[];
  /** Name of the main document part (normally word/document.xml). */
  main: string;
}

const WANTED = /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/core\.xml|word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels)$/;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound files: Word 97–2003 documents (and other old Office files).
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Unpacks a .docx; throws {@link DocxError} when it is not one. */
export function openPackage(bytes: Uint8Array): DocxPackage {
  if (OLE_MAGIC.every((byte, i) => bytes[i] === byte)) {
    throw new DocxError(
      "not-docx",
      "This is an old-format Word document (.doc); open it in Word and save it as .docx.",
    );
  }
  if (bytes.length < 4 || ZIP_MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new DocxError("not-docx", "This file is not a Word document (.docx): it is not even a zip archive.");
  }
  const names: string[] = [];
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        names.push(file.name);
        if (!WANTED.test(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
          throw new DocxError("too-large", "This Word document unpacks to more text than Plenary accepts.");
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError(
      "malformed",
      `This .docx file is damaged and cannot be unpacked (${(error as Error).message}).`,
    );
  }
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) parts.set(name, decode(data, name));
  const main = mainDocumentName(parts);
  if (!parts.has(main)) throw new DocxError("malformed", `This .docx file lacks its main part (${main}).`);
  return { parts, names, main };
}

function decode(data: Uint8Array, name: string): string {
  try {
    return strFromU8(data);
  } catch {
    throw new DocxError("malformed", `The part ${name} of this .docx file is not readable text.`);
  }
}

// The content types say which part is the Word document; a spreadsheet or a
// presentation is a zip of XML too, and is refused here.
function mainDocumentName(parts: Map<string, string>): string {
  const types = parts.get("[Content_Types].xml");
  if (!types) throw new DocxError("not-docx", "This file is a zip archive, but not a Word document (.docx).");
  const overrides = [...parseXml(types, "[Content_Types].xml").getElementsByTagName("Override")];
  for (const override of overrides) {
    const type = override.getAttribute("ContentType");
    const name = override.getAttribute("PartName")?.replace(/^\//, "");
    if (name && (type === MAIN_DOCUMENT || type === MAIN_DOCUMENT.replace(".document.", ".template."))) return name;
  }
  if (/macroEnabled/.test(types)) {
    throw new DocxError("not-docx", "Macro-enabled Word files (.docm) are not accepted; save the document as .docx.");
  }
  throw new DocxError("not-docx", "This file is a zip archive, but not a Word document (.docx).");
}

/** A relationship of a part: its type (last segment of the type URI) and its target part or URL. */
export interface Relationship {
  type: string;
  target: string;
}

/** The relationships of a part (`word/document.xml` → its `word/_rels/document.xml.rels`), by id. */
export function relationships(pkg: DocxPackage, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf("/");
  const name = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const text = pkg.parts.get(name);
  const found = new Map<string, Relationship>();
  if (!text) return found;
  for (const rel of [...parseXml(text, name).getElementsByTagName("Relationship")]) {
    const id = rel.getAttribute("Id");
    const type = rel.getAttribute("Type") ?? "";
    const target = rel.getAttribute("Target") ?? "";
    const external = rel.getAttribute("TargetMode") === "External";
    if (id)
      found.set(id, { type: type.slice(type.lastIndexOf("/") + 1), target: external ? target : join(part, target) });
  }
  return found;
}

function join(part: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = part.slice(0, part.lastIndexOf("/") + 1);
  const segments = `${base}${target}`.split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== ".") out.push(segment);
  }
  return out.join("/");
}
