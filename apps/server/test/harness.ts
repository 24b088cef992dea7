import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HocuspocusProvider } from "@hocuspocus/provider";
import type { DraftResponse } from "@plenary/protocol";
import { TEXT_FIELD, yDocToJSON } from "@plenary/schema";
import * as Y from "yjs";
import { type RunningServer, type ServerOptions, startServer } from "../src/index.ts";

/** A fresh temporary data directory, removed by the returned cleanup. */
export async function tempDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "plenary-test-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The real server, in this process, on a free loopback port with a real SQLite file. */
export async function testServer(options: Partial<ServerOptions> = {}) {
  const data = await tempDataDir();
  const server = await startServer({ port: 0, dataDir: data.dir, webRoot: null, passwordCost: 12, ...options });
  return {
    server,
    dataDir: data.dir,
    async stop() {
      await server.close();
      await data.remove();
    },
  };
}

/** The WebSocket URL of a running server's collaboration endpoint. */
export function collabUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, "ws")}/collab`;
}

/** A real Yjs client connected through @hocuspocus/provider. */
export interface TestClient {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the first sync with the server is complete. */
  synced: Promise<void>;
  /** Resolves once every local change has been acknowledged by the server. */
  acknowledged(): Promise<void>;
  destroy(): void;
}

/** Connects a provider to `draftId` on the server at `baseUrl`, with a collab token (none: the public). */
export function connectClient(baseUrl: string, draftId: string, token = ""): TestClient {
  const ydoc = new Y.Doc();
  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((done) => {
    resolveSynced = done;
  });
  const provider = new HocuspocusProvider({
    url: collabUrl(baseUrl),
    name: draftId,
    document: ydoc,
    token,
    onSynced: () => resolveSynced(),
  });
  return {
    ydoc,
    provider,
    synced,
    acknowledged: () => waitFor(() => !provider.hasUnsyncedChanges, "changes acknowledged"),
    destroy: () => {
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/** Polls `condition` every 10 ms until it holds; fails after `timeoutMs` naming what was awaited. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** The top-level Y.XmlElement of the block with the given id. */
export function blockElement(ydoc: Y.Doc, id: string): Y.XmlElement {
  const fragment = ydoc.getXmlFragment(TEXT_FIELD);
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement && child.getAttribute("id") === id) return child;
  }
  throw new RangeError(`No block with id ${id}`);
}

/** Types `text` at the end of the block with the given id, as an editor would; `marks` as Yjs formatting. */
export function appendText(ydoc: Y.Doc, blockId: string, text: string, marks?: Record<string, unknown>): void {
  const element = blockElement(ydoc, blockId);
  const last = element.toArray().at(-1);
  if (last instanceof Y.XmlText) last.insert(last.length, text, marks);
  else {
    const node = new Y.XmlText();
    element.insert(element.length, [node]);
    node.insert(0, text, marks);
  }
}

/** Inserts a new paragraph at top-level `index`, as an editor would. */
export function insertParagraph(ydoc: Y.Doc, index: number, attrs: { id: string; kind: string }, text: string): void {
  const element = new Y.XmlElement("paragraph");
  element.setAttribute("id", attrs.id);
  element.setAttribute("kind", attrs.kind);
  element.insert(0, [new Y.XmlText(text)]);
  ydoc.getXmlFragment(TEXT_FIELD).insert(index, [element]);
}

/** The plain text of the block with the given id in a JSON draft. */
export function blockText(draft: Pick<DraftResponse, "doc">, id: string): string | undefined {
  const block = draft.doc.content.find((node) => node.attrs?.id === id);
  return block ? (block.content ?? []).map((node) => node.text ?? "").join("") : undefined;
}

/** The text of a Y.Doc as JSON (what the API would return). */
export const docJSON = yDocToJSON;

/** GETs a JSON resource and returns status and body. */
export async function getJSON<T = unknown>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}

/** The server as a separate process (`node src/main.ts`), so that it can be killed with SIGKILL. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const MAIN = resolve(import.meta.dirname, "../src/main.ts");

/** Starts `src/main.ts` on a free port with the given data directory; resolves once it prints its address. */
export function spawnServer(dataDir: string, port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN, "--port", String(port), "--data-dir", dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PLENARY_PASSWORD_COST: "12" },
  });
  return new Promise((done, fail) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (!match?.[1]) return;
      child.stdout?.off("data", onData);
      const url = match[1];
      done({
        url,
        child,
        kill: (signal) =>
          new Promise((exited) => {
            child.once("exit", () => exited());
            child.kill(signal);
          }),
      });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => fail(new Error(`Server exited with ${code} before it was ready:\n${output}`)));
  });
}

export type { RunningServer };
