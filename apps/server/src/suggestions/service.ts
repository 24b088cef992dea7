import type { Hocuspocus } from "@hocuspocus/server";
import {
  type AuditEntryView,
  ErrorCode,
  type Party,
  type PersonView,
  SUGGESTIONS_CHANGED,
  type SuggestionView,
} from "@plenary/protocol";
import { blocksOfNode, numberBlocks, TEXT_FIELD, yDocToNode } from "@plenary/schema";
import { collectSuggestions, type Decision, decide, type FoundSuggestion, rejectAll } from "@plenary/suggestions";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { updateYFragment } from "@tiptap/y-tiptap";
import type { UserRecord } from "../accounts/records.ts";
import type { AccountStore } from "../accounts/store.ts";
import { newId } from "../accounts/tokens.ts";
import { readLive } from "../collab/live.ts";
import { HttpError } from "../http/respond.ts";
import type { Storage } from "../storage/storage.ts";
import type { Disposition, SuggestionRecord, SuggestionStore } from "./store.ts";

/** Options for {@link SuggestionService}. */
export interface SuggestionServiceOptions {
  store: SuggestionStore;
  accounts: AccountStore;
  storage: Storage;
  hocuspocus: Hocuspocus;
  now?: () => Date;
}

/** Which pending suggestions a bulk decision covers. */
export interface Selection {
  ids?: string[];
  partyId?: string;
  blockId?: string;
}

/**
 * Everything said and decided about suggestions: rationale, support, replies,
 * and decisions, which the server applies to the live text itself and records
 * (who, when, why) in the suggestion's record and the append-only audit log.
 * Connected clients are told to refresh through a stateless message.
 */
export class SuggestionService {
  private readonly store: SuggestionStore;
  private readonly accounts: AccountStore;
  private readonly storage: Storage;
  private readonly hocuspocus: Hocuspocus;
  private readonly now: () => Date;

  constructor(options: SuggestionServiceOptions) {
    this.store = options.store;
    this.accounts = options.accounts;
    this.storage = options.storage;
    this.hocuspocus = options.hocuspocus;
    this.now = options.now ?? (() => new Date());
  }

  /** Every suggestion of a draft: the pending ones in document order, then the decided ones, newest first. */
  async list(draftId: string): Promise<SuggestionView[]> {
    const text = await this.read(draftId);
    const labels = new Map(numberBlocks(blocksOfNode(text)).map((block) => [block.id, block.label]));
    const found = collectSuggestions(text);
    const pending = found.map((suggestion) => this.view(draftId, suggestion, this.store.get(suggestion.id), labels));
    const inText = new Set(found.map((suggestion) => suggestion.id));
    const decided = this.store
      .list(draftId)
      .filter((record) => !inText.has(record.id) && record.status !== "pending")
      .sort((a, b) => (b.decidedAt ?? "").localeCompare(a.decidedAt ?? ""))
      .map((record) => this.view(draftId, undefined, record, labels));
    return [...pending, ...decided];
  }

