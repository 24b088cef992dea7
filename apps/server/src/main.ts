#!/usr/bin/env node
// The `plenary-server` command: flags override environment variables.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startServer } from "./server.ts";

const usage = `Usage: plenary-server [--port N] [--host ADDR] [--data-dir DIR] [--no-demo]
  --port      port to listen on (env PORT; default 4400; 0 = any free port)
  --host      address to listen on (env HOST; default 127.0.0.1)
  --data-dir  folder of the SQLite store (env PLENARY_DATA_DIR; default ./data)
  --no-demo   do not load the demo negotiation into an empty store`;

const Options = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
});

function parse() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      "no-demo": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const parsed = Options.safeParse({
    port: values.port ?? process.env.PORT ?? 4400,
    host: values.host ?? process.env.HOST ?? "127.0.0.1",
    dataDir: values["data-dir"] ?? process.env.PLENARY_DATA_DIR ?? "data",
  });
  if (!parsed.success) {
    console.error(`Invalid option: ${z.prettifyError(parsed.error)}\n\n${usage}`);
    process.exit(2);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.dataDir), seedDemo: !values["no-demo"] };
}

const options = parse();
const server = await startServer(options);
console.log(`Plenary is running at ${server.url}/`);
console.log(`Data: ${options.dataDir}/plenary.sqlite`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0));
  });
}
