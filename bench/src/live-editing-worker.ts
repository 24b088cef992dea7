// One worker thread of the live-editing workload: it connects a share of the
// editors and viewers, types for its editors at a human rate, and records, for
// every keystroke of another client it sees, the time from send to receipt.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import type { SuggestionRef } from "@plenary/schema";
import * as Y from "yjs";
import { type BenchClient, blockText, connectClient } from "./client.ts";
import { epochNow, sleep, until } from "./clock.ts";
import { typingSource } from "./corpus.ts";
import { connectProtocolViewer } from "./protocol-viewer.ts";
import { seededRandom } from "./random.ts";
import { insertSuggested } from "./suggesting.ts";

/** How viewers are simulated: full providers with a Y.Doc, or protocol-level viewers (see protocol-viewer.ts). */
export type ViewerMode = "full" | "protocol";

/** What the main thread gives each worker. */
export interface LiveWorkerData {
  collabUrl: string;
  draftId: string;
  /** Session token of each editor, by editor index; viewers connect as the public. */
  editorTokens: (string | null)[];
  /** Each editor's suggestion, by editor index, when editors suggest (delegates); null when they edit directly. */
  suggestions: SuggestionRef[] | null;
  /** Block id of every editor's paragraph, by editor index. */
  editorBlocks: string[];
  /** Editors connected by this worker (indexes into editorBlocks). */
  editors: number[];
  viewers: number;
  viewerMode: ViewerMode;
  /** Send time of keystroke k of editor e at [e * maxKeys + k]; shared by all workers. */
  sendTimes: SharedArrayBuffer;
  /** Yjs client id of each editor's document, by editor index; shared by all workers. */
  editorClients: SharedArrayBuffer;
  /**
   * The editor's own Yjs clock after keystroke k, at [e * maxKeys + k]; shared. A keystroke
   * adds one item, or three with a suggestion mark (the character and the format's start and end).
   */
  keyClocks: SharedArrayBuffer;
  maxKeys: number;
  /** Mean typing rate of one editor, characters per second. */
  charsPerSecond: number;
  /** Whether editors also publish their caret (awareness) with every keystroke, as the web app does. */
  carets: boolean;
  seed: number;
}

/** Messages from the main thread. */
export type LiveCommand =
  | { type: "start"; measureFrom: number; typeUntil: number }
  | { type: "collect"; typed: number[]; timeoutMs: number }
  | { type: "close" };

/** Messages to the main thread. */
export type LiveReport =
  | { type: "connected" }
  | { type: "typed"; typed: [editor: number, keys: number][]; eventLoopUtilization: number }
  | { type: "collected"; latencies: Float64Array; editorLatencies: Float64Array; missing: number }
  | { type: "error"; message: string };

/** A client that receives keystrokes: what it has seen, by editor index (-1 for its own paragraph). */
interface Receiver {
  seen: number[];
  /** Latencies go to the editors' list when the receiver is a full client that applies updates. */
  samples: number[];
  destroy(): void;
}

const data = workerData as LiveWorkerData;
const sendTimes = new Float64Array(data.sendTimes);
const editorClients = new Uint32Array(data.editorClients);
const keyClocks = new Float64Array(data.keyClocks);
const receivers: Receiver[] = [];
const viewerLatencies: number[] = [];
const editorLatencies: number[] = [];
const editors = new Map<number, BenchClient>();
const typedByEditor = new Map<number, number>();
let clientToEditor = new Map<number, number>();
let measureFrom = Number.POSITIVE_INFINITY;
let stopTyping = false;

function post(report: LiveReport, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(report, transfer);
}

async function connectAll(): Promise<void> {
  const roles: (number | null)[] = [...data.editors, ...Array.from({ length: data.viewers }, () => null)];
  // In small batches, as people arrive: hundreds of simultaneous handshakes would measure something else.
  for (let start = 0; start < roles.length; start += 10) {
    const batch = roles.slice(start, start + 10).map((editor, offset) => {
      const name = editor === null ? `Viewer ${data.seed}-${start + offset}` : `Editor ${editor}`;
      if (editor !== null) return connectEditor(editor, name);
      return data.viewerMode === "full" ? connectFullViewer(name) : connectLightViewer(name);
    });
    await Promise.all(batch);
  }
}

async function connectEditor(editor: number, name: string): Promise<void> {
  const client = connectClient(data.collabUrl, data.draftId, {
    user: { name, color: "#b3261e" },
    token: data.editorTokens[editor] ?? null,
  });
  editorClients[editor] = client.ydoc.clientID;
  await client.synced;
  observeParagraphs(client, editor, editorLatencies);
  typedByEditor.set(editor, 0);
  editors.set(editor, client);
}

async function connectFullViewer(name: string): Promise<void> {
  const client = connectClient(data.collabUrl, data.draftId, { user: { name, color: "#1f6feb" } });
  await client.synced;
  observeParagraphs(client, null, viewerLatencies);
}

