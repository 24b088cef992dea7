import type { Node as PMNode } from "@tiptap/pm/model";

/**
 * Whether two documents have the same top-level blocks: same count, and at each
 * position the same node type, paragraph kind and id. Paragraph numbers depend on
 * nothing else, so while this holds they need no recomputing. Cheap: unchanged
 * blocks are the same objects and are skipped, and no text is read.
 */
export function sameBlockStructure(a: PMNode, b: PMNode): boolean {
  if (a === b) return true;
  if (a.childCount !== b.childCount) return false;
  for (let index = 0; index < a.childCount; index++) {
    const before = a.child(index);
    const after = b.child(index);
    if (before === after) continue;
    if (before.type !== after.type) return false;
    if (before.attrs.kind !== after.attrs.kind || before.attrs.id !== after.attrs.id) return false;
  }
  return true;
}
