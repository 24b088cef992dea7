import { jsonToYDoc, textOfJSON } from "@plenary/schema";
import * as Y from "yjs";
import { connectClient } from "./client.ts";
import { unDraft } from "./corpus.ts";
import { seededRandom } from "./random.ts";
import { type ServerKind, startServerOf } from "./servers.ts";
import { type Distribution, distribution, median } from "./stats.ts";
import { seedSuggestions } from "./suggesting.ts";
import { withTempDir } from "./temp.ts";

/** Parameters of the cold-open workload. */
export interface ColdOpenOptions {
  paragraphs: number;
  /** Pending suggestions made on the draft before it is opened. */
  suggestions: number;
  /** New viewers opened one after another (the median is reported). */
  opens: number;
  seed: number;
}

/** What opening a draft as a new viewer measured. */
export interface ColdOpenResult {
  server: ServerKind;
  paragraphs: number;
  words: number;
  /** Pending suggestions in the draft. */
  suggestions: number;
  /** Y.encodeStateAsUpdate of the draft. */
  stateBytes: number;
  /** The first viewer, for whom the server loads the draft from storage. */
  firstOpen: { ms: number; bytes: number };
  /** Later viewers, the draft already in memory (someone else has it open). */
  syncMs: Distribution;
  /** WebSocket bytes a new viewer received until synced (median). */
  bytesToViewer: number;
}

/**
 * A new viewer opens a `paragraphs`-paragraph draft: the time from creating its
 * provider (WebSocket handshake included) until it is synced, and the bytes the
 * server sent it. A first viewer keeps the draft loaded, as during a negotiation.
 */
export async function coldOpen(kind: ServerKind, options: ColdOpenOptions): Promise<ColdOpenResult> {
  const json = unDraft(seededRandom(options.seed), options.paragraphs);
  const stateBytes = Y.encodeStateAsUpdate(jsonToYDoc(json)).byteLength;
  const words = json.content.reduce((sum, block) => sum + textOfJSON(block).split(/\s+/).filter(Boolean).length, 0);
  return withTempDir(async (dataDir) => {
    const draft = { key: "open", title: "Cold open benchmark", doc: json };
    const server = await startServerOf(kind, dataDir, [draft]);
    await seedSuggestions(server, draft, options.suggestions, options.seed).catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
    const draftId = server.draftIds.open!;
    const open = async () => {
      const started = performance.now();
      const viewer = connectClient(server.collabUrl, draftId);
      await viewer.synced;
      return { viewer, ms: performance.now() - started, bytes: viewer.bytesReceived() };
    };
    const first = await open();
    try {
      const times: number[] = [];
      const bytes: number[] = [];
      for (let i = 0; i < options.opens; i++) {
        const { viewer, ms, bytes: received } = await open();
        viewer.destroy();
        times.push(ms);
        bytes.push(received);
      }
      return {
        server: kind,
        paragraphs: options.paragraphs,
        words,
        suggestions: options.suggestions,
        stateBytes,
        firstOpen: { ms: first.ms, bytes: first.bytes },
        syncMs: distribution(times),
        bytesToViewer: median(bytes),
      };
    } finally {
      first.viewer.destroy();
      await server.stop();
    }
  });
}
