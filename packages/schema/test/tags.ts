import type { JSONContent } from "@tiptap/core";
import type { DocJSON } from "../src/index.ts";

/** A document whose builder text held tags such as `<a>`, and the positions those tags marked. */
export interface Tagged {
  doc: DocJSON;
  tags: Record<string, number>;
}

const TAG = /<([a-z]\w*)>/g;

/**
 * Removes tags like `<a>` from the text of a document built with the builders and
 * records the ProseMirror position of each: `tagged(doc(op("Calls upon <a>States")))`.
 * The schema is flat (doc > blocks > text), so a block opens one position before its text.
 */
export function tagged(json: DocJSON): Tagged {
  const tags: Record<string, number> = {};
  let pos = 0;
  const content = json.content.map((block) => {
    pos += 1;
    const inline: JSONContent[] = [];
    for (const node of block.content ?? []) {
      const text = stripTags(node.text ?? "", pos, tags);
      pos += text.length;
      if (text !== "") inline.push({ ...node, text });
    }
    pos += 1;
    const { content: _old, ...rest } = block;
    return inline.length > 0 ? { ...rest, content: inline } : rest;
  });
  return { doc: { ...json, content }, tags };
}

function stripTags(text: string, start: number, tags: Record<string, number>): string {
  let stripped = "";
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    stripped += text.slice(last, match.index);
    const name = match[1]!;
    if (name in tags) throw new RangeError(`Tag <${name}> used twice`);
    tags[name] = start + stripped.length;
    last = match.index + match[0].length;
  }
  return stripped + text.slice(last);
}
