import type { BlockKind } from "@plenary/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Command, EditorState } from "@tiptap/pm/state";

/** The kinds a block can be switched to, in the toolbar's order. */
export const BLOCK_KINDS: readonly BlockKind[] = ["pp", "op", "plain", "section"];

/** The kind of a top-level block: a section heading or a PP / OP / plain paragraph. */
export function blockKindOf(node: PMNode): BlockKind {
  if (node.type.name === "section") return "section";
  const kind = node.attrs.kind;
  return kind === "pp" || kind === "op" ? kind : "plain";
}

/** The kind shared by every top-level block the selection touches, or null if they differ. */
export function activeBlockKind(state: EditorState): BlockKind | null {
  const { $from, $to } = state.selection;
  let kind: BlockKind | null = null;
  for (let index = $from.index(0); index <= Math.min($to.index(0), state.doc.childCount - 1); index++) {
    const here = blockKindOf(state.doc.child(index));
    if (kind !== null && here !== kind) return null;
    kind = here;
  }
  return kind;
}

/**
 * Makes every top-level block the selection touches a block of `kind`, keeping each
 * block's id, content and marks (so its identity survives: only its number changes).
 */
export function setBlockKind(kind: BlockKind): Command {
  return (state, dispatch) => {
    const { schema, doc } = state;
    const { $from, $to } = state.selection;
    const tr = state.tr;
    for (let index = $from.index(0); index <= Math.min($to.index(0), doc.childCount - 1); index++) {
      const node = doc.child(index);
      if (!node.isTextblock || blockKindOf(node) === kind) continue;
      const pos = $from.posAtIndex(index, 0);
      // The block's suggestion (a proposed or struck paragraph) stays with it.
      const attrs = { id: node.attrs.id, suggestion: node.attrs.suggestion ?? null };
      if (kind === "section") tr.setNodeMarkup(pos, schema.nodes.section, attrs, node.marks);
      else tr.setNodeMarkup(pos, schema.nodes.paragraph, { ...attrs, kind }, node.marks);
    }
    if (!tr.docChanged) return false;
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}
