import { epochNow, sleep } from "./clock.ts";
import { operativeParagraph, unDraft, withBlocks } from "./corpus.ts";
import type { LiveCommand, LiveReport, LiveWorkerData, ViewerMode } from "./live-editing-worker.ts";
import { machineCpu } from "./machine.ts";
import { seededRandom } from "./random.ts";
import type { DraftSeed, ServerKind } from "./servers.ts";
import { startServerOf } from "./servers.ts";
import { type Distribution, distribution } from "./stats.ts";
import { newSuggestion } from "./suggesting.ts";
import { withTempDir } from "./temp.ts";
import { ReportingWorker } from "./workers.ts";

/** Parameters of the live-editing workload. */
export interface LiveEditingOptions {
  /** Clients typing, each into its own paragraph. */
  editors: number;
  /** Clients that only watch. */
  viewers: number;
  /** "protocol" (default): viewers speak the protocol but keep no Y.Doc; "full": viewers are providers with a Y.Doc. */
  viewerMode: ViewerMode;
  /** Length of the measured window. */
  seconds: number;
  /** Typing before the window opens (not measured). */
  warmupSeconds: number;
  /** Worker threads the clients are spread over. */
  workers: number;
  /** Mean typing rate of one editor. */
  charsPerSecond: number;
  /** Editors publish their caret with each keystroke (awareness), as the web app's editor does. */
  carets: boolean;
  /** "delegate" (default): each editor is a delegate whose keystrokes are suggestions; "facilitator": direct edits. */
  editorRole: "delegate" | "facilitator";
  seed: number;
}

/** What the live-editing workload measured against one server. */
export interface LiveEditingResult {
  server: ServerKind;
  options: LiveEditingOptions;
  /** Keystrokes sent inside the measured window. */
  keystrokes: number;
  /** Milliseconds from a keystroke to its arrival at each other client (one sample per keystroke and receiver). */
  latencyMs: Distribution;
  /** The same, for the editors only: full clients, timed when the change is applied to their Y.Doc. */
  editorLatencyMs: Distribution;
  /** Keystroke deliveries that had not arrived when collection gave up, max(5 s, the window) after typing (should be 0). */
  missing: number;
  /** Server CPU in the window, in % of one core. */
  serverCpuPercent: number;
  serverRssBytes: number;
  serverPeakRssBytes: number;
  /** CPU of the process holding all clients (every worker thread), in % of one core: they share the machine. */
  clientCpuPercent: number;
  /** CPU of everything else on the machine in the window, in % of one core: noise if it is not near 0. */
  otherCpuPercent: number;
  /** Event-loop utilisation of each client worker in the window (1 = saturated). */
  clientEventLoopUtilization: number[];
}

/** The draft the editors type into: twenty paragraphs of context, then one operative paragraph per editor. */
export function liveDraft(editors: number, seed: number): { seed: DraftSeed; editorBlocks: string[] } {
  const random = seededRandom(seed);
  const editorBlocks = Array.from({ length: editors }, (_, e) => `bench-editor-${String(e).padStart(3, "0")}`);
  const json = withBlocks(
    unDraft(random, 20),
    editorBlocks.map((id) => operativeParagraph(random, id)),
  );
  return { seed: { key: "live", title: "Live editing benchmark", doc: json }, editorBlocks };
}

type LiveWorker = ReportingWorker<LiveReport, LiveCommand>;

const WORKER_URL = new URL("./live-editing-worker.ts", import.meta.url);

/**
 * N editors type at a human rate into their own paragraphs while M viewers watch,
 * all on one draft, with the clients in worker threads and the server in its own
 * process; measures keystroke-to-every-other-client latency and the server's CPU and memory.
 */
