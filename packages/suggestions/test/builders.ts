import * as base from "@plenary/schema";
import { type DocJSON, type Inline, parseDocJSON, withId } from "@plenary/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import type { IdSource, Suggester } from "../src/index.ts";

/** A node of a document in JSON, as the schema's builders make it. */
export type NodeJSON = Exclude<Inline, string>;

/** Three suggesters from three parties. */
export const A: Suggester = { author: "amina", party: "KEN" };
export const B: Suggester = { author: "bruno", party: "BRA" };
export const C: Suggester = { author: "chen", party: "CSO-7" };

const ref = (who: Suggester, id: string) => ({ id, author: who.author, party: who.party });

/** Text proposed for insertion by `who` as suggestion `id`. */
export const ins = (text: string, who: Suggester, id: string): NodeJSON => ({
  type: "text",
  text,
  marks: [{ type: "insertion", attrs: ref(who, id) }],
});

/** Text proposed for deletion by `who` as suggestion `id`. */
export const del = (text: string, who: Suggester, id: string): NodeJSON => ({
  type: "text",
  text,
  marks: [{ type: "deletion", attrs: ref(who, id) }],
});

/** A preambular paragraph with the block id `id`. */
export const pp = (id: string, ...content: Inline[]) => withId(base.pp(...content), id);
/** An operative paragraph with the block id `id`. */
export const op = (id: string, ...content: Inline[]) => withId(base.op(...content), id);
/** A plain paragraph with the block id `id`. */
export const plain = (id: string, ...content: Inline[]) => withId(base.plain(...content), id);
/** A section heading with the block id `id`. */
export const section = (id: string, ...content: Inline[]) => withId(base.section(...content), id);

/** A block proposed as a new block by `who` as suggestion `id`. */
export const proposed = (block: NodeJSON, who: Suggester, id: string): NodeJSON => ({
  ...block,
  attrs: { ...block.attrs, suggestion: { type: "insertion", ...ref(who, id) } },
});

/** A block proposed for deletion as a whole by `who` as suggestion `id`. */
export const struck = (block: NodeJSON, who: Suggester, id: string): NodeJSON => ({
  ...block,
  attrs: { ...block.attrs, suggestion: { type: "deletion", ...ref(who, id) } },
});

export { doc } from "@plenary/schema";

const TAG = /<([a-z])>/g;

/**
 * The document of `json` with tags such as `<a>` removed from its text, and the
 * position each tag marked. The schema is flat (doc > blocks > text), so a
 * block opens one position before its text.
 */
export function tagged(json: DocJSON): { node: PMNode; tags: Record<string, number> } {
  const tags: Record<string, number> = {};
  let pos = 0;
  const content = json.content.map((block) => {
    pos += 1;
    const inline: NodeJSON[] = [];
    for (const node of block.content ?? []) {
      let text = "";
      let last = 0;
      const raw = node.text ?? "";
      for (const match of raw.matchAll(TAG)) {
        text += raw.slice(last, match.index);
        tags[match[1]!] = pos + text.length;
        last = match.index + match[0].length;
      }
      text += raw.slice(last);
      pos += text.length;
      if (text !== "") inline.push({ ...node, text });
    }
    pos += 1;
    const { content: _old, ...rest } = block;
    return inline.length > 0 ? { ...rest, content: inline } : rest;
  });
  return { node: parseDocJSON({ ...json, content }), tags };
}

/** An editor state holding `json`, the cursor at `<a>` (or the selection from `<a>` to `<b>`). */
export function state(json: DocJSON): EditorState {
  const { node, tags } = tagged(json);
  const editor = EditorState.create({ doc: node });
  if (tags.a === undefined) return editor;
  return editor.apply(editor.tr.setSelection(TextSelection.create(node, tags.a, tags.b ?? tags.a)));
}

/** The document of `json`, tags removed. */
export const node = (json: DocJSON): PMNode => tagged(json).node;

/** Predictable ids: suggestions s1, s2…; new blocks n1, n2…. */
export function counterIds(): IdSource {
  let suggestions = 0;
  let blocks = 0;
  return { suggestionId: () => `s${++suggestions}`, blockId: () => `n${++blocks}` };
}
