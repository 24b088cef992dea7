// Prints the plain closing line CI reads ("tests: N passed, N failed, N skipped") from vitest's JSON reports.
import { existsSync, readFileSync } from "node:fs";

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTests: number;
}

const paths = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0, total: 0 };
let missing = 0;
for (const path of paths) {
  if (!existsSync(path)) {
    console.error(`No test report at ${path}: that run did not finish.`);
    missing += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(path, "utf8")) as Report;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  totals.total += report.numTotalTests;
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (missing > 0 || totals.total === 0 || totals.failed > 0) process.exit(1);