  /** The draft's audit log, oldest first: every decision and withdrawal, with who, when and why. */
  audit(draftId: string): AuditEntryView[] {
    return this.store.auditLog(draftId).map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      actor: this.person(entry.actorId),
      action: entry.action,
      target: entry.target,
      reason: typeof entry.detail.reason === "string" ? entry.detail.reason : null,
    }));
  }

  setRationale(actor: UserRecord, draftId: string, id: string, rationale: string): void {
    const record = this.requirePending(draftId, id);
    if (record.authorId !== actor.id) {
      throw new HttpError(403, ErrorCode.Forbidden, "Only the author of a suggestion can write its rationale.");
    }
    this.store.setRationale(id, rationale);
    this.changed(draftId);
  }

  support(actor: UserRecord, draftId: string, id: string, supported: boolean): void {
    const record = this.requirePending(draftId, id);
    if (record.partyId === actor.partyId) {
      throw new HttpError(409, ErrorCode.InvalidInput, "Your party made this suggestion: it cannot also support it.");
    }
    if (supported) {
      this.store.addSupport({ suggestionId: id, partyId: actor.partyId, userId: actor.id, createdAt: this.stamp() });
    } else this.store.removeSupport(id, actor.partyId);
    this.changed(draftId);
  }

  reply(actor: UserRecord, draftId: string, id: string, text: string): void {
    this.requireRecord(draftId, id);
    this.store.addReply({
      id: newId("reply"),
      suggestionId: id,
      authorId: actor.id,
      partyId: actor.partyId,
      text,
      createdAt: this.stamp(),
    });
    this.changed(draftId);
  }

  /** Accepts or rejects pending suggestions on the live text, and records each decision. */
  async decide(
    actor: UserRecord,
    draftId: string,
    selection: Selection,
    decision: Decision,
    reason: string,
  ): Promise<string[]> {
    return this.dispose(actor, draftId, selection, decision === "accept" ? "accepted" : "rejected", reason);
  }

  /** The author takes back a pending suggestion: its text goes back to the original. */
  async withdraw(actor: UserRecord, draftId: string, id: string): Promise<void> {
    const record = this.requirePending(draftId, id);
    if (record.authorId !== actor.id)
      throw new HttpError(403, ErrorCode.Forbidden, "Only the author can withdraw a suggestion.");
    await this.dispose(actor, draftId, { ids: [id] }, "withdrawn", "Withdrawn by the author.");
  }

  private async dispose(
    actor: UserRecord,
    draftId: string,
    selection: Selection,
    status: Exclude<Disposition, "pending">,
    reason: string,
  ): Promise<string[]> {
    const connection = await this.hocuspocus.openDirectConnection(draftId, { server: true });
    const decided: string[] = [];
    try {
      await connection.transact((document) => {
        const fragment = document.getXmlFragment(TEXT_FIELD);
        const text = yDocToNode(document);
        const chosen = collectSuggestions(text).filter((found) => selects(selection, found));
        if (chosen.length === 0) {
          throw new HttpError(
            404,
            ErrorCode.NotFound,
            "No pending suggestion matches: it may have been decided already.",
          );
        }
        const tr = new Transform(text);
        const at = this.stamp();
        for (const found of chosen) {
          decide(tr, found.id, status === "accepted" ? "accept" : "reject");
          this.store.register({ id: found.id, draftId, authorId: found.author, partyId: found.party, createdAt: at });
          this.store.dispose(found.id, {
            status,
            decidedBy: actor.id,
            at,
            reason,
            kind: found.kind,
            blockIds: found.blockIds,
            inserted: found.inserted,
            deleted: found.deleted,
          });
          this.store.audit({
            at,
            actorId: actor.id,
            action: `suggestion.${status}`,
            draftId,
            target: found.id,
            detail: { reason },
          });
          decided.push(found.id);
        }
        this.settleCarriedAway(draftId, text, tr.doc, decided, actor, at);
        const agreed = new Map(blocksOfNode(rejectAll(tr.doc)).map((block) => [block.id, block.text]));
        for (const found of chosen) {
          this.store.setAfterTexts(
            found.id,
            Object.fromEntries(found.blockIds.map((id) => [id, agreed.get(id) ?? ""])),
          );
        }
        updateYFragment(document, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() });
      });
    } finally {
      await connection.disconnect();
    }
    this.changed(draftId);
    return decided;
  }

  /**
   * Suggestions inside a paragraph that a decision removed (a paragraph
   * deletion accepted, a proposed paragraph rejected) leave the text with it:
   * they are recorded as rejected, with that reason, so that none is lost.
   */
  private settleCarriedAway(
    draftId: string,
    before: PMNode,
    after: PMNode,
    decided: string[],
    actor: UserRecord,
    at: string,
  ): void {
    const remaining = new Set(collectSuggestions(after).map((found) => found.id));
    for (const found of collectSuggestions(before)) {
      if (remaining.has(found.id) || decided.includes(found.id)) continue;
      const reason = `Removed with its paragraph, by the decision on ${decided.join(", ")}.`;
      this.store.register({ id: found.id, draftId, authorId: found.author, partyId: found.party, createdAt: at });
      this.store.dispose(found.id, {
        status: "rejected",
        decidedBy: actor.id,
        at,
        reason,
        kind: found.kind,
        blockIds: found.blockIds,
        inserted: found.inserted,
        deleted: found.deleted,
      });
      this.store.audit({
        at,
        actorId: actor.id,
        action: "suggestion.rejected",
        draftId,
        target: found.id,
        detail: { reason },
      });
    }
  }

  private read(draftId: string) {
    return readLive(this.hocuspocus, draftId, yDocToNode);
  }

  private requireRecord(draftId: string, id: string): SuggestionRecord {
    const record = this.store.get(id);
    if (!record || record.draftId !== draftId)
      throw new HttpError(404, ErrorCode.NotFound, `There is no suggestion "${id}".`);
    return record;
  }

  private requirePending(draftId: string, id: string): SuggestionRecord {
    const record = this.requireRecord(draftId, id);
    if (record.status !== "pending")
      throw new HttpError(409, ErrorCode.InvalidInput, `This suggestion has been ${record.status}.`);
    return record;
  }

  private view(
    draftId: string,
    found: FoundSuggestion | undefined,
    record: SuggestionRecord | undefined,
    labels: Map<string, string | null>,
  ): SuggestionView {
    const authorId = record?.authorId ?? found!.author;
    const partyId = record?.partyId ?? found!.party;
    const blockIds = found?.blockIds ?? record?.blockIds ?? [];
    return {
      id: found?.id ?? record!.id,
      draftId,
      kind: (found?.kind ?? record?.kind ?? "insertion") as SuggestionView["kind"],
      status: found ? "pending" : (record?.status ?? "pending"),
      author: this.person(authorId),
      party: this.party(partyId),
      blocks: blockIds.map((id) => ({ id, label: labels.get(id) ?? null })),
      inserted: found?.inserted ?? record?.inserted ?? "",
      deleted: found?.deleted ?? record?.deleted ?? "",
      rationale: record?.rationale ?? "",
      supporters: record
        ? this.store
            .supports(record.id)
            .map((s) => ({ party: this.party(s.partyId), user: this.person(s.userId), at: s.createdAt }))
        : [],
      replies: record
        ? this.store.replies(record.id).map((r) => ({
            id: r.id,
            author: this.person(r.authorId),
            party: this.party(r.partyId),
            text: r.text,
            at: r.createdAt,
          }))
        : [],
      createdAt: record?.createdAt ?? this.stamp(),
      decidedBy: record?.decidedBy ? this.person(record.decidedBy) : null,
      decidedAt: record?.decidedAt ?? null,
      reason: record?.reason ?? null,
    };
  }

  private person(id: string): PersonView {
    const user = this.accounts.getUser(id);
    return { id, displayName: user?.displayName ?? "Unknown participant" };
  }

  private party(id: string): Party {
    return (
      this.accounts.getParty(id) ?? {
        id,
        kind: "organisation",
        name: "Unknown party",
        stakeholderGroup: "civil-society",
      }
    );
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private changed(draftId: string): void {
    this.hocuspocus.documents.get(draftId)?.broadcastStateless(SUGGESTIONS_CHANGED);
  }
}

function selects(selection: Selection, found: FoundSuggestion): boolean {
  if (selection.ids && !selection.ids.includes(found.id)) return false;
  if (selection.partyId && found.party !== selection.partyId) return false;
  if (selection.blockId && !found.blockIds.includes(selection.blockId)) return false;
  return true;
}
