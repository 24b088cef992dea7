import type { Hocuspocus } from "@hocuspocus/server";
import { compareVersions, countByStatus, wordDiff } from "@plenary/diff";
import {
  type CompareResponse,
  ErrorCode,
  type HistoryEntry,
  type HistoryResponse,
  type RevisionResponse,
  type RevisionSummary,
  type VersionRef,
} from "@plenary/protocol";
import { blocksOfJSON, type DocJSON, type NumberedBlock, numberBlocks, yDocToNode } from "@plenary/schema";
import { collectSuggestions, rejectAll } from "@plenary/suggestions";
import * as Y from "yjs";
import type { UserRecord } from "../accounts/records.ts";
import type { AccountStore } from "../accounts/store.ts";
import { newId } from "../accounts/tokens.ts";
import { readLive } from "../collab/live.ts";
import { HttpError } from "../http/respond.ts";
import type { SuggestionStore } from "../suggestions/store.ts";
import type { RevisionRecord, RevisionStore } from "./store.ts";

/** The name a revision gets unless the facilitator gives one. */
export function defaultRevisionName(number: number): string {
  return number === 0 ? "Zero Draft" : `Rev.${number}`;
}

const LIVE: VersionRef = { id: "live", name: "Live text", at: null };

/** Options for {@link RevisionService}. */
export interface RevisionServiceOptions {
  store: RevisionStore;
  suggestions: SuggestionStore;
  accounts: AccountStore;
  hocuspocus: Hocuspocus;
  now?: () => Date;
}

/**
 * Revisions and what is derived from them: publishing the current text as an
 * immutable, numbered revision; comparing any two versions paragraph by
 * paragraph; and the history of one paragraph across revisions and decisions.
 */
export class RevisionService {
  private readonly store: RevisionStore;
  private readonly suggestions: SuggestionStore;
  private readonly accounts: AccountStore;
  private readonly hocuspocus: Hocuspocus;
  private readonly now: () => Date;

  constructor(options: RevisionServiceOptions) {
    this.store = options.store;
    this.suggestions = options.suggestions;
    this.accounts = options.accounts;
    this.hocuspocus = options.hocuspocus;
    this.now = options.now ?? (() => new Date());
  }

  /** Publishes the live text: its agreed wording, the suggestions pending, and its Yjs state, for good. */
  async publish(
    actor: UserRecord,
    draftId: string,
    request: { name?: string | undefined; note: string },
  ): Promise<RevisionSummary> {
    const { doc, state } = await this.live(draftId);
    const record = this.store.publish({
      id: newId("rev"),
      draftId,
      name: (number) => request.name ?? defaultRevisionName(number),
      note: request.note,
      publishedBy: actor.id,
      publishedAt: this.now().toISOString(),
      text: rejectAll(doc).toJSON() as DocJSON,
      withSuggestions: doc.toJSON() as DocJSON,
      pending: collectSuggestions(doc).map((found) => found.id),
      state,
    });
    this.suggestions.audit({
      at: record.publishedAt,
      actorId: actor.id,
      action: "revision.published",
      draftId,
      target: record.id,
      detail: { name: record.name, note: record.note },
    });
    return this.summary(record);
  }

  list(draftId: string): RevisionSummary[] {
    return this.store.list(draftId).map((record) => this.summary(record));
  }

  get(draftId: string, id: string): RevisionResponse {
    const record = this.require(draftId, id);
    return { ...this.summary(record), doc: record.text, blocks: numberBlocks(blocksOfJSON(record.text)) };
  }

  /** Compares two versions (revision ids, or "live" for the agreed live text). */
  async compare(draftId: string, from: string, to: string): Promise<CompareResponse> {
    const [a, b] = [await this.version(draftId, from), await this.version(draftId, to)];
    const rows = compareVersions(a.blocks, b.blocks);
    return { from: a.ref, to: b.ref, rows, counts: countByStatus(rows) };
  }

