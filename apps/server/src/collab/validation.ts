import type { afterLoadDocumentPayload, beforeSyncPayload, Extension } from "@hocuspocus/server";
import { CloseCode, can, SUGGESTIONS_CHANGED } from "@plenary/protocol";
import { plenarySchema, TEXT_FIELD, yElementToNode } from "@plenary/schema";
import { collectSuggestions, suggestionRefs, validateSuggesterChange } from "@plenary/suggestions";
import type { Node as PMNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { SuggestionStore } from "../suggestions/store.ts";
import type { ConnectionContext } from "./access.ts";
import { ConnectionRefusal } from "./guard.ts";

/** Options for {@link UpdateValidation}. */
export interface UpdateValidationOptions {
  store: SuggestionStore;
  now?: () => Date;
}

/**
 * Checks every incoming update before it reaches the live document, on a
 * staging copy that mirrors it: the update's Yjs client ids must be bound to
 * the sender; it may write only the text; every suggestion it brings in must
 * carry the sender's user and party; and a delegate's or observer's update
 * must follow the suggestion rule (`validateSuggesterChange`). A refused
 * update is dropped whole and closes the sender's connection to the draft.
 */
export class UpdateValidation implements Extension {
  extensionName = "UpdateValidation";
  priority = 700;
  private readonly store: SuggestionStore;
  private readonly now: () => Date;
  // Keyed by the live document, not its name: a draft can be unloaded and loaded again while hooks of the old one run.
  private readonly staging = new WeakMap<Y.Doc, Y.Doc>();

  constructor(options: UpdateValidationOptions) {
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
  }

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    this.staging.set(document, cloneDoc(document));
    document.on("update", (update: Uint8Array) => {
      const staging = this.staging.get(document);
      if (staging) Y.applyUpdate(staging, update);
    });
    document.on("destroy", () => {
      this.staging.get(document)?.destroy();
      this.staging.delete(document);
    });
  }

  async beforeSync({ type, payload, connection, document, documentName, context }: beforeSyncPayload): Promise<void> {
    if (type === 0 || connection.readOnly) return;
    const { session, role } = context as ConnectionContext;
    if (!session) return;
    const user = { author: session.user.id, party: session.user.partyId };

    const clients = new Set(Y.decodeUpdate(payload).structs.map((struct) => struct.id.client));
    for (const client of clients) {
      // The live document's own client id is the server's, used for the decisions it applies.
      const owner = client === document.clientID ? "server" : this.store.clientOwner(documentName, client);
      if (owner !== undefined && owner !== user.author) {
        throw new ConnectionRefusal(CloseCode.ForgedClientId, `Client id ${client} belongs to someone else`);
      }
    }

    const staging = this.staging.get(document);
    if (!staging) throw new ConnectionRefusal(CloseCode.SuggestionRefused, "The draft is not ready to check updates");
    try {
      const touched = this.applyToStaging(staging, payload);
      if (touched === null) return;
      const before = blocksOf(document.getXmlFragment(TEXT_FIELD), touched);
      const after = blocksOf(staging.getXmlFragment(TEXT_FIELD), touched);
      this.checkNewSuggestions(before, after, user);
      if (!can(role, "draft.edit")) {
        const verdict = validateSuggesterChange(before, after, user);
        if (!verdict.ok) throw new ConnectionRefusal(CloseCode.SuggestionRefused, verdict.reason);
      }
      const registered = this.register(documentName, before, after);
      const settled = this.settleVanished(documentName, before, after, staging, user.author);
      // Tell every reader after this update is applied, so the list follows the text.
      if (registered || settled) queueMicrotask(() => document.broadcastStateless(SUGGESTIONS_CHANGED));
    } catch (error) {
      // The staging copy holds the refused update now: start it again from the live document.
      staging.destroy();
      this.staging.set(document, cloneDoc(document));
      throw error;
    }
    for (const client of clients) this.store.bindClient(documentName, client, user.author);
  }

  /**
   * Applies the update to the staging copy. Returns the indices of the
   * top-level blocks it touched, "all" for a change to the sequence of blocks,
   * or null when it changed nothing.
   */
  private applyToStaging(staging: Y.Doc, update: Uint8Array): number[] | "all" | null {
    // Accumulated: Yjs may follow the transaction with a clean-up transaction of its own (text formatting).
    const changed: Y.AbstractType<unknown>[] = [];
    const capture = (transaction: Y.Transaction) => {
      changed.push(...(transaction.changed.keys() as Iterable<Y.AbstractType<unknown>>));
    };
    staging.on("afterTransaction", capture);
    try {
      Y.applyUpdate(staging, update);
    } catch {
      throw new ConnectionRefusal(CloseCode.MalformedUpdate, "The update could not be applied");
    } finally {
      staging.off("afterTransaction", capture);
    }
    if (staging.store.pendingStructs !== null || staging.store.pendingDs !== null) {
      throw new ConnectionRefusal(CloseCode.MalformedUpdate, "The update depends on changes the server does not have");
    }
    if (changed.length === 0) return null;
    const fragment = staging.getXmlFragment(TEXT_FIELD);
    const touched = new Set<Y.AbstractType<unknown>>();
    for (const type of changed) {
      if (type === fragment) return "all";
      let top: Y.AbstractType<unknown> = type;
      while (top._item && top._item.parent !== fragment) top = top._item.parent as Y.AbstractType<unknown>;
      if (top._item?.parent !== fragment) {
        throw new ConnectionRefusal(CloseCode.OutsideText, "The update writes outside the draft's text");
      }
      touched.add(top);
    }
    const indices: number[] = [];
    fragment.toArray().forEach((element, index) => {
      if (touched.has(element as Y.AbstractType<unknown>)) indices.push(index);
    });
    return indices;
  }

  // Every suggestion that appears must be the sender's own, under an id nobody else holds.
  private checkNewSuggestions(before: PMNode, after: PMNode, user: { author: string; party: string }): void {
    const known = new Set(suggestionRefs(before).map((ref) => `${ref.id}|${ref.author}|${ref.party}`));
    for (const ref of suggestionRefs(after)) {
      if (known.has(`${ref.id}|${ref.author}|${ref.party}`)) continue;
      const owner = this.store.get(ref.id)?.authorId;
      if (ref.author !== user.author || ref.party !== user.party || (owner !== undefined && owner !== user.author)) {
        throw new ConnectionRefusal(
          CloseCode.SuggestionRefused,
          "The update carries a suggestion attributed to someone else",
        );
      }
    }
  }

  /**
   * A suggestion whose text left the draft without a decision is settled, so
   * that no pending record outlives its text: withdrawn when its author removed
   * it, rejected when a facilitator edited it away directly.
   */
  private settleVanished(draftId: string, before: PMNode, after: PMNode, staging: Y.Doc, actor: string): boolean {
    const remaining = new Set(suggestionRefs(after).map((ref) => ref.id));
    const gone = [...new Set(suggestionRefs(before).map((ref) => ref.id))].filter((id) => !remaining.has(id));
    const fragment = staging.getXmlFragment(TEXT_FIELD);
    const at = this.now().toISOString();
    const found = new Map(collectSuggestions(before).map((suggestion) => [suggestion.id, suggestion]));
    let settled = false;
    for (const id of gone) {
      const record = this.store.get(id);
      if (record?.status !== "pending" || containsSuggestion(fragment, id)) continue;
      const withdrawn = record.authorId === actor;
      const reason = withdrawn ? "Withdrawn by the author." : "Removed by a facilitator's direct edit of the text.";
      this.store.dispose(id, {
        status: withdrawn ? "withdrawn" : "rejected",
        decidedBy: actor,
        at,
        reason,
        kind: found.get(id)?.kind ?? "insertion",
        blockIds: found.get(id)?.blockIds ?? [],
        inserted: found.get(id)?.inserted ?? "",
        deleted: found.get(id)?.deleted ?? "",
      });
      this.store.audit({
        at,
        actorId: actor,
        action: `suggestion.${withdrawn ? "withdrawn" : "rejected"}`,
        draftId,
        target: id,
        detail: { reason },
      });
      settled = true;
    }
    return settled;
  }

  // Returns whether a suggestion was seen for the first time.
  private register(draftId: string, before: PMNode, after: PMNode): boolean {
    const known = new Set(suggestionRefs(before).map((ref) => ref.id));
    const createdAt = this.now().toISOString();
    let registered = false;
    for (const ref of suggestionRefs(after)) {
      if (known.has(ref.id)) continue;
      if (this.store.register({ id: ref.id, draftId, authorId: ref.author, partyId: ref.party, createdAt }))
        registered = true;
    }
    return registered;
  }
}

