import { existsSync } from "node:fs";
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { Hocuspocus, type WebSocketLike } from "@hocuspocus/server";
import { CloseCode, COLLAB_PATH, ErrorCode, MAX_MESSAGE_BYTES } from "@plenary/protocol";
import crossws from "crossws/adapters/node";
import sirv from "sirv";
import { createFacilitator, FACILITATOR_CONFIGURED, type FacilitatorBootstrap } from "./accounts/bootstrap.ts";
import { type AccountLimits, Accounts } from "./accounts/service.ts";
import { AccountStore } from "./accounts/store.ts";
import { AccessControl } from "./collab/access.ts";
import { CollabGuard } from "./collab/guard.ts";
import { DurablePersistence } from "./collab/persistence.ts";
import { SessionEnforcement } from "./collab/sessions.ts";
import { UpdateValidation } from "./collab/validation.ts";
import { DemoOnPublicInterfaceError, isLoopbackHost } from "./demo/exposure.ts";
import { demoAccountsActive, retireDemoAccounts, seedDemo } from "./demo/seed.ts";
import { clientAddress, type ProxyHeader, proxyTrust } from "./http/addresses.ts";
import { awaitContinue } from "./http/body.ts";
import { checkCsrf, clearSessionCookie, type Handler, sessionOfRequest } from "./http/context.ts";
import { securityHeaderLines, setSecurityHeaders } from "./http/headers.ts";
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
  /**
   * Reverse proxies whose forwarded header names the client (addresses, CIDR ranges or
   * "loopback"); default none, and forwarded headers are ignored. See docs/operations.md.
   */
  trustedProxies?: string | readonly string[];
  /** The header those proxies set; default "x-forwarded-for". */
  proxyHeader?: ProxyHeader;
  /** A real first facilitator to create when the store has no account with that address (disables the demo). */
  facilitator?: FacilitatorBootstrap;
  /** Serve the demo accounts on an interface other machines can reach; default false (refused). */
  allowPublicDemo?: boolean;
  /** Attempts allowed on the unauthenticated endpoints (sign-in, applications, invitations). */
  limits?: Partial<AccountLimits>;
  /** How often live connections are checked against their sessions (ms); default 500. */
  sessionSweepMs?: number;
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
  /** Whether the demo accounts can be signed in to (false once a real facilitator is configured). */
  demoAccounts: boolean;
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
  const host = options.host ?? "127.0.0.1";
  const trust = proxyTrust(options.trustedProxies ?? [], options.proxyHeader);
  const storage = new SqliteStorage({ path: join(options.dataDir, "plenary.sqlite"), now });
  const accounts = new Accounts({
    store: new AccountStore(storage.database),
    now,
    passwordCost: options.passwordCost,
    limits: options.limits,
  });
  let seededDemo: boolean;
  try {
    seededDemo = await prepareAccounts(storage, accounts, options, host, now);
  } catch (error) {
    storage.close();
    throw error;
  }
  accounts.store.deleteExpiredSessions(now().toISOString());
  const suggestionStore = new SuggestionStore(storage.database);
  const sessions = new SessionEnforcement({ accounts, storage, now, sweepMs: options.sessionSweepMs });

  const hocuspocus = new Hocuspocus({
    name: "plenary",
    quiet: true,
    debounce: options.compactDebounceMs ?? 2000,
    extensions: [
      sessions,
      new DurablePersistence({ storage, logUpdates: options.logUpdates ?? true }),
      new CollabGuard(),
      new AccessControl(storage, accounts),
      new UpdateValidation({ store: suggestionStore, now }),
    ],
  });
  sessions.watch(hocuspocus);

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const serveStatic =
    webRoot && existsSync(webRoot) ? sirv(webRoot, { single: true, etag: true, gzip: false }) : undefined;

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    handleRequest(req, res).catch((error: unknown) => {
      const httpError =
        error instanceof HttpError ? error : new HttpError(500, ErrorCode.Internal, "The server failed to answer");
      if (!(error instanceof HttpError)) console.error(error);
      if (!res.headersSent) sendError(res, httpError);
      else res.end();
    });
  };
  const httpServer = createServer(answer);
  // A client that waits for "100 Continue" gets it only for a body the endpoint will take (see body.ts).
  httpServer.on("checkContinue", (req, res) => {
    awaitContinue(req, res);
    answer(req, res);
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
    const url = requestUrl(req.url);
    if (url.pathname === "/healthz") return sendJSON(res, 200, { ok: true });
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
      const segments = pathSegments(url.pathname);
      const match = router.match(req.method ?? "GET", segments);
      if (!match) throw new HttpError(404, ErrorCode.NotFound, `There is no API endpoint ${url.pathname}`);
      if ("allowed" in match) {
        res.setHeader("allow", match.allowed.join(", "));
        throw new HttpError(405, ErrorCode.MethodNotAllowed, `${req.method} is not allowed on ${url.pathname}`);
      }
      const session = readSession(req, res, match.params, url.pathname);
      checkCsrf(req, session);
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
        clientAddress: clientAddress(req.socket.remoteAddress, req.headers, trust),
      };
      return match.handler(context);
    }
    if (serveStatic) return serveStatic(req, res, () => notFound(res));
    notFound(res);
  }

  const ws = collabWebSocket(hocuspocus);
  httpServer.on("upgrade", (request, socket, head) => {
    // Whatever the request holds, this listener must not throw: nothing would catch it.
    const path = safePathname(request.url);
    if (path !== COLLAB_PATH) {
      const status = path === undefined ? "400 Bad Request" : "404 Not Found";
      socket.end(`HTTP/1.1 ${status}\r\n${securityHeaderLines()}Content-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    try {
      ws.handleUpgrade(request, socket, head);
    } catch (error) {
      console.error("WebSocket upgrade failed:", error);
      socket.destroy();
    }
  });

  await listen(httpServer, options.port ?? 4400, host);
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
      sessions.stop();
      hocuspocus.flushPendingStores();
      await waitForUnload(hocuspocus);
      storage.close();
    })();
    return closing;
  };

  return { url, port, storage, accounts, hocuspocus, seededDemo, demoAccounts: demoAccountsActive(accounts), close };
}

/**
 * Everything about accounts that is decided before the server listens: the demo (loaded into an
 * empty store, unless a real facilitator is given), the real first facilitator, the demo accounts
 * disabled once a real facilitator is configured, and no demo accounts on an interface other
 * machines can reach unless allowed. Returns whether the demo was loaded.
 */
async function prepareAccounts(
  storage: Storage,
  accounts: Accounts,
  options: ServerOptions,
  host: string,
  now: () => Date,
): Promise<boolean> {
  const wantsDemo = (options.seedDemo ?? true) && options.facilitator === undefined;
  const configured =
    options.facilitator !== undefined || accounts.store.getSetting(FACILITATOR_CONFIGURED) !== undefined;
  const emptyStore = accounts.store.listProcesses().length === 0 && storage.listDrafts().length === 0;
  const demoWillBeActive = !configured && ((wantsDemo && emptyStore) || demoAccountsActive(accounts));
  if (demoWillBeActive && !options.allowPublicDemo && !(await isLoopbackHost(host))) {
    throw new DemoOnPublicInterfaceError(host);
  }
  const seeded = wantsDemo && (await seedDemo(storage, accounts, now));
  const facilitator = options.facilitator;
  if (facilitator) {
    if (!accounts.store.findUserByEmail(facilitator.email)) await createFacilitator(accounts, facilitator, now);
    if (accounts.store.getSetting(FACILITATOR_CONFIGURED) === undefined) {
      accounts.store.putSetting(FACILITATOR_CONFIGURED, now().toISOString());
    }
  }
  retireDemoAccounts(accounts);
  return seeded;
}

// The request target as a URL; one that cannot be read ("//[") is refused with 400, not 500.
function requestUrl(target: string | undefined): URL {
  try {
    return new URL(target ?? "/", "http://localhost");
  } catch {
    throw new HttpError(400, ErrorCode.BadRequest, "The request's address cannot be read.");
  }
}

function safePathname(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? "/", "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

// The decoded segments of an API path; malformed percent-encoding ("%E0%A4%A") is refused with 400.
function pathSegments(pathname: string): string[] {
  try {
    return pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new HttpError(
      400,
      ErrorCode.BadRequest,
      "The address contains malformed percent-encoding (a % not followed by valid UTF-8 in hex).",
    );
  }
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
