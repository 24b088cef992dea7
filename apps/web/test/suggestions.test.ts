import type { Party, SuggestionView } from "@plenary/protocol";
import { type DocJSON, doc, op, plenarySchema, pp, withId } from "@plenary/schema";
import { type IdSource, SUGGESTED, type Suggester } from "@plenary/suggestions";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import type { Decoration } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { editModeOf, passesThrough, roleForDraft } from "../src/suggestions/editMode.ts";
import {
  adjacentSuggestion,
  highlightsOfBlock,
  suggestionAt,
  suggestionsInText,
} from "../src/suggestions/highlights.ts";
import {
  inLayer,
  inTextOrder,
  type LayerContext,
  parseLayer,
  partiesById,
  visibleSuggestions,
} from "../src/suggestions/layers.ts";
import { placeOf } from "../src/suggestions/place.ts";
import {
  type HighlightStyle,
  restyle,
  suggestionHighlightsKey,
  suggestionHighlightsPlugin,
} from "../src/suggestions/suggestionHighlights.ts";
import { newSuggestionId } from "../src/suggestions/suggestionIds.ts";
import { transactionFor } from "../src/suggestions/suggestionMode.ts";
import { listActionOf, suggestionActionOf } from "../src/suggestions/suggestionShortcuts.ts";
import { useSuggestionsStore } from "../src/suggestions/suggestionsStore.ts";

const schema = plenarySchema();
const KENYA: Suggester = { author: "user-ke", party: "party-kenya" };
const OPEN_NET: Suggester = { author: "user-on", party: "party-open-net" };

const mark = (type: "insertion" | "deletion", who: Suggester, id: string) => ({
  type,
  attrs: { id, author: who.author, party: who.party },
});
const ins = (text: string, who: Suggester, id: string) => ({ type: "text", text, marks: [mark("insertion", who, id)] });
const del = (text: string, who: Suggester, id: string) => ({ type: "text", text, marks: [mark("deletion", who, id)] });
const bold = (text: string, who: Suggester, id: string) => ({
  type: "text",
  text,
  marks: [{ type: "bold" }, mark("insertion", who, id)],
});

const node = (json: DocJSON): PMNode => schema.nodeFromJSON(json);

/** A state holding `json` with the caret `offset` characters into block `index`. */
function stateAt(json: DocJSON, index = 0, offset = 0): EditorState {
  const start = EditorState.create({ doc: node(json) });
  let pos = 1 + offset;
  for (let i = 0; i < index; i++) pos += start.doc.child(i).nodeSize;
  return start.apply(start.tr.setSelection(TextSelection.create(start.doc, pos)));
}

function counterIds(): IdSource {
  let n = 0;
  return { suggestionId: () => `s${++n}`, blockId: () => `n${n}` };
}

const party = (id: string, name: string, stakeholderGroup: Party["stakeholderGroup"]): Party => ({
  id,
  name,
  stakeholderGroup,
  kind: stakeholderGroup === "government" ? "member-state" : "organisation",
});
const PARTIES = [
  party("party-kenya", "Kenya", "government"),
  party("party-open-net", "Open Networks", "civil-society"),
];

function view(id: string, who: Suggester, overrides: Partial<SuggestionView> = {}): SuggestionView {
  return {
    id,
    draftId: "d1",
    kind: "insertion",
    status: "pending",
    author: { id: who.author, displayName: who.author },
    party: PARTIES.find((p) => p.id === who.party)!,
    blocks: [{ id: "o1", label: "OP 1" }],
    inserted: "x",
    deleted: "",
    rationale: "",
    supporters: [],
    replies: [],
    createdAt: "2026-01-01T00:00:00.000Z",
    decidedBy: null,
    decidedAt: null,
    reason: null,
    ...overrides,
  };
}

