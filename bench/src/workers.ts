import { Worker } from "node:worker_threads";
import { within } from "./clock.ts";

/** A worker thread that reports with typed messages and fails with `{ type: "error", message }`. */
export class ReportingWorker<Report extends { type: string }, Command> {
  private readonly worker: Worker;
  private readonly reports: Report[] = [];
  private readonly waiting: (() => void)[] = [];
  private failure: Error | undefined;

  constructor(url: URL, workerData: unknown) {
    this.worker = new Worker(url, { workerData });
    this.worker.on("message", (report: Report | { type: "error"; message: string }) => {
      if (report.type === "error" && "message" in report) this.failure = new Error(`Worker failed: ${report.message}`);
      else this.reports.push(report as Report);
      this.wake();
    });
    this.worker.on("error", (error) => {
      this.failure = error;
      this.wake();
    });
    this.worker.on("exit", (code) => {
      this.failure ??= code === 0 ? undefined : new Error(`Worker exited with ${code}`);
      this.wake();
    });
  }

  send(command: Command): void {
    this.worker.postMessage(command);
  }

  /** The next report of the given type; rejects if the worker fails first or after `timeoutMs`. */
  next<T extends Report["type"]>(type: T, timeoutMs: number): Promise<Extract<Report, { type: T }>> {
    const found = new Promise<Extract<Report, { type: T }>>((done, fail) => {
      const check = () => {
        const index = this.reports.findIndex((report) => report.type === type);
        if (index >= 0) return done(this.reports.splice(index, 1)[0] as Extract<Report, { type: T }>);
        if (this.failure) return fail(this.failure);
        this.waiting.push(check);
      };
      check();
    });
    return within(found, timeoutMs, `a worker's "${type}" report`);
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private wake(): void {
    for (const waiter of this.waiting.splice(0)) waiter();
  }
}
