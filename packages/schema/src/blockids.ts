import UniqueID, { type UniqueIDOptions } from "@tiptap/extension-unique-id";
import type { Node as PMNode, Slice } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  DocAttrStep,
  Mapping,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from "@tiptap/pm/transform";
import type { EditorView } from "@tiptap/pm/view";

/**
 * Tiptap's UniqueID extension, repaired so that a block moved by drag and drop keeps its
 * id and a block arriving with an id used elsewhere in the document gets a new one.
 */
export const BlockIds = UniqueID.extend({
  addProseMirrorPlugins() {
    const plugins = this.parent?.() ?? [];
    if (!this.options.updateDocument) return plugins;
    return [...plugins.map(keepIdsOfMovedBlocks), distinctIds(this.options)];
  },
});

// prosemirror-view marks every drag it starts as "copyMove", which UniqueID's drop
// handler takes for a copy, so it strips the ids of the dragged slice. When the slice is
// the one being dragged in this view and the drag moves it, the unstripped slice is used.
// The stripping function still runs, to reset UniqueID's own "pasting" flag.
function keepIdsOfMovedBlocks(plugin: Plugin): Plugin {
  const strip = plugin.spec.props?.transformPasted;
  if (!strip) return plugin;
  return new Plugin({
    ...plugin.spec,
    props: {
      ...plugin.spec.props,
      transformPasted(slice, view, plain) {
        const stripped = strip.call(this, slice, view, plain);
        return isMovedByDrag(view, slice) ? slice : stripped;
      },
    },
  });
}

function isMovedByDrag(view: EditorView, slice: Slice): boolean {
  const { dragging } = view;
  return dragging?.move === true && dragging.slice === slice;
}

const distinctIdsKey = new PluginKey("distinctBlockIds");

// UniqueID only compares the ids inside the changed ranges, so a block inserted with the
// id of a block elsewhere keeps it. This plugin renames such duplicates, keeping the id on
// the block that held it before the change. It skips remote Yjs changes, as UniqueID
// does: clients renaming them independently would diverge, so they are left to the
// server's validation.
function distinctIds(options: UniqueIDOptions): Plugin {
  const { attributeName, generateID, filterTransaction, types } = options;
  const carriesId = (node: PMNode) =>
    (types === "all" ? !node.isText : types.includes(node.type.name)) && node.attrs[attributeName] != null;
  return new Plugin({
    key: distinctIdsKey,
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      if (transactions.some((tr) => tr.getMeta("y-sync$"))) return null;
      if (filterTransaction && transactions.some((tr) => !filterTransaction(tr))) return null;
      if (!transactions.some((tr) => tr.steps.some((step) => mayBringIds(step, carriesId, attributeName)))) return null;

      const groups = duplicateGroups(newState.doc, carriesId, attributeName);
      if (groups.length === 0) return null;
      const existedBefore = heldBefore(transactions, oldState, attributeName);
      const tr = newState.tr;
      for (const group of groups) {
        const keeper = group.find(existedBefore) ?? group[0];
        for (const { node, pos } of group.filter((located) => located !== keeper)) {
          tr.setNodeMarkup(pos, undefined, { ...node.attrs, [attributeName]: generateID({ node, pos }) });
        }
      }
      tr.setStoredMarks(newState.storedMarks);
      tr.setMeta("__uniqueIDTransaction", true);
      return tr;
    },
  });
}

// Cheap test run on every change, so that typing does not scan the document: only
// inserted blocks that carry an id, and changes of the id attribute, can duplicate one.
function mayBringIds(step: Step, carriesId: (node: PMNode) => boolean, attributeName: string): boolean {
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) return sliceCarriesId(step.slice, carriesId);
  if (step instanceof AttrStep) return step.attr === attributeName;
  const harmless = [AddMarkStep, RemoveMarkStep, AddNodeMarkStep, RemoveNodeMarkStep, DocAttrStep];
  return !harmless.some((type) => step instanceof type);
}

function sliceCarriesId(slice: Slice, carriesId: (node: PMNode) => boolean): boolean {
  let found = false;
  slice.content.descendants((node) => {
    found ||= carriesId(node);
    return !found && !node.isTextblock;
  });
  return found;
}

interface Located {
  node: PMNode;
  pos: number;
}

function duplicateGroups(doc: PMNode, carriesId: (node: PMNode) => boolean, attributeName: string): Located[][] {
  const byId = new Map<string, Located[]>();
  doc.descendants((node, pos) => {
    if (carriesId(node)) {
      const id = String(node.attrs[attributeName]);
      const group = byId.get(id);
      if (group) group.push({ node, pos });
      else byId.set(id, [{ node, pos }]);
    }
    return !node.isTextblock;
  });
  return [...byId.values()].filter((group) => group.length > 1);
}

// Whether a block of the new document was already there, with the same id, before the transactions.
function heldBefore(transactions: readonly Transaction[], oldState: EditorState, attributeName: string) {
  const mapping = new Mapping();
  for (const tr of transactions) mapping.appendMapping(tr.mapping);
  const back = mapping.invert();
  return ({ node, pos }: Located): boolean => {
    const { pos: oldPos, deleted } = back.mapResult(pos);
    return !deleted && oldState.doc.nodeAt(oldPos)?.attrs[attributeName] === node.attrs[attributeName];
  };
}
