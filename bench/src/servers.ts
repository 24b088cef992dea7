import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COLLAB_PATH, type DraftSummary, type SessionResponse } from "@plenary/protocol";
import { type DocJSON, doc, jsonToYDoc, TEXT_FIELD } from "@plenary/schema";
import * as Y from "yjs";
import { connectClient } from "./client.ts";
import { within } from "./clock.ts";
import { clockTicksPerSecond } from "./machine.ts";

/** A draft to exist on a server before a workload starts, named by a key of the workload's choosing. */
export interface DraftSeed {
  key: string;
  title: string;
  doc: DocJSON;
}

/** An account to sign in with. */
export interface Account {
  email: string;
  password: string;
}

/**
 * Someone who writes to the text: the token their provider connects with and who
 * they are, as suggestion marks name them (user id and party id).
 */
export interface Participant {
  token: string | null;
  author: string;
  party: string;
}

/** Resource use of a server process, read from /proc. */
export interface ProcessUsage {
  /** User + system CPU time since the process started, in seconds. */
  cpuSeconds: number;
  /** Resident memory now, in bytes. */
  rssBytes: number;
  /** Peak resident memory, in bytes. */
  peakRssBytes: number;
}

/** Which server a workload runs against. */
export type ServerKind = "plenary" | "plain";

/** A server running in its own child process on a loopback port, holding the workload's drafts. */
export interface ServerProcess {
  kind: ServerKind;
  /** Base HTTP URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** URL of the Yjs WebSocket endpoint. */
  collabUrl: string;
  pid: number;
  /** The id the server gave each draft, by the seed's key. */
  draftIds: Record<string, string>;
  /** Token for providers that edit the text directly (a facilitator's); null where the server has no accounts. */
  editorToken: string | null;
  /** New delegates of the draft's process (each of their own party), who may only suggest. */
  delegates(count: number): Promise<Participant[]>;
  /** The facilitator the bench signed in as; null where the server has no accounts. */
  facilitator: Account | null;
  /** An HTTP API request as the signed-in facilitator; resolves with the JSON answer, rejects on an error status. */
  api<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T>;
  usage(): ProcessUsage;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and resolves once it has exited. */
  stop(): Promise<void>;
}

const PLENARY_MAIN = fileURLToPath(new URL("./main.ts", import.meta.resolve("@plenary/server")));
const PLENARY_WITH_OPTIONS = fileURLToPath(new URL("./plenary-server.ts", import.meta.url));
const PLAIN_SERVER = fileURLToPath(new URL("./plain-server.ts", import.meta.url));

/** The facilitator every Plenary server of the bench is started with. */
export const BENCH_FACILITATOR = {
  email: "facilitator@bench.plenary",
  password: "bench-facilitator-password",
  name: "Bench Facilitator",
};

// Password hashing at the lowest cost the server accepts: the bench signs in, it does not measure scrypt.
const SERVER_ENV = {
  ...process.env,
  PLENARY_PASSWORD_COST: "10",
  PLENARY_PROCESS_TITLE: "Benchmark",
  PLENARY_FACILITATOR_EMAIL: BENCH_FACILITATOR.email,
  PLENARY_FACILITATOR_PASSWORD: BENCH_FACILITATOR.password,
  PLENARY_FACILITATOR_NAME: BENCH_FACILITATOR.name,
};

/**
 * Starts the real Plenary server (`apps/server/src/main.ts`, the `plenary-server`
 * command) with a fresh SQLite store in `dataDir` and its first facilitator, signs
 * in as that facilitator and creates `drafts` through the HTTP API.
 * With `logUpdates` set, starts it through `startServer` instead, for that option
 * (the command line does not offer it), after `plenary-server create-facilitator`.
 */
