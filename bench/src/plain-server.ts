#!/usr/bin/env node
// The baseline: a plain Hocuspocus `Server` with no extensions, holding the
// benchmark's drafts in memory. A direct connection per draft loads its state
// once and keeps the document open; nothing runs per update but Hocuspocus itself.
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { Server } from "@hocuspocus/server";
import * as Y from "yjs";

const { values } = parseArgs({ options: { "drafts-dir": { type: "string" } } });
const draftsDir = values["drafts-dir"];
if (!draftsDir) {
  console.error("Usage: plain-server.ts --drafts-dir DIR   (DIR holds one DRAFT_ID.bin Yjs state per draft)");
  process.exit(2);
}

const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
await server.listen();

for (const file of await readdir(draftsDir)) {
  if (!file.endsWith(".bin")) continue;
  const state = await readFile(join(draftsDir, file));
  const connection = await server.hocuspocus.openDirectConnection(basename(file, ".bin"));
  await connection.transact((document) => Y.applyUpdate(document, state));
}

console.log(`Plain Hocuspocus is running at http://127.0.0.1:${server.address.port}/`);

// Nothing is persisted, so there is nothing to flush: exit at once.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
