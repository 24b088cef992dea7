import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

/** The machine a run was made on, as the results name it. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  node: string;
  platform: string;
  /** Short commit hash of the working tree's HEAD, or "unknown" outside a git checkout. */
  commit: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverageAtStart: number;
}

/** Describes this machine and the checked-out commit (read-only git). */
export function machineInfo(repoRoot: string): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: cpus().length,
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    commit: gitCommit(repoRoot),
    loadAverageAtStart: loadavg()[0] ?? 0,
  };
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (match?.[1]) return match[1].trim();
  } catch {
    // Not Linux: fall through to what Node reports.
  }
  return cpus()[0]?.model ?? "unknown";
}

function gitCommit(repoRoot: string): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/** Busy and total CPU time of the whole machine so far, in seconds (from /proc/stat). */
export interface MachineCpu {
  busySeconds: number;
  totalSeconds: number;
}

/** Reads the machine-wide CPU counters; compare two readings to get the load over a window. */
export function machineCpu(): MachineCpu {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const hz = clockTicksPerSecond();
  return { busySeconds: (total - idle) / hz, totalSeconds: total / hz };
}

let clockTicks: number | undefined;

/** The kernel's clock ticks per second (USER_HZ), the unit of /proc CPU counters. */
export function clockTicksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}
