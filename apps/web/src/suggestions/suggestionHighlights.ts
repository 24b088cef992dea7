import type { SuggestionRef } from "@plenary/schema";
import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { cachedHighlights, type Highlight } from "./highlights.ts";

/** How suggestions are drawn; a new `version` redraws them. */
export interface HighlightStyle {
  version: number;
  /** The colour of the party's stakeholder group (a CSS colour), or null while the party is unknown. */
  colourOf(ref: SuggestionRef): string | null;
  /** The tooltip: whose suggestion, and what it proposes. */
  titleOf(ref: SuggestionRef, type: Highlight["type"], block: boolean): string;
  /** Whether the suggestion is in the chosen layer (others are dimmed). */
  shown(ref: SuggestionRef): boolean;
  /** The suggestion selected in the side panel or under the caret. */
  activeId: string | null;
}

/** The plugin's state: the decorations, and the style version they were drawn with. */
export interface HighlightState {
  version: number;
  decorations: DecorationSet;
}

/** Key of the plugin that draws suggestions; dispatch a transaction with this meta set to redraw them. */
export const suggestionHighlightsKey = new PluginKey<HighlightState>("suggestionHighlights");

/** Options of {@link SuggestionHighlights}. */
export interface SuggestionHighlightsOptions {
  style: () => HighlightStyle;
}

/**
 * Draws every suggestion in its party's stakeholder-group colour, with a
 * tooltip naming the party, dimmed when outside the chosen layer and outlined
 * when active. The insertion and deletion marks themselves render as `<ins>`
 * and `<del>`; this adds what depends on who the parties are. A block's pieces
 * are found once per version of the block (see `cachedHighlights`), so typing
 * costs in proportion to the suggestions drawn, not to the text.
 */
export const SuggestionHighlights = Extension.create<SuggestionHighlightsOptions>({
  name: "suggestionHighlights",
  addOptions() {
    return {
      style: () => ({ version: 0, colourOf: () => null, titleOf: () => "", shown: () => true, activeId: null }),
    };
  },
  addProseMirrorPlugins() {
    return [suggestionHighlightsPlugin(this.options.style)];
  },
});

/** The ProseMirror plugin behind {@link SuggestionHighlights}; `style` is read whenever the text or its version changes. */
export function suggestionHighlightsPlugin(style: () => HighlightStyle): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: suggestionHighlightsKey,
    state: {
      init: (_, state) => draw(state.doc, style()),
      apply: (tr, value, _old, next) => redraw(tr, value, next.doc, style()),
    },
    props: {
      decorations: (state) => suggestionHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** Asks the editor to redraw suggestions after the style changed. */
export function restyle(tr: Transaction): Transaction {
  return tr.setMeta(suggestionHighlightsKey, true).setMeta("addToHistory", false);
}

function redraw(tr: Transaction, value: HighlightState, doc: PMNode, style: HighlightStyle): HighlightState {
  if (style.version !== value.version) return draw(doc, style);
  if (!tr.docChanged) return value;
  // A Yjs change replaces the whole document: draw again (each unchanged block's pieces are remembered).
  if (isChangeOrigin(tr)) return draw(doc, style);
  // A local change: move the drawing along and redraw only the blocks it touched.
  let decorations = value.decorations.map(tr.mapping, doc);
  for (const { block, start } of touchedBlocks(tr, doc)) {
    const end = start + block.nodeSize;
    const stale = decorations.find(start, end).filter((decoration) => decoration.from >= start && decoration.to <= end);
    decorations = decorations.remove(stale);
    decorations = decorations.add(
      doc,
      cachedHighlights(block).map((piece) => decorationOf(piece, start, style)),
    );
  }
  return { version: style.version, decorations };
}

// The top-level blocks of the new document that the transaction's steps changed (and their neighbours).
// Replace steps say where through their maps; mark and attribute steps, which map nothing, through their positions.
function touchedBlocks(tr: Transaction, doc: PMNode): { block: PMNode; start: number }[] {
  const starts = new Map<number, PMNode>();
  const touch = (from: number, to: number) => {
    doc.nodesBetween(Math.max(0, from - 1), Math.min(doc.content.size, to + 1), (block, start) => {
      starts.set(start, block);
      return false;
    });
  };
  tr.steps.forEach((step, index) => {
    const from = tr.mapping.slice(index);
    const after = tr.mapping.slice(index + 1);
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      touch(after.map(newStart, -1), after.map(newEnd, 1));
    });
    const at = step as unknown as { from?: number; to?: number; pos?: number };
    if (typeof at.from === "number" && typeof at.to === "number") touch(from.map(at.from, -1), from.map(at.to, 1));
    if (typeof at.pos === "number") touch(from.map(at.pos, -1), from.map(at.pos, 1) + 1);
  });
  return [...starts].map(([start, block]) => ({ block, start }));
}

function draw(doc: PMNode, style: HighlightStyle): HighlightState {
  const decorations: Decoration[] = [];
  doc.forEach((block, start) => {
    for (const piece of cachedHighlights(block)) decorations.push(decorationOf(piece, start, style));
  });
  return { version: style.version, decorations: DecorationSet.create(doc, decorations) };
}

function decorationOf(piece: Highlight, start: number, style: HighlightStyle): Decoration {
  const colour = style.colourOf(piece.ref);
  const classes = [piece.block ? "pl-block-suggestion" : "pl-suggestion", `pl-suggestion--${piece.type}`];
  if (!style.shown(piece.ref)) classes.push("pl-suggestion--dimmed");
  if (style.activeId === piece.ref.id) classes.push("pl-suggestion--active");
  const attrs = {
    class: classes.join(" "),
    title: style.titleOf(piece.ref, piece.type, piece.block),
    ...(colour ? { style: `--suggestion-colour: ${colour}` } : {}),
  };
  return piece.block
    ? Decoration.node(start + piece.from, start + piece.to, attrs)
    : Decoration.inline(start + piece.from, start + piece.to, attrs);
}
