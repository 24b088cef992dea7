#!/usr/bin/env node
// The `plenary-server` command. Flags override environment variables.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createFacilitator, type FacilitatorBootstrap } from "./accounts/bootstrap.ts";
import { DemoOnPublicInterfaceError } from "./demo/exposure.ts";
import { DEMO_ACCOUNTS, retireDemoAccounts } from "./demo/seed.ts";
import { ProxySettingError } from "./http/addresses.ts";
import { type RunningServer, startServer } from "./server.ts";

const usage = `Usage: plenary-server [options]              start the server
       plenary-server create-facilitator [options] --email E --password P --name N
Options:
  --port               port to listen on (env PORT; default 4400; 0 = any free port)
  --host               address to listen on (env HOST; default 127.0.0.1)
  --data-dir           folder of the SQLite store (env PLENARY_DATA_DIR; default ./data)
  --no-demo            do not load the demo negotiation into an empty store
  --allow-public-demo  serve the demo accounts on an interface other machines can reach
                       (env PLENARY_ALLOW_PUBLIC_DEMO=1; refused otherwise)
  --trusted-proxies    reverse proxies whose forwarded header names the client: addresses,
                       CIDR ranges or "loopback" (env PLENARY_TRUSTED_PROXIES; default none)
  --proxy-header       the header they set: x-forwarded-for or forwarded
                       (env PLENARY_PROXY_HEADER; default x-forwarded-for)
  env PLENARY_PASSWORD_COST: log2 of scrypt's N for password hashes (default 17)
First facilitator on first start (or with create-facilitator); disables the demo accounts:
  env PLENARY_FACILITATOR_EMAIL, PLENARY_FACILITATOR_PASSWORD, PLENARY_FACILITATOR_NAME,
  PLENARY_PROCESS_TITLE (when the store has no process yet), PLENARY_FACILITATOR_PARTY`;

const Options = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  passwordCost: z.coerce.number().int().min(10).max(20),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  trustedProxies: z.string(),
  proxyHeader: z.enum(["x-forwarded-for", "forwarded"]),
  allowPublicDemo: z.boolean(),
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
    "allow-public-demo": { type: "boolean", default: false },
    "trusted-proxies": { type: "string" },
    "proxy-header": { type: "string" },
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
  trustedProxies: values["trusted-proxies"] ?? process.env.PLENARY_TRUSTED_PROXIES ?? "",
  proxyHeader: values["proxy-header"] ?? process.env.PLENARY_PROXY_HEADER ?? "x-forwarded-for",
  allowPublicDemo: values["allow-public-demo"] || process.env.PLENARY_ALLOW_PUBLIC_DEMO === "1",
});
if (!parsed.success) fail(`Invalid option: ${z.prettifyError(parsed.error)}`);
const dataDir = resolve(parsed.data.dataDir);

const email = values.email ?? process.env.PLENARY_FACILITATOR_EMAIL;
const password = values.password ?? process.env.PLENARY_FACILITATOR_PASSWORD;
const facilitator: FacilitatorBootstrap | undefined =
  email && password
    ? {
        email,
        password,
        displayName: values.name ?? process.env.PLENARY_FACILITATOR_NAME ?? "Facilitator",
        processTitle: process.env.PLENARY_PROCESS_TITLE ?? "Negotiation",
        partyName: process.env.PLENARY_FACILITATOR_PARTY ?? "Facilitators",
      }
    : undefined;

async function start(options: Parameters<typeof startServer>[0]): Promise<RunningServer> {
  try {
    return await startServer(options);
  } catch (error) {
    if (error instanceof DemoOnPublicInterfaceError || error instanceof ProxySettingError) fail(error.message);
    throw error;
  }
}

if (command === "create-facilitator") {
  if (!facilitator) fail("create-facilitator needs --email and --password.");
  const server = await start({ ...parsed.data, port: 0, host: "127.0.0.1", dataDir, seedDemo: false, webRoot: null });
  try {
    if (server.accounts.store.findUserByEmail(facilitator.email))
      fail(`An account for ${facilitator.email} exists already.`);
    const { process: created } = await createFacilitator(server.accounts, facilitator);
    retireDemoAccounts(server.accounts);
    console.log(`Facilitator ${facilitator.email} created in "${created.title}".`);
  } finally {
    await server.close();
  }
  process.exit(0);
}

const server = await start({ ...parsed.data, dataDir, seedDemo: !values["no-demo"], facilitator });
if (facilitator) console.log(`Facilitator: ${facilitator.email}. The demo accounts are disabled.`);
console.log(`Data: ${dataDir}/plenary.sqlite`);
if (server.demoAccounts) {
  console.log("Demo accounts (for local trial only):");
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.role.padEnd(12)} ${account.email.padEnd(26)} password: ${account.password}`);
  }
}
// Last, so that whoever waits for this line has everything above it.
console.log(`Plenary is running at ${server.url}/`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0));
  });
}