export async function startPlenary(
  dataDir: string,
  drafts: DraftSeed[],
  options: { logUpdates?: boolean } = {},
): Promise<ServerProcess> {
  let args = [PLENARY_MAIN, "--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir, "--no-demo"];
  if (options.logUpdates !== undefined) {
    await runToCompletion([PLENARY_MAIN, "create-facilitator", "--data-dir", dataDir], "create-facilitator");
    args = [PLENARY_WITH_OPTIONS, "--data-dir", dataDir, "--log-updates", String(options.logUpdates)];
  }
  const server = await spawnServer("plenary", args);
  try {
    const session = await signIn(server.url, BENCH_FACILITATOR);
    const processId = session.body.memberships[0]?.processId;
    if (!processId) throw new Error("The bench facilitator belongs to no process");
    const collabUrl = `${server.url.replace(/^http/, "ws")}${COLLAB_PATH}`;
    const draftIds: Record<string, string> = {};
    for (const draft of drafts) {
      // The API takes a small first text (its body is capped); the rest is typed in, as a facilitator would paste it.
      const [first, ...rest] = draft.doc.content;
      const created = await postJSON<DraftSummary>(server.url, `/api/processes/${processId}/drafts`, session, {
        title: draft.title,
        doc: doc(...(first ? [first] : [])),
      });
      draftIds[draft.key] = created.id;
      if (rest.length > 0) await appendBlocks(collabUrl, created.id, session.body.collabToken, rest);
    }
    const delegates = (count: number) => inviteDelegates(server.url, session, processId, count);
    return {
      ...server,
      collabUrl,
      draftIds,
      editorToken: session.body.collabToken,
      delegates,
      facilitator: BENCH_FACILITATOR,
      api: (method, path, body) => requestJSON(server.url, method, path, session, body),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Starts a plain Hocuspocus `Server` (no extensions, no accounts) holding `drafts` in memory: the baseline. */
export async function startPlain(dataDir: string, drafts: DraftSeed[]): Promise<ServerProcess> {
  const draftsDir = join(dataDir, "drafts");
  await mkdir(draftsDir, { recursive: true });
  const draftIds: Record<string, string> = {};
  for (const draft of drafts) {
    await writeFile(join(draftsDir, `${draft.key}.bin`), Y.encodeStateAsUpdate(jsonToYDoc(draft.doc)));
    draftIds[draft.key] = draft.key;
  }
  const server = await spawnServer("plain", [PLAIN_SERVER, "--drafts-dir", draftsDir]);
  // Plain Hocuspocus checks nobody: its "delegates" write the same marks, unchecked.
  const delegates = async (count: number) =>
    Array.from({ length: count }, (_, n) => ({ token: null, author: `bench-user-${n}`, party: `bench-party-${n}` }));
  return {
    ...server,
    collabUrl: server.url.replace(/^http/, "ws"),
    draftIds,
    editorToken: null,
    delegates,
    facilitator: null,
    api: () => Promise.reject(new Error("Plain Hocuspocus has no HTTP API")),
  };
}

/** Starts the server of the given kind; see {@link startPlenary} and {@link startPlain}. */
export function startServerOf(kind: ServerKind, dataDir: string, drafts: DraftSeed[]): Promise<ServerProcess> {
  return kind === "plenary" ? startPlenary(dataDir, drafts) : startPlain(dataDir, drafts);
}

/** Appends `blocks` to a draft through the collaboration endpoint, a hundred blocks per update. */
async function appendBlocks(collabUrl: string, draftId: string, token: string | null, blocks: DocJSON["content"]) {
  const client = connectClient(collabUrl, draftId, { token });
  try {
    await client.synced;
    const fragment = client.ydoc.getXmlFragment(TEXT_FIELD);
    for (let start = 0; start < blocks.length; start += 100) {
      const source = jsonToYDoc(doc(...blocks.slice(start, start + 100))).getXmlFragment(TEXT_FIELD);
      const copies = source.toArray().map((node) => node.clone() as Y.XmlElement);
      fragment.insert(fragment.length, copies);
    }
    await within(client.acknowledged(0), 60_000, `the server to accept the text of draft ${draftId}`);
  } finally {
    client.destroy();
  }
}

let delegateCount = 0;

/** Invites `count` delegates, each for a new delegation, and accepts each invitation as a new account. */
async function inviteDelegates(url: string, facilitator: Session, processId: string, count: number) {
  const delegates: Participant[] = [];
  for (let n = 0; n < count; n++) {
    const number = ++delegateCount;
    const invite = await postJSON<{ token: string }>(url, `/api/processes/${processId}/invites`, facilitator, {
      role: "delegate",
      party: { kind: "state-group", name: `Bench delegation ${number}` },
    });
    const account = {
      displayName: `Bench delegate ${number}`,
      email: `delegate-${number}@bench.plenary`,
      password: "bench-delegate-password",
    };
    const accepted = await postJSON<SessionResponse>(url, `/api/invites/${invite.token}/accept`, null, account);
    if (!accepted.user || !accepted.party) throw new Error("Accepting an invitation gave no user or party");
    delegates.push({ token: accepted.collabToken, author: accepted.user.id, party: accepted.party.id });
  }
  return delegates;
}

interface Session {
  cookie: string;
  body: SessionResponse;
}

async function signIn(url: string, account: Account): Promise<Session> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`Sign-in as ${account.email} refused: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  return { cookie, body: (await response.json()) as SessionResponse };
}

function postJSON<T>(url: string, path: string, session: Session | null, body: unknown): Promise<T> {
  return requestJSON<T>(url, "POST", path, session, body);
}

async function requestJSON<T>(
  url: string,
  method: "GET" | "POST",
  path: string,
  session: Session | null,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (session) {
    headers.cookie = session.cookie;
    headers["x-csrf-token"] = session.body.csrfToken ?? "";
  }
  const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  const response = await fetch(`${url}${path}`, init);
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

function runToCompletion(args: string[], what: string): Promise<void> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: SERVER_ENV });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return within(
    new Promise((done, fail) => {
      child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`${what} exited with ${code}:\n${output}`))));
    }),
    60_000,
    what,
  );
}

type SpawnedServer = Pick<ServerProcess, "kind" | "url" | "pid" | "usage" | "stop">;

async function spawnServer(kind: ServerKind, args: string[]): Promise<SpawnedServer> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: SERVER_ENV });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const url = await within(
    new Promise<string>((done, fail) => {
      const onData = () => {
        const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
        if (match?.[1]) {
          child.stdout?.off("data", onData);
          done(match[1]);
        }
      };
      child.stdout?.on("data", onData);
      child.once("exit", (code) =>
        fail(new Error(`The ${kind} server exited with ${code} before it was ready:\n${output}`)),
      );
    }),
    30_000,
    `the ${kind} server to start`,
  ).catch(async (error: unknown) => {
    await stopChild(child, exited);
    throw error;
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`The ${kind} server has no process id`);
  return { kind, url, pid, usage: () => processUsage(pid), stop: () => stopChild(child, exited) };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(killer);
}

/** CPU time and memory of process `pid`, from /proc/PID/stat and /proc/PID/status. */
export function processUsage(pid: number): ProcessUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return {
    cpuSeconds: ticks / clockTicksPerSecond(),
    rssBytes: kib("VmRSS") * 1024,
    peakRssBytes: kib("VmHWM") * 1024,
  };
}
