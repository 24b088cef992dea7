import type { DocxError } from "./errors.ts";
import { openPackage } from "./package.ts";
import { attr, descendants, parseXml, W } from "./xml.ts";

/** A tracked change found in a .docx, as Word would list it in its Reviewing pane. */
export interface FoundChange {
  type: "insertion" | "deletion";
  author: string;
  date: string | null;
  /** The text inserted or deleted ("" for a paragraph mark alone). */
  text: string;
}

/** A comment found in a .docx. */
export interface FoundComment {
  author: string;
  text: string;
}

/**
 * The tracked changes and comments of a .docx, in document order: what a
 * reviewer would see. Meant for checking exports (tests, a browser test of the
 * whole flow); throws {@link DocxError} when the buffer is not a .docx.
 */
export function inspectDocx(bytes: Uint8Array): { changes: FoundChange[]; comments: FoundComment[] } {
  const pkg = openPackage(bytes);
  const body = parseXml(pkg.parts.get(pkg.main)!, pkg.main);
  const changes = [...body.getElementsByTagNameNS(W, "*")]
    .filter((element) => element.localName === "ins" || element.localName === "del")
    .map((element) => ({
      type: element.localName === "ins" ? ("insertion" as const) : ("deletion" as const),
      author: attr(element, "author") ?? "",
      date: attr(element, "date") ?? null,
      text: element.textContent ?? "",
    }));
  const commentsPart = pkg.parts.get("word/comments.xml");
  const comments = commentsPart
    ? descendants(parseXml(commentsPart, "word/comments.xml"), "comment").map((comment) => ({
        author: attr(comment, "author") ?? "",
        text: descendants(comment, "p")
          .map((p) => p.textContent ?? "")
          .join("\n"),
      }))
    : [];
  return { changes, comments };
}
