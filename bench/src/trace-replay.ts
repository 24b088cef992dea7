import { doc, op, withId } from "@plenary/schema";
import * as Y from "yjs";
import { blockText, connectClient, editWithWindow, ensureBlockText } from "./client.ts";
import { within } from "./clock.ts";
import { type ServerKind, startServerOf } from "./servers.ts";
import { newSuggestion } from "./suggesting.ts";
import { withTempDir } from "./temp.ts";
import { applyTxn, type EditingTrace, replayLocally, TRACE_BLOCK_ID } from "./trace.ts";

/** Parameters of the trace-replay workload. */
export interface TraceReplayOptions {
  /** Updates sent ahead of the server's acknowledgements. */
  window: number;
  /** Give up after this long. */
  timeoutMs: number;
  /** "facilitator": direct edits; "delegate": every insertion a suggestion, checked by the server's suggestion rule. */
  role: "facilitator" | "delegate";
}

/** What replaying a trace through one server measured. */
export interface TraceReplayResult {
  server: ServerKind;
  role: "facilitator" | "delegate";
  trace: string;
  patches: number;
  transactions: number;
  /** Whether the whole trace was replayed (or a first slice of it). */
  complete: boolean;
  /** From the first edit until the server had acknowledged the last. */
  seconds: number;
  opsPerSecond: number;
  /** Y.encodeStateAsUpdate of the final document (V1, as stored and sent). */
  finalStateBytes: number;
  serverRssBytes: number;
  serverPeakRssBytes: number;
  /** Whether a new client, synced after the replay, holds exactly the text the editing client typed. */
  verified: boolean;
}

/** The floor: the same trace applied to a local Y.Doc in this process. */
export interface TraceFloorResult {
  trace: string;
  patches: number;
  seconds: number;
  opsPerSecond: number;
  finalStateBytes: number;
  /** Whether the result equals the trace's end content (only checked for a whole trace). */
  matchesEndContent: boolean | null;
}

/** Replays `trace` into a local Y.Doc, no network: the floor for {@link traceReplay}. */
export function traceFloor(trace: EditingTrace): TraceFloorResult {
  const { seconds, doc } = replayLocally(trace);
  const text = blockText(doc, TRACE_BLOCK_ID).toString();
  return {
    trace: trace.name,
    patches: trace.patches,
    seconds,
    opsPerSecond: trace.patches / seconds,
    finalStateBytes: Y.encodeStateAsUpdate(doc).byteLength,
    matchesEndContent: trace.complete ? text === trace.endContent : null,
  };
}

/**
 * One client (a facilitator, editing directly) types `trace` into a paragraph of
 * a draft on the server, one Yjs transaction per trace transaction, keeping at
 * most `window` updates unacknowledged; measures operations per second until the
 * server has acknowledged everything.
 */
export async function traceReplay(
  kind: ServerKind,
  trace: EditingTrace,
  options: TraceReplayOptions,
): Promise<TraceReplayResult> {
  const draft = { key: "trace", title: "Trace replay", doc: doc(withId(op(""), TRACE_BLOCK_ID)) };
  return withTempDir(async (dataDir) => {
    const server = await startServerOf(kind, dataDir, [draft]);
    const draftId = server.draftIds[draft.key]!;
    const delegate = options.role === "delegate" ? (await server.delegates(1))[0] : undefined;
    const suggestion = delegate ? newSuggestion(delegate) : undefined;
    const user = { name: delegate ? "Delegate" : "Facilitator", color: "#b3261e" };
    const editor = connectClient(server.collabUrl, draftId, { user, token: delegate?.token ?? server.editorToken });
    try {
      await editor.synced;
      const text = ensureBlockText(editor.ydoc, TRACE_BLOCK_ID);
      await editor.acknowledged(0);
      const started = performance.now();
      const edit = (i: number) => applyTxn(text, trace.txns[i]!, suggestion);
      const replay = editWithWindow(editor, trace.txns.length, edit, options.window);
      await within(replay, options.timeoutMs, `the ${kind} server to acknowledge the ${trace.name} trace`);
      const seconds = (performance.now() - started) / 1000;
      const usage = server.usage();
      const verified = await sameTextOnServer(server.collabUrl, draftId, text.toString());
      return {
        server: kind,
        role: options.role,
        trace: trace.name,
        patches: trace.patches,
        transactions: trace.txns.length,
        complete: trace.complete,
        seconds,
        opsPerSecond: trace.patches / seconds,
        finalStateBytes: Y.encodeStateAsUpdate(editor.ydoc).byteLength,
        serverRssBytes: usage.rssBytes,
        serverPeakRssBytes: usage.peakRssBytes,
        verified,
      };
    } finally {
      editor.destroy();
      await server.stop();
    }
  });
}

async function sameTextOnServer(collabUrl: string, draftId: string, expected: string): Promise<boolean> {
  const reader = connectClient(collabUrl, draftId);
  try {
    await reader.synced;
    return blockText(reader.ydoc, TRACE_BLOCK_ID).toString() === expected;
  } finally {
    reader.destroy();
  }
}
