#!/usr/bin/env node
// `scripts/bench`: runs the performance-budget workloads against the real server
// on loopback, prints the table, writes bench/results/*.json and updates the
// generated section of docs/performance.md.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { consoleTable, tableRows, updatePerformanceDoc, writeResults } from "./report.ts";
import { type BenchConfig, defaultConfig, runBench, WORKLOADS, type WorkloadName } from "./run.ts";

const usage = `Usage: scripts/bench [--quick] [options]

Runs the performance-budget workloads (docs/performance.md) against the real
server on a loopback port, prints a table, writes bench/results/latest.json and a
dated copy, and updates the generated section of docs/performance.md.

  --quick                  a few seconds per workload with small numbers (checks the harness;
                           writes bench/results/quick.json, leaves the docs alone unless --docs)
  --only LIST              comma-separated workloads: ${WORKLOADS.join(",")}
  --no-baseline            skip the plain Hocuspocus runs
  --docs / --no-docs       update docs/performance.md (default: full runs only)
  --out DIR                where the JSON goes (default bench/results)
  --seed N                 seed of the generated text and typing jitter

 1. live editing           --editors N (30)  --viewers N (300)  --seconds N (20)  --warmup N (3)
                           --workers N (3)  --cps N (5, characters/s per editor)
                           --carets (editors publish their caret per keystroke)
                           --direct-editors (editors are facilitators editing directly, not delegates suggesting)
                           --full-viewers (viewers hold a Y.Doc: client-bound on a small machine)
 2. trace replay           --trace NAME (automerge-paper)  --trace-ops N (whole trace)
                           --suggester-ops N (50000; 0 = whole trace)
                           --traces-dir DIR (${"$"}PLENARY_TRACES_DIR or /work/shared/data/traces)
 3. comparison            --compare-paragraphs N (500)  --compare-runs N (200)
 4. cold open              --open-paragraphs N (200)  --open-suggestions N (500)  --opens N (20)
                           --browser-opens N (5)
 5. typing in the browser  --browser-paragraphs N (500)  --browser-suggestions N (1000)  --keystrokes N (200)
 6. durability cost        --updates N (10000)  --window N (100)`;

const integerFlags = [
  "editors",
  "viewers",
  "seconds",
  "warmup",
  "workers",
  "cps",
  "trace-ops",
  "suggester-ops",
  "compare-paragraphs",
  "compare-runs",
  "open-paragraphs",
  "open-suggestions",
  "browser-suggestions",
  "opens",
  "browser-opens",
  "browser-paragraphs",
  "keystrokes",
  "updates",
  "window",
  "seed",
] as const;

function parse(): { config: BenchConfig; docs: boolean; out: string } {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      "no-baseline": { type: "boolean", default: false },
      docs: { type: "boolean" },
      "no-docs": { type: "boolean", default: false },
      out: { type: "string" },
      carets: { type: "boolean", default: false },
      "full-viewers": { type: "boolean", default: false },
      "direct-editors": { type: "boolean", default: false },
      trace: { type: "string" },
      "traces-dir": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      ...Object.fromEntries(integerFlags.map((flag) => [flag, { type: "string" as const }])),
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const number = (flag: (typeof integerFlags)[number], fallback: number, min = 1): number => {
    const raw = (values as unknown as Record<string, string | undefined>)[flag];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) fail(`--${flag} must be an integer ≥ ${min}, not "${raw}"`);
    return value;
  };
  const config = defaultConfig(values.quick ? "quick" : "full");
  const seed = number("seed", config.live.seed, 0);
  if (values.only !== undefined) {
    const names = values.only.split(",").map((name) => name.trim());
    const unknown = names.filter((name) => !(WORKLOADS as readonly string[]).includes(name));
    if (unknown.length > 0) fail(`Unknown workload(s) ${unknown.join(", ")}; choose from ${WORKLOADS.join(", ")}`);
    config.workloads = names as WorkloadName[];
  }
  config.baseline = !values["no-baseline"];
  config.live = {
    ...config.live,
    editors: number("editors", config.live.editors, 2),
    viewers: number("viewers", config.live.viewers, 0),
    seconds: number("seconds", config.live.seconds),
    warmupSeconds: number("warmup", config.live.warmupSeconds, 0),
    workers: number("workers", config.live.workers),
    charsPerSecond: number("cps", config.live.charsPerSecond),
    carets: values.carets,
    viewerMode: values["full-viewers"] ? "full" : config.live.viewerMode,
    editorRole: values["direct-editors"] ? "facilitator" : config.live.editorRole,
    seed,
  };
  const traceOps = number("trace-ops", 0, 0);
  config.trace = {
    ...config.trace,
    name: values.trace ?? config.trace.name,
    dir: values["traces-dir"] ?? config.trace.dir,
    maxPatches: traceOps > 0 ? traceOps : config.trace.maxPatches,
    suggesterMaxPatches: number("suggester-ops", config.trace.suggesterMaxPatches ?? 0, 0) || null,
  };
  config.compare = {
    paragraphs: number("compare-paragraphs", config.compare.paragraphs),
    runs: number("compare-runs", config.compare.runs),
    seed,
  };
  config.open = {
    paragraphs: number("open-paragraphs", config.open.paragraphs),
    suggestions: number("open-suggestions", config.open.suggestions, 0),
    opens: number("opens", config.open.opens),
    browserOpens: number("browser-opens", config.open.browserOpens, 0),
    seed,
  };
  config.browser = {
    ...config.browser,
    paragraphs: number("browser-paragraphs", config.browser.paragraphs),
    suggestions: number("browser-suggestions", config.browser.suggestions, 0),
    keystrokes: number("keystrokes", config.browser.keystrokes),
    seed,
  };
  config.durability = {
    updates: number("updates", config.durability.updates),
    window: number("window", config.durability.window),
  };
  const docs = values["no-docs"] ? false : (values.docs ?? config.mode === "full");
  return { config, docs, out: values.out ?? resolve(import.meta.dirname, "../results") };
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

const repoRoot = resolve(import.meta.dirname, "../..");
const { config, docs, out } = parse();
const log = (line: string) => console.error(`\u001b[2m[bench]\u001b[0m ${line}`);
log(`${config.mode} run of ${config.workloads.join(", ")}`);
const results = await runBench(config, repoRoot, log);
console.log(consoleTable(tableRows(results)));
console.log("");
for (const path of await writeResults(out, results, repoRoot)) log(`wrote ${path}`);
if (docs) {
  const path = resolve(repoRoot, "docs/performance.md");
  await updatePerformanceDoc(path, results);
  log(`updated ${path}`);
}
log(`took ${results.durationSeconds.toFixed(1)} s`);
if (results.failures.length > 0) {
  console.error(`\n${results.failures.length} workload(s) failed:\n  ${results.failures.join("\n  ")}`);
  process.exit(1);
}
// Worker threads and sockets are closed; exit without waiting for stray timers of the clients.
process.exit(0);