describe("edit modes", () => {
  it("lets facilitators choose, makes delegates and observers suggest, and the public read", () => {
    expect(editModeOf("facilitator", false)).toBe("editing");
    expect(editModeOf("facilitator", true)).toBe("suggesting");
    expect(editModeOf("delegate", false)).toBe("suggesting");
    expect(editModeOf("observer", false)).toBe("suggesting");
    expect(editModeOf("public", true)).toBe("reading");
  });

  it("takes the role in the draft's process, or the weakest role when the process is unknown", () => {
    const memberships = [
      { processId: "p1", role: "facilitator" as const },
      { processId: "p2", role: "observer" as const },
    ];
    expect(roleForDraft(memberships, "p1")).toBe("facilitator");
    expect(roleForDraft(memberships, "p3")).toBe("public");
    expect(roleForDraft(memberships, null)).toBe("observer");
    expect(roleForDraft([], null)).toBe("public");
  });
});

describe("suggestion mode on transactions", () => {
  const json = doc(withId(op("Calls upon States"), "o1"));

  it("turns a delegate's typing into an insertion attributed to them and their party", () => {
    const state = stateAt(json, 0, 11);
    const out = transactionFor(
      state,
      state.tr.insertText("all "),
      { mode: "suggesting", suggester: KENYA },
      counterIds(),
    );
    expect(out?.getMeta(SUGGESTED)).toBe(true);
    expect(state.apply(out!).doc.toJSON()).toEqual(
      node(doc(withId(op("Calls upon ", ins("all ", KENYA, "s1"), "States"), "o1"))).toJSON(),
    );
  });

  it("drops formatting while suggesting", () => {
    const state = stateAt(json);
    const tr = state.tr.addMark(1, 6, schema.marks.bold!.create());
    expect(transactionFor(state, tr, { mode: "suggesting", suggester: KENYA }, counterIds())).toBeNull();
  });

  it("lets direct edits through when editing, and remote changes, suggestions and selections through always", () => {
    const state = stateAt(json);
    const typing = state.tr.insertText("X");
    expect(transactionFor(state, typing, { mode: "editing", suggester: KENYA })).toBe(typing);
    const remote = state.tr.insertText("Y").setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(passesThrough(remote)).toBe(true);
    expect(transactionFor(state, remote, { mode: "suggesting", suggester: KENYA })).toBe(remote);
    const suggested = state.tr.insertText("Z").setMeta(SUGGESTED, true);
    expect(passesThrough(suggested)).toBe(true);
    const selection = state.tr.setSelection(TextSelection.create(state.doc, 3));
    expect(transactionFor(state, selection, { mode: "suggesting", suggester: KENYA })).toBe(selection);
  });

  it("makes random suggestion ids, never a sequence", () => {
    const ids = new Set(Array.from({ length: 200 }, newSuggestionId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^s[0-9a-z]{12}$/);
  });
});

describe("finding suggestions in the text", () => {
  const json = doc(
    withId(pp("Recalling ", bold("all", KENYA, "k1"), ins(" the", KENYA, "k1"), del(" old", OPEN_NET, "o1")), "p1"),
    {
      ...withId(op(ins("Urges", OPEN_NET, "o2")), "n1"),
      attrs: { id: "n1", kind: "op", suggestion: { type: "insertion", id: "o2", ...OPEN_NET } },
    },
  );

  it("gives one piece per run of a suggestion, bold or not, and one for a proposed paragraph", () => {
    const text = node(json);
    expect(
      highlightsOfBlock(text.child(0)).map(({ from, to, type, ref, text }) => [from, to, type, ref.id, text]),
    ).toEqual([
      [11, 18, "insertion", "k1", "all the"],
      [18, 22, "deletion", "o1", " old"],
    ]);
    expect(highlightsOfBlock(text.child(1)).map(({ type, block, ref }) => [type, block, ref.id])).toEqual([
      ["insertion", true, "o2"],
      ["insertion", false, "o2"],
    ]);
  });

  it("lists the pending suggestions of the live text with their text and their paragraphs' labels", () => {
    const text = node(json);
    expect(suggestionsInText(text, ["PP 1", "OP 1"])).toEqual([
      { id: "k1", ...KENYA, from: 11, inserted: "all the", deleted: "", blocks: [{ id: "p1", label: "PP 1" }] },
      { id: "o1", ...OPEN_NET, from: 18, inserted: "", deleted: " old", blocks: [{ id: "p1", label: "PP 1" }] },
      {
        id: "o2",
        ...OPEN_NET,
        from: text.child(0).nodeSize,
        inserted: "Urges",
        deleted: "",
        blocks: [{ id: "n1", label: "OP 1" }],
      },
    ]);
  });

  it("keeps a card's entry when the live text changed nothing it shows", () => {
    const store = useSuggestionsStore.getState();
    const text = node(json);
    store.setInText(suggestionsInText(text, ["PP 1", "OP 1"]));
    const before = useSuggestionsStore.getState();
    store.setInText(suggestionsInText(text, ["PP 1", "OP 1"]));
    expect(useSuggestionsStore.getState().inText).toBe(before.inText);
    store.setInText(suggestionsInText(text, ["PP 1", "OP 2"]));
    const after = useSuggestionsStore.getState();
    expect(after.inText.get("k1")).toBe(before.inText.get("k1"));
    expect(after.inText.get("o2")?.blocks).toEqual([{ id: "n1", label: "OP 2" }]);
    expect(after.textOrder).toBe(before.textOrder);
  });

  it("names the suggestion at the caret: the marked text it touches, else the block's", () => {
    const text = node(json);
    expect(suggestionAt(text, 5)?.id).toBeUndefined();
    expect(suggestionAt(text, 11)?.party).toBe("party-kenya");
    expect(suggestionAt(text, 20)?.id).toBe("o1");
    expect(suggestionAt(text, text.child(0).nodeSize + 1)?.id).toBe("o2");
  });

  it("moves to the next and previous suggestion, from the current one or from the caret, wrapping round", () => {
    const items = [
      { id: "a", from: 5 },
      { id: "b", from: 20 },
      { id: "c", from: 40 },
    ];
    expect(adjacentSuggestion(items, { id: "a", pos: 0 }, 1)?.id).toBe("b");
    expect(adjacentSuggestion(items, { id: "c", pos: 0 }, 1)?.id).toBe("a");
    expect(adjacentSuggestion(items, { id: "a", pos: 0 }, -1)?.id).toBe("c");
    expect(adjacentSuggestion(items, { id: null, pos: 25 }, 1)?.id).toBe("c");
    expect(adjacentSuggestion(items, { id: null, pos: 25 }, -1)?.id).toBe("b");
    expect(adjacentSuggestion(items, { id: "gone", pos: 50 }, 1)?.id).toBe("a");
    expect(adjacentSuggestion([], { id: null, pos: 0 }, 1)).toBeNull();
  });
});

describe("drawing suggestions", () => {
  const json = doc(withId(op("Calls ", ins("all", KENYA, "k1"), " upon ", del("States", OPEN_NET, "o1")), "o1"));

  function style(overrides: Partial<HighlightStyle> = {}): HighlightStyle {
    return {
      version: 1,
      colourOf: (ref) => (ref.party === "party-kenya" ? "#0072B2" : null),
      titleOf: (ref, type) => `${type} by ${ref.party}`,
      shown: () => true,
      activeId: null,
      ...overrides,
    };
  }

  const attrsOfOne = (decoration: Decoration) =>
    (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
  const attrsOf = (state: EditorState) =>
    suggestionHighlightsKey
      .getState(state)!
      .decorations.find()
      .map(
        (decoration: Decoration) => (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs,
      );

  it("colours each suggestion by its party's group, names the party, and dims those outside the layer", () => {
    let current = style({ shown: (ref) => ref.party === "party-kenya", activeId: "k1" });
    const state = EditorState.create({ doc: node(json), plugins: [suggestionHighlightsPlugin(() => current)] });
    expect(attrsOf(state)).toEqual([
      {
        class: "pl-suggestion pl-suggestion--insertion pl-suggestion--active",
        title: "insertion by party-kenya",
        style: "--suggestion-colour: #0072B2",
      },
      { class: "pl-suggestion pl-suggestion--deletion pl-suggestion--dimmed", title: "deletion by party-open-net" },
    ]);

    current = style({ version: 2 });
    const restyled = state.apply(restyle(state.tr));
    expect(attrsOf(restyled).map((attrs) => attrs.class)).toEqual([
      "pl-suggestion pl-suggestion--insertion",
      "pl-suggestion pl-suggestion--deletion",
    ]);
  });

  it("redraws only what a local change touched, ending as a full drawing would", () => {
    const current = style({ shown: (ref) => ref.party === "party-kenya" });
    const plugins = [suggestionHighlightsPlugin(() => current)];
    const drawn = (state: EditorState) =>
      suggestionHighlightsKey
        .getState(state)!
        .decorations.find()
        .map((decoration: Decoration) => [decoration.from, decoration.to, attrsOfOne(decoration).class])
        .sort((a, b) => Number(a[0]) - Number(b[0]));
    let state = EditorState.create({
      doc: node(doc(withId(pp("Recalling"), "p1"), ...node(json).toJSON().content)),
      plugins,
    });
    const typeAt = (pos: number, text: string) => {
      state = state.apply(state.tr.insertText(text, pos));
    };
    typeAt(3, "xyz");
    typeAt(state.doc.child(0).nodeSize + 9, "!");
    state = state.apply(state.tr.delete(state.doc.child(0).nodeSize + 2, state.doc.child(0).nodeSize + 5));
    state = state.apply(state.tr.split(state.doc.child(0).nodeSize + 10));
    // Text added to an insertion, and a new deletion: pieces a mapped drawing would miss.
    const k1 = schema.marks.insertion!.create({ id: "k1", ...KENYA });
    const kEnd = suggestionsInText(state.doc, []).find((found) => found.id === "k1")!;
    state = state.apply(state.tr.insert(kEnd.from + kEnd.inserted.length, schema.text("more", [k1])));
    state = state.apply(state.tr.addMark(2, 5, schema.marks.deletion!.create({ id: "n9", ...OPEN_NET })));
    const fresh = EditorState.create({ doc: state.doc, plugins });
    expect(drawn(state)).toEqual(drawn(fresh));
    expect(drawn(state).length).toBeGreaterThan(1);
  });

  it("keeps the decorations of a transaction that changes neither text nor style", () => {
    const current = style();
    const state = EditorState.create({ doc: node(json), plugins: [suggestionHighlightsPlugin(() => current)] });
    const moved: Transaction = state.tr.setSelection(TextSelection.create(state.doc, 3));
    expect(suggestionHighlightsKey.getState(state.apply(moved))).toBe(suggestionHighlightsKey.getState(state));
  });
});

describe("layers", () => {
  const context: LayerContext = {
    groupOf: (id) => PARTIES.find((p) => p.id === id)?.stakeholderGroup,
    me: KENYA.author,
  };

  it("selects by stakeholder group, by party, and one's own", () => {
    expect(inLayer(KENYA, "all", context)).toBe(true);
    expect(inLayer(KENYA, "group:government", context)).toBe(true);
    expect(inLayer(OPEN_NET, "group:government", context)).toBe(false);
    expect(inLayer(OPEN_NET, "group:civil-society", context)).toBe(true);
    expect(inLayer(OPEN_NET, "party:party-open-net", context)).toBe(true);
    expect(inLayer(KENYA, "party:party-open-net", context)).toBe(false);
    expect(inLayer(KENYA, "mine", context)).toBe(true);
    expect(inLayer(OPEN_NET, "mine", context)).toBe(false);
    expect(inLayer(KENYA, "mine", { ...context, me: null })).toBe(false);
  });

  it("reads a layer from a select's value, falling back to everyone", () => {
    expect(parseLayer("group:academia")).toBe("group:academia");
    expect(parseLayer("party:party-kenya")).toBe("party:party-kenya");
    expect(parseLayer("mine")).toBe("mine");
    expect(parseLayer("group:nobody")).toBe("all");
    expect(parseLayer("party:")).toBe("all");
  });

  it("lists the suggestions in the layer with the status asked for, in the server's order", () => {
    const list = [
      view("a", KENYA),
      view("b", OPEN_NET),
      view("c", KENYA, { status: "rejected", reason: "No" }),
      view("d", OPEN_NET, { status: "withdrawn" }),
    ];
    const ids = (layer: Parameters<typeof visibleSuggestions>[1], status: Parameters<typeof visibleSuggestions>[2]) =>
      visibleSuggestions(list, layer, status, context).map((s) => s.id);
    expect(ids("all", "pending")).toEqual(["a", "b"]);
    expect(ids("all", "decided")).toEqual(["c", "d"]);
    expect(ids("group:government", "all")).toEqual(["a", "c"]);
    expect(ids("party:party-open-net", "pending")).toEqual(["b"]);
    expect(ids("mine", "all")).toEqual(["a", "c"]);
  });

  it("orders pending suggestions as the live text does, decided ones after, as the server listed them", () => {
    const list = [view("a", KENYA), view("b", OPEN_NET), view("c", KENYA, { status: "accepted" }), view("d", KENYA)];
    expect(inTextOrder(list, ["b", "a"]).map((s) => s.id)).toEqual(["b", "a", "d", "c"]);
    const sorted = [view("a", KENYA), view("b", OPEN_NET)];
    expect(inTextOrder(sorted, ["a", "b"])).toBe(sorted);
  });

  it("knows every party from the process and from the suggestions, their supporters and replies", () => {
    const academia = party("party-uni", "University", "academia");
    const list = [
      view("a", KENYA, {
        supporters: [{ party: academia, user: { id: "u", displayName: "U" }, at: "2026-01-01T00:00:00.000Z" }],
      }),
    ];
    const parties = partiesById([PARTIES[1]!], list);
    expect([...parties.keys()].sort()).toEqual(["party-kenya", "party-open-net", "party-uni"]);
  });

  it("names the place of a suggestion by its paragraphs' labels", () => {
    expect(placeOf({ blocks: [{ id: "o1", label: "OP 3" }] }, "unnumbered")).toBe("OP 3");
    expect(
      placeOf(
        {
          blocks: [
            { id: "o1", label: "OP 3" },
            { id: "o2", label: "OP 4" },
          ],
        },
        "unnumbered",
      ),
    ).toBe("OP 3, OP 4");
    expect(placeOf({ blocks: [{ id: "c", label: null }] }, "unnumbered")).toBe("unnumbered");
  });
});

describe("suggestion shortcuts", () => {
  const key = (code: string, modifiers: Partial<Record<"altKey" | "ctrlKey" | "metaKey" | "shiftKey", boolean>>) => ({
    code,
    key: "",
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...modifiers,
  });

  it("reads Alt with ], [, A and R by physical key, and nothing with other modifiers", () => {
    expect(suggestionActionOf(key("BracketRight", { altKey: true }))).toBe("next");
    expect(suggestionActionOf(key("BracketLeft", { altKey: true }))).toBe("previous");
    expect(suggestionActionOf(key("KeyA", { altKey: true }))).toBe("accept");
    expect(suggestionActionOf(key("KeyR", { altKey: true }))).toBe("reject");
    expect(suggestionActionOf(key("KeyA", {}))).toBeNull();
    expect(suggestionActionOf(key("KeyA", { altKey: true, ctrlKey: true }))).toBeNull();
    expect(suggestionActionOf(key("KeyQ", { altKey: true }))).toBeNull();
  });

  it("moves through the list with j and k alone", () => {
    expect(listActionOf({ ...key("KeyJ", {}), key: "j" })).toBe("next");
    expect(listActionOf({ ...key("KeyK", {}), key: "k" })).toBe("previous");
    expect(listActionOf({ ...key("KeyJ", { ctrlKey: true }), key: "j" })).toBeNull();
  });
});
