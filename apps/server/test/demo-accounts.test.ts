import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { ApiErrorBody } from "@plenary/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { DemoOnPublicInterfaceError, isLoopbackHost } from "../src/demo/exposure.ts";
import { DEMO_ACCOUNTS, DEMO_PROCESS } from "../src/demo/seed.ts";
import { startServer } from "../src/index.ts";
import { tempDataDir } from "./harness.ts";
import { HttpClient, signedIn } from "./http-client.ts";

const [DEMO_FACILITATOR, KENYA] = DEMO_ACCOUNTS;
const REAL = {
  email: "chair@example.org",
  password: "a long passphrase",
  displayName: "Maria Lopez",
  processTitle: "Real negotiation",
  partyName: "Facilitators",
};

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const data = await tempDataDir();
  cleanups.push(data.remove);
  return data.dir;
}

async function start(dir: string, options: Partial<Parameters<typeof startServer>[0]> = {}) {
  const server = await startServer({ port: 0, dataDir: dir, webRoot: null, passwordCost: 12, ...options });
  cleanups.push(() => server.close());
  return server;
}

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;

describe("demo accounts", () => {
  it("are not created when a real facilitator is configured on a new installation", async () => {
    const server = await start(await dataDir(), { facilitator: REAL });
    expect(server.seededDemo).toBe(false);
    expect(server.demoAccounts).toBe(false);
    expect(server.accounts.store.findUserByEmail(DEMO_FACILITATOR.email)).toBeUndefined();
    const chair = await signedIn(server.url, REAL);
    expect(chair.session?.memberships.map((m) => m.role)).toEqual(["facilitator"]);
  });

  it("are disabled once a real facilitator is configured: their published passwords stop working, sessions end, authorship stays", async () => {
    const dir = await dataDir();
    const demo = await startServer({ port: 0, dataDir: dir, webRoot: null, passwordCost: 12 });
    expect(demo.demoAccounts).toBe(true);
    const kenya = await signedIn(demo.url, KENYA);
    const kenyaId = kenya.session!.user!.id;
    const cookie = kenya.cookie;
    await demo.close();

    const real = await start(dir, { facilitator: REAL });
    expect(real.demoAccounts).toBe(false);
    for (const account of DEMO_ACCOUNTS) {
      const answer = await new HttpClient(real.url).post("/api/auth/sign-in", account);
      expect(answer.status).toBe(401);
      expect(codeOf(answer.body)).toBe("invalid_credentials");
    }
    const stale = new HttpClient(real.url);
    stale.cookie = cookie;
    expect((await stale.get("/api/session")).status).toBe(401);
    expect(real.accounts.store.getUser(kenyaId)?.displayName).toBe(KENYA.displayName);
    expect(real.accounts.store.roleOf(DEMO_PROCESS.id, kenyaId)).toBe("delegate");
    expect((await signedIn(real.url, REAL)).session?.user?.email).toBe(REAL.email);
  });

  it("stay disabled on later starts without the facilitator's variables", async () => {
    const dir = await dataDir();
    await (await startServer({ port: 0, dataDir: dir, webRoot: null, passwordCost: 12, facilitator: REAL })).close();
    const again = await start(dir);
    expect(again.demoAccounts).toBe(false);
    expect((await new HttpClient(again.url).post("/api/auth/sign-in", KENYA)).status).toBe(401);
  });
});

describe("the demo on a public interface", () => {
  it("is refused before anything is stored or listened on, with a sentence saying what to do", async () => {
    const dir = await dataDir();
    const refused = startServer({ host: "0.0.0.0", port: 0, dataDir: dir, webRoot: null, passwordCost: 12 });
    await expect(refused).rejects.toThrow(DemoOnPublicInterfaceError);
    await expect(refused).rejects.toThrow(/--allow-public-demo/);
    // Nothing was loaded: a later start on loopback loads the demo as on a first start.
    const later = await start(dir);
    expect(later.seededDemo).toBe(true);
  });

  it("is refused on a store that has the demo accounts already, for every non-loopback address", async () => {
    const dir = await dataDir();
    await (await startServer({ port: 0, dataDir: dir, webRoot: null, passwordCost: 12 })).close();
    for (const host of ["0.0.0.0", "::"]) {
      await expect(
        startServer({ host, port: 0, dataDir: dir, webRoot: null, passwordCost: 12, seedDemo: false }),
      ).rejects.toThrow(DemoOnPublicInterfaceError);
    }
  });

  it("starts when explicitly allowed, without the demo, or once a real facilitator disabled the demo accounts", async () => {
    const allowed = await start(await dataDir(), { host: "0.0.0.0", allowPublicDemo: true });
    expect(allowed.demoAccounts).toBe(true);
    const withoutDemo = await start(await dataDir(), { host: "0.0.0.0", seedDemo: false });
    expect(withoutDemo.demoAccounts).toBe(false);
    const real = await start(await dataDir(), { host: "0.0.0.0", facilitator: REAL });
    expect(real.demoAccounts).toBe(false);
  });

  it("knows which addresses stay on this machine", async () => {
    for (const host of ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost"]) {
      expect(await isLoopbackHost(host)).toBe(true);
    }
    for (const host of ["0.0.0.0", "::", "192.0.2.10", "2001:db8::1", "name.invalid"]) {
      expect(await isLoopbackHost(host)).toBe(false);
    }
  });
});

describe("the plenary-server command", () => {
  const MAIN = resolve(import.meta.dirname, "../src/main.ts");

  /** Runs main.ts; resolves with its output once it prints its address (then stops it) or exits. */
  function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
    const child = spawn(process.execPath, [MAIN, "--port", "0", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PLENARY_PASSWORD_COST: "12", ...env },
    });
    let output = "";
    return new Promise((done) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/running at http/.test(output)) child.kill("SIGTERM");
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", (code) => done({ code, output }));
    });
  }

  it("refuses --host 0.0.0.0 with the demo, exits with status 2 and says how to allow it", async () => {
    const { code, output } = await run(["--host", "0.0.0.0", "--data-dir", await dataDir()]);
    expect(code).toBe(2);
    expect(output).toContain("Refusing to serve the demo accounts on 0.0.0.0");
    expect(output).not.toContain("running at");
  });

  it("serves the demo on 0.0.0.0 with --allow-public-demo or PLENARY_ALLOW_PUBLIC_DEMO=1", async () => {
    const flag = await run(["--host", "0.0.0.0", "--allow-public-demo", "--data-dir", await dataDir()]);
    expect(flag.output).toContain("running at");
    expect(flag.output).toContain("Demo accounts (for local trial only)");
    const env = await run(["--host", "0.0.0.0", "--data-dir", await dataDir()], { PLENARY_ALLOW_PUBLIC_DEMO: "1" });
    expect(env.output).toContain("running at");
  });

  it("with a facilitator configured: no demo accounts printed, none to sign in with", async () => {
    const { output } = await run(["--data-dir", await dataDir()], {
      PLENARY_FACILITATOR_EMAIL: REAL.email,
      PLENARY_FACILITATOR_PASSWORD: REAL.password,
    });
    expect(output).toContain("running at");
    expect(output).toContain("The demo accounts are disabled");
    expect(output).not.toContain("Demo accounts (for local trial only)");
  });

  it("refuses an unreadable trusted-proxy setting, naming it", async () => {
    const { code, output } = await run(["--trusted-proxies", "10.0.0.0/99", "--data-dir", await dataDir()]);
    expect(code).toBe(2);
    expect(output).toContain('"10.0.0.0/99" has an invalid prefix length');
  });
});