// A full client sees a keystroke when its paragraph's text grows.
function observeParagraphs(client: BenchClient, own: number | null, samples: number[]): void {
  const receiver: Receiver = {
    seen: data.editorBlocks.map((_, e) => (e === own ? -1 : 0)),
    samples,
    destroy: () => client.destroy(),
  };
  data.editorBlocks.forEach((blockId, e) => {
    if (e === own) return;
    const text = blockText(client.ydoc, blockId);
    const base = text.length;
    text.observe(() => record(receiver, e, text.length - base));
  });
  receivers.push(receiver);
}

// A protocol-level viewer sees keystroke k of an editor once an update reaches the editor's clock after it.
async function connectLightViewer(name: string): Promise<void> {
  const receiver: Receiver = { seen: data.editorBlocks.map(() => 0), samples: viewerLatencies, destroy: () => {} };
  const viewer = connectProtocolViewer(data.collabUrl, data.draftId, {
    user: { name, color: "#1f6feb" },
    onUpdate: (client, clockAfter) => {
      const editor = editorOf(client);
      if (editor !== undefined) record(receiver, editor, keysUpTo(editor, clockAfter, receiver.seen[editor]!));
    },
  });
  receiver.destroy = viewer.destroy;
  await viewer.synced;
  receivers.push(receiver);
}

function editorOf(client: number): number | undefined {
  if (!clientToEditor.has(client)) clientToEditor = new Map([...editorClients].map((id, e) => [id, e]));
  return clientToEditor.get(client);
}

function keysUpTo(editor: number, clockAfter: number, from: number): number {
  const offset = editor * data.maxKeys;
  let keys = from;
  while (keys < data.maxKeys && keyClocks[offset + keys]! > 0 && keyClocks[offset + keys]! <= clockAfter) keys++;
  return keys;
}

function record(receiver: Receiver, editor: number, keys: number): void {
  const now = epochNow();
  const offset = editor * data.maxKeys;
  for (let k = receiver.seen[editor]!; k < keys; k++) {
    const sent = sendTimes[offset + k]!;
    if (sent >= measureFrom) receiver.samples.push(now - sent);
  }
  receiver.seen[editor] = Math.max(receiver.seen[editor]!, keys);
}

async function type(editor: number, client: BenchClient, typeUntil: number): Promise<void> {
  const random = seededRandom(data.seed * 1000 + editor);
  const nextChar = typingSource(random);
  const text = blockText(client.ydoc, data.editorBlocks[editor]!);
  const suggestion = data.suggestions?.[editor];
  const meanDelay = 1000 / data.charsPerSecond;
  // Editors start out of phase with one another.
  await sleep(random() * meanDelay);
  let typed = 0;
  while (!stopTyping && typed < data.maxKeys && epochNow() < typeUntil) {
    const key = editor * data.maxKeys + typed;
    sendTimes[key] = epochNow();
    // The clock is recorded inside the transaction, so before the provider sends the update at its end.
    client.ydoc.transact(() => {
      if (suggestion) insertSuggested(text, text.length, nextChar(), suggestion);
      else text.insert(text.length, nextChar());
      keyClocks[key] = Y.getState(client.ydoc.store, client.ydoc.clientID);
    });
    typed++;
    typedByEditor.set(editor, typed);
    if (data.carets) publishCaret(client, text);
    await sleep(meanDelay * (0.5 + random()));
  }
}

function publishCaret(client: BenchClient, text: Y.XmlText): void {
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
  client.provider.setAwarenessField("cursor", { anchor: position, head: position });
}

async function start(from: number, typeUntil: number): Promise<void> {
  measureFrom = from;
  const typing = Promise.all([...editors].map(([editor, client]) => type(editor, client, typeUntil)));
  await sleep(Math.max(0, from - epochNow()));
  const before = performance.eventLoopUtilization();
  await typing;
  await sleep(Math.max(0, typeUntil - epochNow()));
  const utilization = performance.eventLoopUtilization(before).utilization;
  post({ type: "typed", typed: [...typedByEditor], eventLoopUtilization: utilization });
}

async function collect(typed: number[], timeoutMs: number): Promise<void> {
  const complete = () => receivers.every((r) => r.seen.every((seen, e) => seen < 0 || seen >= (typed[e] ?? 0)));
  await until(complete, "every keystroke to reach every client", timeoutMs).catch(() => undefined);
  let missing = 0;
  for (const receiver of receivers) {
    receiver.seen.forEach((seen, e) => {
      if (seen >= 0) missing += Math.max(0, (typed[e] ?? 0) - seen);
    });
  }
  const latencies = Float64Array.from(viewerLatencies);
  const fromEditors = Float64Array.from(editorLatencies);
  post({ type: "collected", latencies, editorLatencies: fromEditors, missing }, [latencies.buffer, fromEditors.buffer]);
}

function fail(error: unknown): void {
  post({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

parentPort?.on("message", (command: LiveCommand) => {
  if (command.type === "start") start(command.measureFrom, command.typeUntil).catch(fail);
  if (command.type === "collect") collect(command.typed, command.timeoutMs).catch(fail);
  if (command.type === "close") {
    stopTyping = true;
    for (const receiver of receivers) receiver.destroy();
    parentPort?.close();
  }
});

connectAll()
  .then(() => post({ type: "connected" }))
  .catch(fail);