/** Whether any block of the fragment still carries the suggestion id (as a mark or a block suggestion). */
function containsSuggestion(fragment: Y.XmlFragment, id: string): boolean {
  const schema = plenarySchema();
  return fragment.toArray().some((element) => {
    if (!(element instanceof Y.XmlElement)) return false;
    return suggestionRefs(schema.node("doc", null, [yElementToNode(element, schema)])).some((ref) => ref.id === id);
  });
}

function cloneDoc(source: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  // Typed before anything is applied: Yjs would otherwise keep a generic root that getXmlFragment later replaces.
  copy.getXmlFragment(TEXT_FIELD);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
  return copy;
}

// A document of the given top-level blocks (all of them for "all"), converted strictly.
function blocksOf(fragment: Y.XmlFragment, indices: number[] | "all"): PMNode {
  const schema = plenarySchema();
  const elements = indices === "all" ? fragment.toArray() : indices.map((index) => fragment.get(index));
  const nodes = elements.map((element) => {
    if (!(element instanceof Y.XmlElement)) {
      throw new ConnectionRefusal(CloseCode.SuggestionRefused, "The text holds something that is not a block");
    }
    try {
      return yElementToNode(element, schema);
    } catch (error) {
      throw new ConnectionRefusal(CloseCode.SuggestionRefused, (error as Error).message);
    }
  });
  if (nodes.length === 0) throw new ConnectionRefusal(CloseCode.SuggestionRefused, "The text would be empty");
  return schema.node("doc", null, nodes);
}