export async function liveEditing(kind: ServerKind, options: LiveEditingOptions): Promise<LiveEditingResult> {
  if (options.editors < 2) throw new RangeError("Live editing needs at least 2 editors");
  const { seed: draft, editorBlocks } = liveDraft(options.editors, options.seed);
  return withTempDir(async (dataDir) => {
    const server = await startServerOf(kind, dataDir, [draft]);
    const maxKeys = Math.ceil((options.warmupSeconds + options.seconds) * options.charsPerSecond * 2.5) + 10;
    const sendTimes = new SharedArrayBuffer(options.editors * maxKeys * Float64Array.BYTES_PER_ELEMENT);
    const editorClients = new SharedArrayBuffer(options.editors * Uint32Array.BYTES_PER_ELEMENT);
    const keyClocks = new SharedArrayBuffer(options.editors * maxKeys * Float64Array.BYTES_PER_ELEMENT);
    const workers: LiveWorker[] = [];
    try {
      const delegates = options.editorRole === "delegate" ? await server.delegates(options.editors) : null;
      const suggestions = delegates?.map(newSuggestion) ?? null;
      const editorTokens = delegates?.map((delegate) => delegate.token) ?? editorBlocks.map(() => server.editorToken);
      for (let w = 0; w < options.workers; w++) {
        const data: LiveWorkerData = {
          collabUrl: server.collabUrl,
          draftId: server.draftIds[draft.key]!,
          editorTokens,
          suggestions,
          editorBlocks,
          editors: editorBlocks.map((_, e) => e).filter((e) => e % options.workers === w),
          viewers: Math.floor(options.viewers / options.workers) + (w < options.viewers % options.workers ? 1 : 0),
          viewerMode: options.viewerMode,
          sendTimes,
          editorClients,
          keyClocks,
          maxKeys,
          charsPerSecond: options.charsPerSecond,
          carets: options.carets,
          seed: options.seed + w,
        };
        workers.push(new ReportingWorker<LiveReport, LiveCommand>(WORKER_URL, data));
      }
      await Promise.all(workers.map((worker) => worker.next("connected", 180_000)));

      const measureFrom = epochNow() + 200 + options.warmupSeconds * 1000;
      const typeUntil = measureFrom + options.seconds * 1000;
      for (const worker of workers) worker.send({ type: "start", measureFrom, typeUntil });
      await sleep(measureFrom - epochNow());
      const machineBefore = machineCpu();
      const serverBefore = server.usage();
      const clientBefore = process.cpuUsage();
      await sleep(typeUntil - epochNow());
      const serverAfter = server.usage();
      const clientAfter = process.cpuUsage(clientBefore);
      const machineAfter = machineCpu();
      const percentOfCore = (seconds: number) => (100 * seconds) / options.seconds;
      const serverCpuPercent = percentOfCore(serverAfter.cpuSeconds - serverBefore.cpuSeconds);
      const clientCpuPercent = percentOfCore((clientAfter.user + clientAfter.system) / 1e6);
      const machinePercent = percentOfCore(machineAfter.busySeconds - machineBefore.busySeconds);

      const typedReports = await Promise.all(workers.map((worker) => worker.next("typed", 30_000)));
      const typed = editorBlocks.map(() => 0);
      for (const report of typedReports) for (const [editor, keys] of report.typed) typed[editor] = keys;
      const drainMs = Math.max(5_000, options.seconds * 1000);
      for (const worker of workers) worker.send({ type: "collect", typed, timeoutMs: drainMs });
      const collected = await Promise.all(workers.map((worker) => worker.next("collected", 60_000)));

      const times = new Float64Array(sendTimes);
      let keystrokes = 0;
      for (const time of times) if (time >= measureFrom && time < typeUntil) keystrokes++;
      const fromEditors = concat(collected.map((report) => report.editorLatencies));
      const samples = concat([fromEditors, ...collected.map((report) => report.latencies)]);
      if (fromEditors.length === 0) throw new Error(`No keystroke reached another editor (${kind} server)`);
      return {
        server: kind,
        options,
        keystrokes,
        latencyMs: distribution(samples),
        editorLatencyMs: distribution(fromEditors),
        missing: collected.reduce((sum, report) => sum + report.missing, 0),
        serverCpuPercent,
        serverRssBytes: serverAfter.rssBytes,
        serverPeakRssBytes: serverAfter.peakRssBytes,
        clientCpuPercent,
        otherCpuPercent: Math.max(0, machinePercent - serverCpuPercent - clientCpuPercent),
        clientEventLoopUtilization: typedReports.map((report) => report.eventLoopUtilization),
      };
    } finally {
      for (const worker of workers) worker.send({ type: "close" });
      await sleep(100);
      await Promise.all(workers.map((worker) => worker.terminate()));
      await server.stop();
    }
  });
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
