#!/usr/bin/env node
// Plenary's server started through `startServer`, for options that its command
// line does not offer: `--log-updates false` turns off the synchronous update log
// (the durability-cost workload compares both settings).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startServer } from "@plenary/server";

const { values } = parseArgs({
  options: { "data-dir": { type: "string" }, "log-updates": { type: "string", default: "true" } },
});
if (!values["data-dir"] || !["true", "false"].includes(values["log-updates"])) {
  console.error("Usage: plenary-server.ts --data-dir DIR [--log-updates true|false]");
  process.exit(2);
}

const server = await startServer({
  host: "127.0.0.1",
  port: 0,
  dataDir: resolve(values["data-dir"]),
  webRoot: null,
  seedDemo: false,
  logUpdates: values["log-updates"] === "true",
});
console.log(`Plenary is running at ${server.url}/`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0));
  });
}
