import { existsSync } from "node:fs";
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { Hocuspocus, type WebSocketLike } from "@hocuspocus/server";
import { CloseCode, COLLAB_PATH, ErrorCode, MAX_MESSAGE_BYTES } from "@plenary/protocol";
import crossws from "crossws/adapters/node";
import sirv from "sirv";
import { Accounts } from "./accounts/service.ts";
import { AccountStore } from "./accounts/store.ts";
import { AccessControl } from "./collab/access.ts";
import { CollabGuard } from "./collab/guard.ts";
import { DurablePersistence } from "./collab/persistence.ts";
import { UpdateValidation } from "./collab/validation.ts";
import { seedDemo } from "./demo/seed.ts";
import { checkCsrf, clearSessionCookie, type Handler, sessionOfRequest } from "./http/context.ts";
import { HttpError, sendError, sendJSON } from "./http/respond.ts";
import { Router } from "./http/router.ts";
import { authRoutes } from "./http/routes/auth.ts";
import { docxRoutes } from "./http/routes/docx.ts";
import { draftRoutes } from "./http/routes/drafts.ts";
import { processRoutes } from "./http/routes/processes.ts";
import { reportRoutes } from "./http/routes/report.ts";
import { revisionRoutes } from "./http/routes/revisions.ts";
import { suggestionRoutes } from "./http/routes/suggestions.ts";
import { ReportService } from "./report/service.ts";
import { RevisionService } from "./revisions/service.ts";
import { RevisionStore } from "./revisions/store.ts";
import { SqliteStorage } from "./storage/sqlite.ts";
import type { Storage } from "./storage/storage.ts";
import { SuggestionService } from "./suggestions/service.ts";
import { SuggestionStore } from "./suggestions/store.ts";

/** Options for {@link startServer}. */
export interface ServerOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. Default 4400. */
  port?: number;
  /** Folder of the SQLite file (plenary.sqlite). */
  dataDir: string;
  /** Folder of the built web app; default apps/web/dist; null serves no web app. */
  webRoot?: string | null;
  /** Load the demo negotiation when the store has no draft yet; default true. */
  seedDemo?: boolean;
  /** Hocuspocus's debounce of the compaction (ms); default 2000. */
  compactDebounceMs?: number;
  /** Log each update durably before acknowledging it; default true (see DurablePersistence). */
  logUpdates?: boolean;
  /** log2 of scrypt's N for password hashes; default 17 (tests use less to run fast). */
  passwordCost?: number;
  /** The clock; injected by tests. */
  now?: () => Date;
}

/** A running Plenary server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4400 */
  url: string;
  port: number;
  storage: Storage;
  accounts: Accounts;
  hocuspocus: Hocuspocus;
  /** Whether the demo negotiation was loaded by this start. */
  seededDemo: boolean;
  /** Closes connections, compacts open drafts and closes the store. */
  close(): Promise<void>;
}

/** Default location of the built web app, relative to this file. */
export const DEFAULT_WEB_ROOT = resolve(import.meta.dirname, "../../web/dist");

