import type {
  afterLoadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { replayText } from "../storage/replay.ts";
import type { Storage } from "../storage/storage.ts";

/** Options for {@link DurablePersistence}. */
export interface PersistenceOptions {
  storage: Storage;
  /** Compact a draft's log once this many updates are pending (also done on every debounced store). */
  compactAfter?: number;
  /**
   * Log every update synchronously before it is acknowledged (default true). Off,
   * only the debounced store writes, as plain Hocuspocus does: acknowledged edits
   * can then be lost on a crash. Exists for the durability-cost benchmark.
   */
  logUpdates?: boolean;
}

/**
 * Persistence with a write-ahead update log. Every update applied to a live
 * document is appended to storage synchronously, inside Yjs's `update` event,
 * so it is on disk before Hocuspocus acknowledges it to the sender (which it
 * does right after applying). The debounced `onStoreDocument` only compacts the
 * log into a snapshot.
 */
export class DurablePersistence implements Extension {
  extensionName = "DurablePersistence";
  // Runs before the other extensions' load hooks so they see the stored text.
  priority = 1000;
  private readonly storage: Storage;
  private readonly compactAfter: number;
  private readonly logUpdates: boolean;
  private readonly lastSeq = new Map<string, number>();
  // Updates logged since the last compaction, per draft: counted here to keep queries off the hot path.
  private readonly pending = new Map<string, number>();

  constructor(options: PersistenceOptions) {
    this.storage = options.storage;
    this.compactAfter = options.compactAfter ?? 500;
    this.logUpdates = options.logUpdates ?? true;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const text = this.storage.loadText(documentName);
    if (!text) throw new Error(`No draft "${documentName}"`);
    // Applied before the update handler is attached (afterLoadDocument): nothing is logged twice.
    replayText(document, text);
    this.lastSeq.set(documentName, text.lastSeq);
    this.pending.set(documentName, text.updates.length);
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    if (!this.logUpdates) return;
    document.on("update", (update: Uint8Array) => {
      const seq = this.storage.appendUpdate(documentName, update);
      this.lastSeq.set(documentName, seq);
      const pending = (this.pending.get(documentName) ?? 0) + 1;
      this.pending.set(documentName, pending);
      if (pending >= this.compactAfter) this.compact(documentName, document);
    });
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    if (!this.logUpdates) {
      this.storage.compact(documentName, Y.encodeStateAsUpdate(document), this.lastSeq.get(documentName) ?? 0);
      return;
    }
    this.compact(documentName, document);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    this.lastSeq.delete(documentName);
    this.pending.delete(documentName);
  }

  private compact(documentName: string, document: Y.Doc): void {
    const upToSeq = this.lastSeq.get(documentName);
    if (upToSeq === undefined || !this.pending.get(documentName)) return;
    this.storage.compact(documentName, Y.encodeStateAsUpdate(document), upToSeq);
    this.pending.set(documentName, 0);
  }
}
