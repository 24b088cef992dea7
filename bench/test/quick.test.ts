import { existsSync } from "node:fs";
import { join } from "node:path";
import { isBlockId, textOfJSON } from "@plenary/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { unDraft } from "../src/corpus.ts";
import {
  type BenchResults,
  DEFAULT_TRACES_DIR,
  defaultConfig,
  distribution,
  isNotMeasured,
  loadTrace,
  markdownSection,
  runBench,
  tableRows,
  traceFloor,
  versionPair,
} from "../src/index.ts";
import { seededRandom } from "../src/random.ts";

// The workloads with tiny numbers, in process: does the harness work and give
// results of the right shape? No timing thresholds: this machine's speed is not under test.

const repoRoot = join(import.meta.dirname, "../..");
const hasTraces = existsSync(join(DEFAULT_TRACES_DIR, "automerge-paper.json.gz"));

function tinyConfig() {
  const config = defaultConfig("quick");
  config.workloads = ["live", "trace", "compare", "open", "durability"];
  config.live = {
    ...config.live,
    editors: 3,
    viewers: 6,
    seconds: 1,
    warmupSeconds: 0,
    workers: 2,
    charsPerSecond: 10,
  };
  config.trace = { ...config.trace, maxPatches: 300, suggesterMaxPatches: 200 };
  config.open = { ...config.open, paragraphs: 30, suggestions: 20, opens: 3, browserOpens: 0 };
  config.durability = { updates: 200, window: 50 };
  config.compare = { ...config.compare, paragraphs: 100, runs: 3 };
  if (!hasTraces) config.workloads = config.workloads.filter((name) => name !== "trace");
  return config;
}

describe("a tiny run of the benchmark", () => {
  let results: BenchResults;

  beforeAll(async () => {
    results = await runBench(tinyConfig(), repoRoot, () => {});
  }, 180_000);

  it("runs every selected workload without failure", () => {
    expect(results.failures).toEqual([]);
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.cpuModel).not.toBe("");
  });

  it("measures keystroke latency to every other client on Plenary and on plain Hocuspocus", () => {
    if (isNotMeasured(results.liveEditing)) throw new Error(results.liveEditing.reason);
    for (const live of [results.liveEditing.plenary, results.liveEditing.plain]) {
      if (isNotMeasured(live)) throw new Error(live.reason);
      expect(live.keystrokes).toBeGreaterThan(0);
      expect(live.latencyMs.count).toBeGreaterThan(0);
      expect(live.editorLatencyMs.count).toBeGreaterThan(0);
      expect(live.latencyMs.p50).toBeGreaterThan(0);
      expect(live.latencyMs.p99).toBeGreaterThanOrEqual(live.latencyMs.p50);
      expect(live.missing).toBe(0);
      expect(live.serverCpuPercent).toBeGreaterThanOrEqual(0);
      expect(live.serverRssBytes).toBeGreaterThan(0);
    }
  });

  it.skipIf(!hasTraces)("replays a trace slice through the server and checks the server's copy", () => {
    if (isNotMeasured(results.traceReplay)) throw new Error(results.traceReplay.reason);
    const { floor, plenary, plain, suggester, suggesterPlain } = results.traceReplay;
    expect(floor.patches).toBe(300);
    expect(floor.opsPerSecond).toBeGreaterThan(0);
    for (const replay of [plenary, plain, suggester, suggesterPlain]) {
      if (isNotMeasured(replay)) throw new Error(replay.reason);
      expect(replay.opsPerSecond).toBeGreaterThan(0);
      expect(replay.verified).toBe(true);
      expect(replay.finalStateBytes).toBeGreaterThan(0);
    }
    expect(suggester.role).toBe("delegate");
  });

  it("opens a draft as new viewers and counts the bytes they were sent", () => {
    if (isNotMeasured(results.coldOpen)) throw new Error(results.coldOpen.reason);
    const { sync } = results.coldOpen;
    expect(sync.syncMs.count).toBe(3);
    expect(sync.suggestions).toBe(20);
    expect(sync.bytesToViewer).toBeGreaterThan(sync.stateBytes * 0.9);
    expect(sync.firstOpen.ms).toBeGreaterThan(0);
  });

  it("measures updates per second with the update log on and off", () => {
    if (isNotMeasured(results.durability)) throw new Error(results.durability.reason);
    expect(results.durability.logged.updatesPerSecond).toBeGreaterThan(0);
    expect(results.durability.unlogged.updatesPerSecond).toBeGreaterThan(0);
    expect(results.durability.ratio).toBeGreaterThan(0);
  });

  it("compares two versions with @plenary/diff and finds the changes made between them", () => {
    if (isNotMeasured(results.compare)) throw new Error(results.compare.reason);
    expect(results.compare.compareMs.count).toBe(results.config.compare.runs);
    expect(results.compare.statuses.changed).toBeGreaterThan(0);
    expect(results.compare.statuses.added).toBeGreaterThan(0);
  });

  it("reports what was not measured, and why, in the table and the docs section", () => {
    const table = tableRows(results)
      .map((row) => row.plenary)
      .join("\n");
    expect(table).toContain("n/a (not selected (--only))");
    const section = markdownSection(results);
    expect(section).toContain(results.machine.commit);
    expect(section).toContain("| Workload | Metric | Plenary |");
  });
});

describe("benchmark inputs", () => {
  it("summarises samples by nearest-rank percentiles", () => {
    const d = distribution(Array.from({ length: 100 }, (_, i) => 100 - i));
    expect([d.min, d.p50, d.p95, d.p99, d.max]).toEqual([1, 50, 95, 99, 100]);
    expect(() => distribution([])).toThrow(RangeError);
  });

  it("generates UN-style paragraphs of 40 to 60 words with ids the server accepts", () => {
    const draft = unDraft(seededRandom(7), 60);
    const paragraphs = draft.content.filter((block) => block.attrs?.kind === "pp" || block.attrs?.kind === "op");
    expect(paragraphs).toHaveLength(60);
    for (const paragraph of paragraphs) {
      const words = textOfJSON(paragraph).split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(40);
      expect(words).toBeLessThanOrEqual(60);
    }
    for (const block of draft.content) expect(isBlockId(block.attrs?.id)).toBe(true);
  });

  it("makes two versions of a draft that share most paragraph ids", () => {
    const { before, after } = versionPair(500, 3);
    const ids = (json: typeof before) => new Set(json.content.map((block) => block.attrs?.id as string));
    const shared = [...ids(before)].filter((id) => ids(after).has(id));
    expect(shared.length).toBeGreaterThan(0.95 * ids(before).size);
    expect(ids(after).size).not.toBe(shared.length);
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
  });

  it.skipIf(!hasTraces)("replays a whole trace to its end content locally (the floor)", () => {
    const trace = loadTrace(DEFAULT_TRACES_DIR, "seph-blog1");
    expect(trace.complete).toBe(true);
    expect(traceFloor(trace).matchesEndContent).toBe(true);
  });
});
