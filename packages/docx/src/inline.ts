import type { JSONContent } from "@tiptap/core";

/** A piece of paragraph text with the formatting Plenary keeps. */
export interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** The plain text of segments. */
export function textOf(segments: readonly Segment[]): string {
  return segments.map((segment) => segment.text).join("");
}

/** Segments without their first `count` characters. */
export function dropStart(segments: readonly Segment[], count: number): Segment[] {
  let rest = count;
  const out: Segment[] = [];
  for (const segment of segments) {
    if (rest >= segment.text.length) {
      rest -= segment.text.length;
      continue;
    }
    out.push({ ...segment, text: segment.text.slice(rest) });
    rest = 0;
  }
  return out;
}

/** Segments with the characters from `from` to `to` only. */
export function slice(segments: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const segment of segments) {
    const end = at + segment.text.length;
    const a = Math.max(from, at);
    const b = Math.min(to, end);
    if (a < b) out.push({ ...segment, text: segment.text.slice(a - at, b - at) });
    at = end;
  }
  return out;
}

/** Segments without leading and trailing white space, neighbours with the same formatting joined. */
export function tidy(segments: readonly Segment[]): Segment[] {
  const joined: Segment[] = [];
  for (const segment of segments) {
    const last = joined.at(-1);
    if (!segment.text) continue;
    if (last && last.bold === segment.bold && last.italic === segment.italic) last.text += segment.text;
    else joined.push({ ...segment });
  }
  const first = joined[0];
  if (first) first.text = first.text.replace(/^\s+/, "");
  const last = joined.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, "");
  return joined.filter((segment) => segment.text);
}

/** Segments as ProseMirror JSON text nodes. */
export function segmentsToJSON(segments: readonly Segment[]): JSONContent[] {
  return tidy(segments).map((segment) => {
    const marks = [...(segment.bold ? [{ type: "bold" }] : []), ...(segment.italic ? [{ type: "italic" }] : [])];
    return { type: "text", text: segment.text, ...(marks.length > 0 ? { marks } : {}) };
  });
}

/** The segments of a JSON block's text nodes (other marks are ignored). */
export function segmentsOfJSON(node: JSONContent): Segment[] {
  return (node.content ?? []).map((leaf) => ({
    text: leaf.text ?? "",
    bold: leaf.marks?.some((mark) => mark.type === "bold") ?? false,
    italic: leaf.marks?.some((mark) => mark.type === "italic") ?? false,
  }));
}
