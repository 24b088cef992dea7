import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isNotMeasured, type NotMeasured } from "./not-measured.ts";
import type { BenchResults } from "./run.ts";
import type { TraceReplayResult } from "./trace-replay.ts";

/** One line of the results table. */
export interface Row {
  /** "1. Live editing …" on the first row of a workload, "" on the others. */
  workload: string;
  metric: string;
  plenary: string;
  /** The reference value, named when it is not plain Hocuspocus. */
  baseline: string;
  /** Plenary ÷ baseline. */
  ratio: string;
  budget: string;
  /** "yes", "no", or "" where no budget applies or nothing was measured. */
  meets: string;
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const cpu = (value: number) => `${value.toFixed(1)}% of a core`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const kib = (bytes: number) => `${integer.format(bytes)} B (${(bytes / 1024).toFixed(1)} KiB)`;
const perSecond = (value: number) => `${integer.format(value)}/s`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "");
const yesNo = (ok: boolean) => (ok ? "yes" : "no");

function notMeasuredRow(workload: string, what: NotMeasured, budget = ""): Row {
  return { workload, metric: "—", plenary: notMeasuredText(what), baseline: "", ratio: "", budget, meets: "" };
}

function notMeasuredText(what: NotMeasured): string {
  const reason = what.reason.length > 90 ? `${what.reason.slice(0, 89)}…` : what.reason;
  return `n/a (${reason})`;
}

/** The results as table rows, workload by workload, in the numbering of the performance budget. */
export function tableRows(results: BenchResults): Row[] {
  return [
    ...liveRows(results),
    ...traceRows(results),
    ...compareRows(results),
    ...openRows(results),
    ...browserRows(results),
    ...durabilityRows(results),
  ];
}

function liveRows({ liveEditing: live, config }: BenchResults): Row[] {
  const { editors, viewers, seconds, editorRole } = config.live;
  const who = editorRole === "delegate" ? "delegates suggesting" : "facilitators editing directly";
  const title = `1. Live editing: ${editors} editors (${who}) + ${viewers} viewers on one draft, ${seconds} s; baseline: plain Hocuspocus`;
  if (isNotMeasured(live)) return [notMeasuredRow(title, live, "p99 < 100 ms; CPU < 1.5× plain")];
  const { plenary } = live;
  const plain = isNotMeasured(live.plain) ? undefined : live.plain;
  const row = (metric: string, value: (r: typeof plenary) => number, format: (n: number) => string): Row => ({
    workload: "",
    metric,
    plenary: format(value(plenary)),
    baseline: plain ? format(value(plain)) : "",
    ratio: plain ? ratio(value(plenary), value(plain)) : "",
    budget: "",
    meets: "",
  });
  const rows = [
    row("keystroke → every other client, p50", (r) => r.latencyMs.p50, ms),
    row("keystroke → every other client, p95", (r) => r.latencyMs.p95, ms),
    {
      ...row("keystroke → every other client, p99", (r) => r.latencyMs.p99, ms),
      budget: "p99 < 100 ms",
      meets: yesNo(plenary.latencyMs.p99 < 100),
    },
    row("keystroke → other editors (full Yjs clients), p99", (r) => r.editorLatencyMs.p99, ms),
    {
      ...row("server CPU", (r) => r.serverCpuPercent, cpu),
      budget: "< 1.5× plain",
      meets: plain ? yesNo(plenary.serverCpuPercent < 1.5 * plain.serverCpuPercent) : "",
    },
    row("server memory (RSS at end)", (r) => r.serverRssBytes, mib),
    row(
      "keystrokes measured / deliveries",
      (r) => r.keystrokes,
      (n) => integer.format(n),
    ),
    {
      ...row(
        "deliveries that never arrived",
        (r) => r.missing,
        (n) => integer.format(n),
      ),
      ratio: "",
    },
    { ...row("bench clients' CPU (same machine)", (r) => r.clientCpuPercent, cpu), ratio: "" },
    { ...row("other load on the machine", (r) => r.otherCpuPercent, cpu), ratio: "" },
  ];
  rows[0]!.workload = title;
  rows[6]!.plenary = `${integer.format(plenary.keystrokes)} / ${integer.format(plenary.latencyMs.count)}`;
  if (plain) rows[6]!.baseline = `${integer.format(plain.keystrokes)} / ${integer.format(plain.latencyMs.count)}`;
  rows[6]!.ratio = "";
  return rows;
}