  /** The wording of one paragraph in every revision, and every decision that touched it, in time order. */
  async history(draftId: string, blockId: string): Promise<HistoryResponse> {
    const entries: HistoryEntry[] = [];
    for (const record of this.store.list(draftId)) {
      const block = numberBlocks(blocksOfJSON(record.text)).find((b) => b.id === blockId);
      entries.push({
        type: "revision",
        at: record.publishedAt,
        revision: this.ref(record),
        label: block?.label ?? null,
        text: block?.text ?? null,
        changes: [],
      });
    }
    for (const decided of this.suggestions.decidedIn(draftId, blockId)) {
      const party = this.accounts.getParty(decided.partyId);
      const text = decided.status === "accepted" ? (decided.afterTexts[blockId] ?? null) : null;
      entries.push({
        type: "decision",
        at: decided.decidedAt ?? decided.createdAt,
        suggestionId: decided.id,
        status: decided.status as "accepted" | "rejected" | "withdrawn",
        party: party ?? {
          id: decided.partyId,
          kind: "organisation",
          name: "Unknown party",
          stakeholderGroup: "civil-society",
        },
        author: this.person(decided.authorId),
        supporters: this.suggestions
          .supports(decided.id)
          .map((s) => this.accounts.getParty(s.partyId))
          .filter((p) => p !== undefined),
        decidedBy: decided.decidedBy ? this.person(decided.decidedBy) : null,
        reason: decided.reason,
        inserted: decided.inserted,
        deleted: decided.deleted,
        text,
        changes: [],
      });
    }
    // At the same instant a decision comes first: a revision is published after the decisions it includes.
    const rank = (entry: HistoryEntry) => (entry.type === "decision" ? 0 : 1);
    entries.sort((x, y) => x.at.localeCompare(y.at) || rank(x) - rank(y));
    // Each wording is compared with the one before it.
    let previous: string | null = null;
    for (const entry of entries) {
      if (entry.text === null) continue;
      entry.changes = previous === null ? [{ op: "equal", text: entry.text }] : wordDiff(previous, entry.text);
      previous = entry.text;
    }
    const live = (await this.version(draftId, "live")).blocks.find((b) => b.id === blockId);
    return {
      draftId,
      blockId,
      current: live ? { label: live.label, text: live.text } : null,
      entries,
    };
  }

  private async version(draftId: string, id: string): Promise<{ ref: VersionRef; blocks: NumberedBlock[] }> {
    if (id === "live") {
      const { doc } = await this.live(draftId);
      return { ref: LIVE, blocks: numberBlocks(blocksOfJSON(rejectAll(doc).toJSON())) };
    }
    const record = this.require(draftId, id);
    return { ref: this.ref(record), blocks: numberBlocks(blocksOfJSON(record.text)) };
  }

  private live(draftId: string) {
    return readLive(this.hocuspocus, draftId, (ydoc) => ({
      doc: yDocToNode(ydoc),
      state: Y.encodeStateAsUpdate(ydoc),
    }));
  }

  private require(draftId: string, id: string): RevisionRecord {
    const record = this.store.get(id);
    if (!record || record.draftId !== draftId) {
      throw new HttpError(404, ErrorCode.NotFound, `There is no revision "${id}" of this draft.`);
    }
    return record;
  }

  private ref(record: RevisionRecord): VersionRef {
    return { id: record.id, name: record.name, at: record.publishedAt };
  }

  private summary(record: RevisionRecord): RevisionSummary {
    return {
      id: record.id,
      draftId: record.draftId,
      number: record.number,
      name: record.name,
      note: record.note,
      publishedBy: this.person(record.publishedBy),
      publishedAt: record.publishedAt,
      pendingCount: record.pending.length,
    };
  }

  private person(id: string) {
    return { id, displayName: this.accounts.getUser(id)?.displayName ?? "Unknown participant" };
  }
}
