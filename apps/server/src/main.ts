#!/usr/bin/env node
// The `plenary-server` command. Flags override environment variables.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createFacilitator } from "./accounts/bootstrap.ts";
import { DEMO_ACCOUNTS } from "./demo/seed.ts";
import { type RunningServer, startServer } from "./server.ts";

const usage = `Usage: plenary-server [options]              start the server
       plenary-server create-facilitator [options] --email E --password P --name N
Options:
  --port      port to listen on (env PORT; default 4400; 0 = any free port)
  --host      address to listen on (env HOST; default 127.0.0.1)
  --data-dir  folder of the SQLite store (env PLENARY_DATA_DIR; default ./data)
  --no-demo   do not load the demo negotiation into an empty store
  env PLENARY_PASSWORD_COST: log2 of scrypt's N for password hashes (default 17)
First facilitator on first start (or with create-facilitator):
  env PLENARY_FACILITATOR_EMAIL, PLENARY_FACILITATOR_PASSWORD, PLENARY_FACILITATOR_NAME,
  PLENARY_PROCESS_TITLE (when the store has no process yet), PLENARY_FACILITATOR_PARTY`;

const Options = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  passwordCost: z.coerce.number().int().min(10).max(20),
  host: z.string().min(1),
  dataDir: z.string().min(1),
});

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "data-dir": { type: "string" },
    "no-demo": { type: "boolean", default: false },
    email: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const command = positionals[0] ?? "serve";
if (command !== "serve" && command !== "create-facilitator") fail(`Unknown command "${command}".`);

const parsed = Options.safeParse({
  port: values.port ?? process.env.PORT ?? 4400,
  passwordCost: process.env.PLENARY_PASSWORD_COST ?? 17,
  host: values.host ?? process.env.HOST ?? "127.0.0.1",
  dataDir: values["data-dir"] ?? process.env.PLENARY_DATA_DIR ?? "data",
});
if (!parsed.success) fail(`Invalid option: ${z.prettifyError(parsed.error)}`);
const dataDir = resolve(parsed.data.dataDir);

const facilitator = {
  email: values.email ?? process.env.PLENARY_FACILITATOR_EMAIL,
  password: values.password ?? process.env.PLENARY_FACILITATOR_PASSWORD,
  displayName: values.name ?? process.env.PLENARY_FACILITATOR_NAME ?? "Facilitator",
  processTitle: process.env.PLENARY_PROCESS_TITLE ?? "Negotiation",
  partyName: process.env.PLENARY_FACILITATOR_PARTY ?? "Facilitators",
};

async function bootstrap(server: RunningServer, required: boolean): Promise<void> {
  if (!facilitator.email || !facilitator.password) {
    if (required) fail("create-facilitator needs --email and --password.");
    return;
  }
  if (server.accounts.store.findUserByEmail(facilitator.email)) {
    if (required) fail(`An account for ${facilitator.email} exists already.`);
    return;
  }
  const { process: created } = await createFacilitator(server.accounts, {
    ...facilitator,
    email: facilitator.email,
    password: facilitator.password,
  });
  console.log(`Facilitator ${facilitator.email} created in "${created.title}".`);
}

if (command === "create-facilitator") {
  const server = await startServer({ ...parsed.data, port: 0, dataDir, seedDemo: false, webRoot: null });
  try {
    await bootstrap(server, true);
  } finally {
    await server.close();
  }
  process.exit(0);
}

const server = await startServer({ ...parsed.data, dataDir, seedDemo: !values["no-demo"] });
await bootstrap(server, false);
console.log(`Plenary is running at ${server.url}/`);
console.log(`Data: ${dataDir}/plenary.sqlite`);
if (server.accounts.store.findUserByEmail(DEMO_ACCOUNTS[0].email)) {
  console.log("Demo accounts (for local trial only):");
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.role.padEnd(12)} ${account.email.padEnd(26)} password: ${account.password}`);
  }
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0));
  });
}
