import type { Party, SuggestionView } from "@plenary/protocol";
import { create } from "zustand";
import type { InText } from "./highlights.ts";
import type { LayerKey, StatusFilter } from "./layers.ts";
import { partiesById } from "./layers.ts";
import { fetchProcess, fetchSuggestions } from "./suggestionsApi.ts";

/** How the text is shown: with the suggestions marked up, as if all were accepted, or as it was. */
export type TextView = "markup" | "accepted" | "original";

/** What the live text says of a pending suggestion, shown in its card ahead of the server's copy. */
export type TextOfSuggestion = Pick<InText, "inserted" | "deleted" | "blocks">;

/** The suggestions of the open draft, what the person chose to see of them, and the one in focus. */
export interface SuggestionsState {
  draftId: string | null;
  suggestions: readonly SuggestionView[];
  /** The pending suggestions' ids in the order of the live text. */
  textOrder: readonly string[];
  /** The live text's account of each pending suggestion (unchanged entries keep their identity). */
  inText: ReadonlyMap<string, TextOfSuggestion>;
  /** Parties by id: those of the process and any the suggestions name. */
  parties: ReadonlyMap<string, Party>;
  /** The list has been loaded at least once. */
  loaded: boolean;
  /** The last attempt to load the list failed. */
  failed: boolean;
  layer: LayerKey;
  status: StatusFilter;
  view: TextView;
  /** The suggestion under the caret or chosen in the panel. */
  activeId: string | null;
  /** A suggestion whose card should scroll into view and take focus (after moving to it with the keyboard). */
  revealId: string | null;
  /** The suggestion whose rejection form is open. */
  rejectingId: string | null;
  /** Starts on a draft (forgetting the previous one's list); loads its list and its process's parties. */
  open(draftId: string, processId: string | null): void;
  /** Loads the list again; calls made while a load is running are folded into one more load after it. */
  refresh(): Promise<void>;
  /** Takes what the live text now holds; cheap when nothing a card shows has changed. */
  setInText(found: readonly InText[]): void;
  setLayer(layer: LayerKey): void;
  setStatus(status: StatusFilter): void;
  setView(view: TextView): void;
  setActive(id: string | null, reveal?: boolean): void;
  setRejecting(id: string | null): void;
}

let processParties: Party[] = [];
let loading: Promise<void> | null = null;
let loadAgain = false;

/** The open draft's suggestions (one draft at a time: the page shows one). */
export const useSuggestionsStore = create<SuggestionsState>((set, get) => ({
  draftId: null,
  suggestions: [],
  textOrder: [],
  inText: new Map(),
  parties: new Map(),
  loaded: false,
  failed: false,
  layer: "all",
  status: "pending",
  view: "markup",
  activeId: null,
  revealId: null,
  rejectingId: null,
  open(draftId, processId) {
    processParties = [];
    set({
      draftId,
      suggestions: [],
      textOrder: [],
      inText: new Map(),
      parties: new Map(),
      loaded: false,
      failed: false,
      view: "markup",
      activeId: null,
      revealId: null,
      rejectingId: null,
    });
    void get().refresh();
    if (processId === null) return;
    void fetchProcess(processId).then((result) => {
      if (!result.ok || get().draftId !== draftId) return;
      processParties = result.value.parties;
      set({ parties: partiesById(processParties, get().suggestions) });
    });
  },
  async refresh() {
    if (loading) {
      loadAgain = true;
      return loading;
    }
    const draftId = get().draftId;
    if (draftId === null) return;
    loading = (async () => {
      const result = await fetchSuggestions(draftId);
      if (get().draftId !== draftId) return;
      if (!result.ok) {
        set({ failed: true });
        return;
      }
      const { suggestions } = result.value;
      set({ suggestions, parties: partiesById(processParties, suggestions), loaded: true, failed: false });
    })();
    try {
      await loading;
    } finally {
      loading = null;
    }
    if (loadAgain) {
      loadAgain = false;
      await get().refresh();
    }
  },
  setInText(found) {
    const { inText: previous, textOrder: previousOrder } = get();
    let changed = found.length !== previous.size;
    const inText = new Map<string, TextOfSuggestion>();
    for (const { id, inserted, deleted, blocks } of found) {
      const old = previous.get(id);
      const same =
        old !== undefined &&
        old.inserted === inserted &&
        old.deleted === deleted &&
        old.blocks.length === blocks.length &&
        old.blocks.every((block, index) => block.id === blocks[index]!.id && block.label === blocks[index]!.label);
      if (!same) changed = true;
      inText.set(id, same ? old : { inserted, deleted, blocks });
    }
    const order = found.map((entry) => entry.id);
    const reordered = order.length !== previousOrder.length || order.some((id, index) => previousOrder[index] !== id);
    if (!changed && !reordered) return;
    set({ ...(changed ? { inText } : {}), ...(reordered ? { textOrder: order } : {}) });
  },
  setLayer: (layer) => set({ layer }),
  setStatus: (status) => set({ status }),
  setView: (view) => set({ view }),
  setActive: (activeId, reveal = false) => set({ activeId, revealId: reveal ? activeId : null }),
  setRejecting: (rejectingId) => set({ rejectingId }),
}));