function traceRows({ traceReplay: trace, config }: BenchResults): Row[] {
  const title = `2. Real editing trace (${config.trace.name}), one client; baseline: plain Hocuspocus`;
  if (isNotMeasured(trace)) return [notMeasuredRow(title, trace)];
  const { floor, plenary } = trace;
  const plain = isNotMeasured(trace.plain) ? undefined : trace.plain;
  const base = { workload: "", budget: "", meets: "" };
  return [
    {
      ...base,
      workload: title,
      metric: `facilitator case (direct edits), ${plenary.complete ? "the whole trace" : `first ${integer.format(plenary.patches)} operations`}: operations/s until all acknowledged${plenary.verified ? "" : " — SERVER TEXT DIFFERS"}`,
      plenary: perSecond(plenary.opsPerSecond),
      baseline: plain ? `${perSecond(plain.opsPerSecond)} (plain)` : "",
      ratio: plain ? ratio(plenary.opsPerSecond, plain.opsPerSecond) : "",
    },
    {
      ...base,
      metric: "floor: raw Yjs, local Y.Doc, no network",
      plenary: `${perSecond(floor.opsPerSecond)} (${floor.seconds.toFixed(2)} s)`,
      baseline: "",
      ratio: `Plenary at ${((100 * plenary.opsPerSecond) / floor.opsPerSecond).toFixed(1)}% of the floor`,
    },
    {
      ...base,
      metric: "facilitator case: time end to end",
      plenary: `${plenary.seconds.toFixed(1)} s`,
      baseline: plain ? `${plain.seconds.toFixed(1)} s (plain)` : "",
      ratio: plain ? ratio(plenary.seconds, plain.seconds) : "",
    },
    {
      ...base,
      metric: "final document (Y.encodeStateAsUpdate)",
      plenary: kib(plenary.finalStateBytes),
      baseline: `${kib(floor.finalStateBytes)} (floor)`,
      ratio: "",
    },
    {
      ...base,
      metric: "server memory (RSS after replay)",
      plenary: mib(plenary.serverRssBytes),
      baseline: plain ? `${mib(plain.serverRssBytes)} (plain)` : "",
      ratio: plain ? ratio(plenary.serverRssBytes, plain.serverRssBytes) : "",
    },
    ...suggesterRows(trace.suggester, trace.suggesterPlain),
  ];
}

function suggesterRows(suggester: TraceReplayResult, maybePlain: TraceReplayResult | NotMeasured): Row[] {
  const plain = isNotMeasured(maybePlain) ? undefined : maybePlain;
  const base = { workload: "", budget: "", meets: "" };
  const first = suggester.complete ? "the whole trace" : `its first ${integer.format(suggester.patches)} operations`;
  const differs = suggester.verified ? "" : " — SERVER TEXT DIFFERS";
  return [
    {
      ...base,
      metric: `suggester case (a delegate: every insertion a suggestion), ${first}: operations/s${differs}`,
      plenary: perSecond(suggester.opsPerSecond),
      baseline: plain ? `${perSecond(plain.opsPerSecond)} (plain)` : "",
      ratio: plain ? ratio(suggester.opsPerSecond, plain.opsPerSecond) : "",
    },
    {
      ...base,
      metric: "suggester case: time end to end",
      plenary: `${suggester.seconds.toFixed(1)} s`,
      baseline: plain ? `${plain.seconds.toFixed(1)} s (plain)` : "",
      ratio: plain ? ratio(suggester.seconds, plain.seconds) : "",
    },
  ];
}

function compareRows({ compare, config }: BenchResults): Row[] {
  const title = `3. Compare two ${config.compare.paragraphs}-paragraph versions (@plenary/diff)`;
  const budget = "< 10 ms server-side";
  if (isNotMeasured(compare)) return [notMeasuredRow(title, compare, budget)];
  const base = { baseline: "", ratio: "", budget: "", meets: "" };
  const rows = Object.entries(compare.statuses)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(", ");
  return [
    {
      ...base,
      workload: title,
      metric: `compareVersions in a Node process (align + word diff), p50 of ${compare.runs}`,
      plenary: ms(compare.compareMs.p50),
      budget,
      meets: yesNo(compare.compareMs.p50 < 10),
    },
    { ...base, workload: "", metric: "align + word diff, p95", plenary: ms(compare.compareMs.p95) },
    {
      ...base,
      workload: "",
      metric: `GET /api/drafts/:id/compare between two revisions, request to answer, p50 of ${compare.serverMs.count}`,
      plenary: ms(compare.serverMs.p50),
      budget,
      meets: yesNo(compare.serverMs.p50 < 10),
    },
    { ...base, workload: "", metric: "GET …/compare, p95", plenary: ms(compare.serverMs.p95) },
    {
      ...base,
      workload: "",
      metric: "with numbering both versions from JSON, p50",
      plenary: ms(compare.fromJSONMs.p50),
    },
    { ...base, workload: "", metric: "rows of the comparison", plenary: rows },
  ];
}