/**
 * Starts one server process serving the web app, the JSON API under `/api`,
 * `/healthz`, and the Yjs WebSocket endpoint at `/collab`, on one port.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const storage = new SqliteStorage({ path: join(options.dataDir, "plenary.sqlite"), now });
  const accounts = new Accounts({ store: new AccountStore(storage.database), now, passwordCost: options.passwordCost });
  const seededDemo = (options.seedDemo ?? true) && (await seedDemo(storage, accounts, now));
  accounts.store.deleteExpiredSessions(now().toISOString());
  const suggestionStore = new SuggestionStore(storage.database);

  const hocuspocus = new Hocuspocus({
    name: "plenary",
    quiet: true,
    debounce: options.compactDebounceMs ?? 2000,
    extensions: [
      new DurablePersistence({ storage, logUpdates: options.logUpdates ?? true }),
      new CollabGuard(),
      new AccessControl(storage, accounts),
      new UpdateValidation({ store: suggestionStore, now }),
    ],
  });

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const serveStatic =
    webRoot && existsSync(webRoot) ? sirv(webRoot, { single: true, etag: true, gzip: false }) : undefined;

  const httpServer = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      const httpError =
        error instanceof HttpError ? error : new HttpError(500, ErrorCode.Internal, "The server failed to answer");
      if (!(error instanceof HttpError)) console.error(error);
      if (!res.headersSent) sendError(res, httpError);
      else res.end();
    });
  });

  const suggestions = new SuggestionService({
    store: suggestionStore,
    accounts: accounts.store,
    storage,
    hocuspocus,
    now,
  });
  const revisionStore = new RevisionStore(storage.database);
  const revisions = new RevisionService({
    store: revisionStore,
    suggestions: suggestionStore,
    accounts: accounts.store,
    hocuspocus,
    now,
  });
  const reports = new ReportService({
    storage,
    suggestions: suggestionStore,
    revisions: revisionStore,
    accounts: accounts.store,
    hocuspocus,
  });
  const router = new Router<Handler>();
  draftRoutes(router);
  authRoutes(router);
  processRoutes(router);
  suggestionRoutes(router);
  revisionRoutes(router);
  reportRoutes(router);
  docxRoutes(router);

  // A stale or unknown cookie is cleared; signing in or out goes on as if there were none,
  // every other request is refused so that nobody acts on a session they no longer have.
  function readSession(req: IncomingMessage, res: ServerResponse, _params: unknown, path: string) {
    try {
      return sessionOfRequest(accounts, req);
    } catch (error) {
      clearSessionCookie(res);
      if (path === "/api/auth/sign-in" || path === "/api/auth/sign-out") return undefined;
      throw error;
    }
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") return sendJSON(res, 200, { ok: true });
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
      const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
      const match = router.match(req.method ?? "GET", segments);
      if (!match) throw new HttpError(404, ErrorCode.NotFound, `There is no API endpoint ${url.pathname}`);
      if ("allowed" in match) {
        res.setHeader("allow", match.allowed.join(", "));
        throw new HttpError(405, ErrorCode.MethodNotAllowed, `${req.method} is not allowed on ${url.pathname}`);
      }
      const session = readSession(req, res, match.params, url.pathname);
      checkCsrf(req, session);
      const clientAddress = req.socket.remoteAddress ?? "unknown";
      const context = {
        req,
        res,
        params: match.params,
        storage,
        accounts,
        hocuspocus,
        suggestions,
        revisions,
        reports,
        session,
        clientAddress,
      };
      return match.handler(context);
    }
    if (serveStatic) return serveStatic(req, res, () => notFound(res));
    notFound(res);
  }

  const ws = collabWebSocket(hocuspocus);
  httpServer.on("upgrade", (request, socket, head) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== COLLAB_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    ws.handleUpgrade(request, socket, head);
  });

  await listen(httpServer, options.port ?? 4400, options.host ?? "127.0.0.1");
  const { port, address } = httpServer.address() as AddressInfo;
  const url = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((done) => {
        httpServer.close(() => done());
        hocuspocus.closeConnections();
        httpServer.closeAllConnections();
      });
      hocuspocus.flushPendingStores();
      await waitForUnload(hocuspocus);
      storage.close();
    })();
    return closing;
  };

  return { url, port, storage, accounts, hocuspocus, seededDemo, close };
}

function notFound(res: ServerResponse): void {
  sendError(res, new HttpError(404, ErrorCode.NotFound, "Nothing here"));
}

function listen(server: HttpServer, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      done();
    });
  });
}

async function waitForUnload(hocuspocus: Hocuspocus): Promise<void> {
  for (let i = 0; i < 100 && hocuspocus.getDocumentsCount() > 0; i++) {
    await new Promise((done) => setTimeout(done, 20));
  }
}

interface HocuspocusPeer {
  _hocuspocus?: ReturnType<Hocuspocus["handleConnection"]>;
}

// The WebSocket endpoint: crossws's Node adapter wired to Hocuspocus, as
// Hocuspocus's own Server does, with a cap on message size.
function collabWebSocket(hocuspocus: Hocuspocus) {
  return crossws({
    // A hard cap in the WebSocket layer (the socket is dropped, nothing buffered past it)…
    serverOptions: { maxPayload: 2 * MAX_MESSAGE_BYTES },
    hooks: {
      open(peer) {
        (peer as unknown as HocuspocusPeer)._hocuspocus = hocuspocus.handleConnection(
          peer.websocket as unknown as WebSocketLike,
          peer.request as Request,
        );
      },
      message(peer, message) {
        const bytes = message.uint8Array();
        // …and a clear refusal below it, so the client can tell the person why.
        if (bytes.byteLength > MAX_MESSAGE_BYTES) {
          const { code, reason } = CloseCode.MessageTooLarge;
          peer.close(code, reason);
          return;
        }
        (peer as unknown as HocuspocusPeer)._hocuspocus?.handleMessage(bytes);
      },
      close(peer, event) {
        (peer as unknown as HocuspocusPeer)._hocuspocus?.handleClose({
          code: event.code ?? 1005,
          reason: event.reason ?? "",
        });
      },
      error(peer, error) {
        console.error(`WebSocket error on ${peer.id}:`, error);
      },
    },
  });
}
