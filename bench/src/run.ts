import { type BrowserOpenResult, browserOpen } from "./browser-open.ts";
import { type BrowserTypingOptions, type BrowserTypingResult, browserTyping } from "./browser-typing.ts";
import { type ColdOpenOptions, type ColdOpenResult, coldOpen } from "./cold-open.ts";
import { type CompareOptions, type CompareResult, compareTwoVersions } from "./compare.ts";
import { type DurabilityOptions, type DurabilityResult, durability } from "./durability.ts";
import { type LiveEditingOptions, type LiveEditingResult, liveEditing } from "./live-editing.ts";
import { type MachineInfo, machineInfo } from "./machine.ts";
import { type NotMeasured, notMeasured } from "./not-measured.ts";
import { DEFAULT_TRACES_DIR, firstPatches, loadTrace } from "./trace.ts";
import { type TraceFloorResult, type TraceReplayResult, traceFloor, traceReplay } from "./trace-replay.ts";

/** The workloads, in the order they run and are reported (numbered as in docs/performance.md). */
export const WORKLOADS = ["live", "trace", "compare", "open", "browser", "durability"] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

/** Everything a run is configured by. */
export interface BenchConfig {
  mode: "full" | "quick";
  workloads: WorkloadName[];
  /** Also run the same workloads against plain Hocuspocus. */
  baseline: boolean;
  live: LiveEditingOptions;
  /** `maxPatches` null: the whole trace; `suggesterMaxPatches` likewise, for the suggester case. */
  trace: {
    name: string;
    dir: string;
    maxPatches: number | null;
    suggesterMaxPatches: number | null;
    window: number;
    timeoutMs: number;
  };
  compare: CompareOptions;
  open: ColdOpenOptions & { browserOpens: number };
  browser: BrowserTypingOptions;
  durability: DurabilityOptions;
}

/** The defaults of a full run, or of `--quick` (a few seconds per workload, to check that the harness works). */
export function defaultConfig(mode: "full" | "quick"): BenchConfig {
  const quick = mode === "quick";
  const seed = 20261123;
  return {
    mode,
    workloads: [...WORKLOADS],
    baseline: true,
    live: {
      editors: quick ? 4 : 30,
      viewers: quick ? 20 : 300,
      viewerMode: "protocol",
      seconds: quick ? 2 : 20,
      warmupSeconds: quick ? 1 : 3,
      workers: quick ? 2 : 3,
      charsPerSecond: 5,
      carets: false,
      editorRole: "delegate",
      seed,
    },
    trace: {
      name: "automerge-paper",
      dir: DEFAULT_TRACES_DIR,
      maxPatches: quick ? 2_000 : 50_000,
      suggesterMaxPatches: quick ? 500 : 20_000,
      window: 500,
      timeoutMs: 480_000,
    },
    compare: { paragraphs: 500, runs: quick ? 5 : 200, seed },
    open: { paragraphs: 200, suggestions: quick ? 20 : 500, opens: quick ? 3 : 20, browserOpens: quick ? 1 : 5, seed },
    browser: {
      paragraphs: quick ? 50 : 500,
      suggestions: quick ? 50 : 1000,
      keystrokes: quick ? 20 : 200,
      keyDelayMs: 50,
      seed,
    },
    durability: { updates: quick ? 500 : 10_000, window: 100 },
  };
}

/** A baseline run that may have been skipped. */
type Maybe<T> = T | NotMeasured;

/** What a run measured, workload by workload; a workload not run (or failed) is a {@link NotMeasured}. */
export interface BenchResults {
  schema: 1;
  mode: "full" | "quick";
  startedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  config: BenchConfig;
  liveEditing: Maybe<{ plenary: LiveEditingResult; plain: Maybe<LiveEditingResult> }>;
  traceReplay: Maybe<{
    floor: TraceFloorResult;
    plenary: TraceReplayResult;
    plain: Maybe<TraceReplayResult>;
    /** The same trace typed by a delegate: every insertion a suggestion (possibly a shorter slice). */
    suggester: TraceReplayResult;
    suggesterPlain: Maybe<TraceReplayResult>;
  }>;
  compare: Maybe<CompareResult>;
  coldOpen: Maybe<{ sync: ColdOpenResult; browser: Maybe<BrowserOpenResult> }>;
  browserTyping: Maybe<BrowserTypingResult>;
  durability: Maybe<{ logged: DurabilityResult; unlogged: DurabilityResult; ratio: number }>;
  /** Workloads that failed, with the error: a run with failures exits non-zero. */
  failures: string[];
}

/** Runs the configured workloads one after another, logging progress with `log`. */
export async function runBench(
  config: BenchConfig,
  repoRoot: string,
  log: (line: string) => void,
): Promise<BenchResults> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo(repoRoot);
  const failures: string[] = [];
  const skipped = notMeasured("not selected (--only)");

  const run = async <T>(name: WorkloadName, title: string, body: () => Promise<T>): Promise<T | NotMeasured> => {
    if (!config.workloads.includes(name)) return skipped;
    log(`${title}…`);
    const t0 = performance.now();
    try {
      const result = await body();
      log(`${title}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      log(`${title}: FAILED: ${message}`);
      return notMeasured(`failed: ${message.split("\n")[0]}`);
    }
  };
  const baseline = <T>(body: () => Promise<T>): Promise<Maybe<T>> =>
    config.baseline ? body() : Promise.resolve(notMeasured("baseline not run (--no-baseline)"));

  const liveResult = await run("live", "1. live editing", async () => {
    const plenary = await liveEditing("plenary", config.live);
    const plain = await baseline(() => liveEditing("plain", config.live));
    return { plenary, plain };
  });

  const traceResult = await run("trace", "2. trace replay", async () => {
    const whole = loadTrace(config.trace.dir, config.trace.name);
    const trace = firstPatches(whole, config.trace.maxPatches ?? Number.POSITIVE_INFINITY);
    const floor = traceFloor(trace);
    const options = { window: config.trace.window, timeoutMs: config.trace.timeoutMs, role: "facilitator" as const };
    const plenary = await traceReplay("plenary", trace, options);
    const plain = await baseline(() => traceReplay("plain", trace, options));
    const suggesterTrace = firstPatches(whole, config.trace.suggesterMaxPatches ?? Number.POSITIVE_INFINITY);
    const suggesting = { ...options, role: "delegate" as const };
    const suggester = await traceReplay("plenary", suggesterTrace, suggesting);
    const suggesterPlain = await baseline(() => traceReplay("plain", suggesterTrace, suggesting));
    return { floor, plenary, plain, suggester, suggesterPlain };
  });

  const compareResult = await run("compare", "3. comparison", () => compareTwoVersions(config.compare));

  const openResult = await run("open", "4. cold open", async () => {
    const sync = await coldOpen("plenary", config.open);
    const browser = await run("open", "4. cold open in the browser", () =>
      browserOpen({ ...config.open, opens: config.open.browserOpens }),
    );
    return { sync, browser };
  });

  const browserResult = await run("browser", "5. typing in the browser", () => browserTyping(config.browser));

  const durabilityResult = await run("durability", "6. durability cost", async () => {
    const logged = await durability(true, config.durability);
    const unlogged = await durability(false, config.durability);
    return { logged, unlogged, ratio: logged.updatesPerSecond / unlogged.updatesPerSecond };
  });

  return {
    schema: 1,
    mode: config.mode,
    startedAt,
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    config,
    liveEditing: liveResult,
    traceReplay: traceResult,
    compare: compareResult,
    coldOpen: openResult,
    browserTyping: browserResult,
    durability: durabilityResult,
    failures,
  };
}