function openRows({ coldOpen: open, config }: BenchResults): Row[] {
  const title = `4. Cold open: ${config.open.paragraphs}-paragraph draft with ${integer.format(config.open.suggestions)} pending suggestions, new viewer`;
  if (isNotMeasured(open)) return [notMeasuredRow(title, open, "first render < 1 s")];
  const { sync, browser } = open;
  const base = { baseline: "", ratio: "", budget: "", meets: "" };
  const rows: Row[] = [
    {
      ...base,
      workload: title,
      metric: "the text alone as one Yjs update (no suggestions, no history)",
      plenary: kib(sync.stateBytes),
    },
    { ...base, workload: "", metric: "bytes sent to the new viewer until synced", plenary: kib(sync.bytesToViewer) },
    { ...base, workload: "", metric: `provider synced, p50 of ${sync.syncMs.count}`, plenary: ms(sync.syncMs.p50) },
    { ...base, workload: "", metric: `provider synced, p95 of ${sync.syncMs.count}`, plenary: ms(sync.syncMs.p95) },
    {
      ...base,
      workload: "",
      metric: "first viewer (server loads the draft from SQLite)",
      plenary: ms(sync.firstOpen.ms),
    },
  ];
  const budget = "first render < 1 s";
  if (isNotMeasured(browser)) {
    rows.push({
      ...base,
      workload: "",
      metric: "first render in the web app",
      plenary: notMeasuredText(browser),
      budget,
    });
  } else {
    rows.push({
      ...base,
      workload: "",
      metric: `first render in the web app (navigation → whole text shown), p50 of ${browser.firstRenderMs.count}`,
      plenary: ms(browser.firstRenderMs.p50),
      budget,
      meets: yesNo(browser.firstRenderMs.p50 < 1000),
    });
  }
  return rows;
}

function browserRows({ browserTyping: typing, config }: BenchResults): Row[] {
  const title = `5. Typing in the browser: ${config.browser.paragraphs} paragraphs, ${integer.format(config.browser.suggestions)} pending suggestions, a facilitator typing`;
  const budget = "< 16 ms per keystroke";
  if (isNotMeasured(typing)) return [notMeasuredRow(title, typing, budget)];
  const base = { baseline: "", ratio: "", budget: "", meets: "" };
  const d = typing.keystrokeToFrameMs;
  return [
    { ...base, workload: title, metric: `keydown → next frame, p50 of ${d.count} keystrokes`, plenary: ms(d.p50) },
    {
      ...base,
      workload: "",
      metric: "keydown → next frame, p95",
      plenary: ms(d.p95),
      budget,
      meets: yesNo(d.p95 < 16),
    },
    { ...base, workload: "", metric: "keydown → next frame, p99", plenary: ms(d.p99) },
    { ...base, workload: "", metric: "open (navigation → whole text shown)", plenary: ms(typing.openMs) },
  ];
}

function durabilityRows({ durability: result, config }: BenchResults): Row[] {
  const title = `6. Durability cost: ${integer.format(config.durability.updates)} one-character updates from one facilitator, ${config.durability.window} in flight; baseline: update log off`;
  if (isNotMeasured(result)) return [notMeasuredRow(title, result)];
  return [
    {
      workload: title,
      metric: "updates/s acknowledged",
      plenary: perSecond(result.logged.updatesPerSecond),
      baseline: `${perSecond(result.unlogged.updatesPerSecond)} (log off)`,
      ratio: `${result.ratio.toFixed(2)}×`,
      budget: "",
      meets: "",
    },
  ];
}

const HEADER: Row = {
  workload: "Workload",
  metric: "Metric",
  plenary: "Plenary",
  baseline: "Baseline",
  ratio: "Plenary ÷ baseline",
  budget: "Budget",
  meets: "Meets",
};

/** The rows as a Markdown table. */
export function markdownTable(rows: Row[]): string {
  const line = (row: Row) =>
    `| ${[row.workload, row.metric, row.plenary, row.baseline, row.ratio, row.budget, row.meets]
      .map((cell) => cell.replaceAll("|", "\\|"))
      .join(" | ")} |`;
  return [line(HEADER), `|${" --- |".repeat(7)}`, ...rows.map(line)].join("\n");
}

/** The rows as a plain-text table for the terminal, one block per workload. */
export function consoleTable(rows: Row[]): string {
  const cells = (row: Row) => [row.metric, row.plenary, row.baseline, row.ratio, row.budget, row.meets];
  const all = [HEADER, ...rows].map(cells);
  const widths = all[0]!.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  const out = [format(cells(HEADER))];
  for (const row of rows) {
    if (row.workload) out.push("", row.workload);
    out.push(format(cells(row)));
  }
  return out.join("\n");
}

/** Credit the traces' licence (CC BY 4.0) requires wherever their results are shown. */
export const TRACE_CREDIT =
  "Editing traces from josephg/editing-traces (Joseph Gentle and contributors); automerge-paper trace by Martin Kleppmann (automerge/automerge-perf), CC BY 4.0.";

/** The generated section of docs/performance.md: when, where, the table, and what the numbers are of. */
export function markdownSection(results: BenchResults): string {
  const { machine, config } = results;
  const when = results.startedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC");
  const memory = `${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`;
  const minutes = `${Math.floor(results.durationSeconds / 60)} min ${Math.round(results.durationSeconds % 60)} s`;
  const live = config.live;
  const lines = [
    `_Generated by \`scripts/bench${config.mode === "quick" ? " --quick" : ""}\` on ${when} (took ${minutes}). Do not edit by hand: the next run replaces this section._`,
    "",
    `- Machine: ${machine.cpuModel}, ${machine.cores} cores, ${memory} memory; ${machine.platform}; Node ${machine.node}.`,
    `- Commit: \`${machine.commit}\` (plus any uncommitted changes in the working tree).`,
    `- Load average when the run started: ${machine.loadAverageAtStart.toFixed(2)} (other work on the machine skews every figure).`,
    "",
    markdownTable(tableRows(results)),
    "",
    `- Live editing: ${live.editors} editors each typing ~${live.charsPerSecond} characters/s (interval jittered ±50%) at the end of their own paragraph; ${live.viewers} viewers (${live.viewerMode === "protocol" ? "protocol-level: real WebSockets and handshakes, no Y.Doc" : "full providers with a Y.Doc"}); carets ${live.carets ? "on" : "off"}; ${live.warmupSeconds} s warm-up, then ${live.seconds} s measured; clients in ${live.workers} worker threads of the bench process, the server in its own process. One latency sample per keystroke and receiving client.`,
    `- Trace replay: each trace transaction is one Yjs transaction and one update, with up to ${config.trace.window} awaiting acknowledgement; the server's copy is checked against the client's at the end. ${TRACE_CREDIT}`,
    `- Durability: Plenary with its synchronous update log (every acknowledged update on disk) against the same server with \`logUpdates: false\`.`,
  ];
  if (results.failures.length > 0) lines.push("", `**Failures:** ${results.failures.join("; ")}`);
  return lines.join("\n");
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

/** Replaces the generated section of the performance doc (between its markers), or appends one. */
export async function updatePerformanceDoc(path: string, results: BenchResults): Promise<void> {
  const section = `${START}\n${markdownSection(results)}\n${END}`;
  const current = existsSync(path) ? await readFile(path, "utf8") : "# Performance\n";
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${section}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n## Latest results\n\n${section}\n`;
  await writeFile(path, next);
}

/**
 * Writes `latest.json` (or `quick.json` for a quick run) and, for a full run, a
 * dated copy; returns the paths. The files are formatted as the repository's
 * formatter wants them, so that `biome check .` stays clean after a run.
 */
export async function writeResults(dir: string, results: BenchResults, repoRoot: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const stamp = results.startedAt.replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  const paths =
    results.mode === "quick" ? [join(dir, "quick.json")] : [join(dir, "latest.json"), join(dir, `${stamp}.json`)];
  for (const path of paths) await writeFile(path, json);
  const biome = join(repoRoot, "node_modules/.bin/biome");
  try {
    if (existsSync(biome)) execFileSync(biome, ["format", "--write", ...paths], { stdio: "ignore" });
  } catch {
    // Only cosmetic (outside the repository biome processes nothing): the JSON stands as written.
  }
  return paths;
}
