import { ErrorCode } from "@plenary/protocol";
import { DocxService, type ExportFile, type ExportVariant } from "../../docx/service.ts";
import { DOCX_TYPE, readUpload } from "../../docx/upload.ts";
import { RevisionStore } from "../../revisions/store.ts";
import { SqliteStorage } from "../../storage/sqlite.ts";
import type { Storage } from "../../storage/storage.ts";
import { authorize, type Handler, type RequestContext, requireDraft } from "../context.ts";
import { HttpError, sendJSON } from "../respond.ts";
import type { Router } from "../router.ts";

// One service per server, made on first use from what every request carries.
const services = new WeakMap<Storage, DocxService>();

function service(context: RequestContext): DocxService {
  let found = services.get(context.storage);
  if (!found) {
    if (!(context.storage instanceof SqliteStorage)) throw new Error("Word import and export need the SQLite storage");
    found = new DocxService({
      storage: context.storage,
      accounts: context.accounts.store,
      suggestions: context.suggestions,
      revisions: new RevisionStore(context.storage.database),
      hocuspocus: context.hocuspocus,
    });
    services.set(context.storage, found);
  }
  return found;
}

const query = (context: RequestContext) => new URL(context.req.url ?? "/", "http://localhost").searchParams;

function variantOf(context: RequestContext): ExportVariant {
  const variant = query(context).get("variant") ?? "clean";
  if (variant === "clean" || variant === "tracked") return variant;
  throw new HttpError(400, ErrorCode.InvalidInput, "Say which text to export: ?variant=clean or ?variant=tracked.");
}

function sendFile(context: RequestContext, file: ExportFile, type: string): void {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  context.res.writeHead(200, {
    "content-type": type,
    "content-length": file.bytes.byteLength,
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    "cache-control": "no-store",
  });
  context.res.end(file.bytes);
}

/**
 * Word in, Word out. Import (facilitators): a .docx as a new draft of a process,
 * or as a later version of a draft, compared with it. Export (everyone who may
 * read the draft): clean or tracked .docx and Markdown, of the live text or a
 * revision, and the comparison of two versions as a tracked .docx.
 */
export function docxRoutes(router: Router<Handler>): void {
  router.add("POST", "/api/processes/:id/drafts/import", async (context) => {
    const processId = context.params.id!;
    if (!context.accounts.store.getProcess(processId)) {
      throw new HttpError(404, ErrorCode.ProcessNotFound, `There is no process "${processId}"`);
    }
    authorize(context, processId, "draft.create");
    const upload = await readUpload(context.req, new URL(context.req.url ?? "/", "http://localhost"));
    sendJSON(context.res, 201, service(context).importDraft(processId, upload));
  });

  router.add("POST", "/api/drafts/:id/import-version", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.create");
    const upload = await readUpload(context.req, new URL(context.req.url ?? "/", "http://localhost"));
    const from = upload.fields.get("from") ?? query(context).get("from") ?? "live";
    const store = (upload.fields.get("store") ?? query(context).get("store")) === "true";
    const answer = await service(context).importVersion(draft, upload, from, store);
    sendJSON(context.res, answer.draft ? 201 : 200, answer);
  });

  router.add("GET", "/api/drafts/:id/export.docx", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    const revision = query(context).get("revision") ?? "live";
    sendFile(context, await service(context).exportDocx(draft, variantOf(context), revision), DOCX_TYPE);
  });

  router.add("GET", "/api/drafts/:id/compare.docx", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    const from = query(context).get("from");
    if (!from) {
      throw new HttpError(
        400,
        ErrorCode.InvalidInput,
        "Say which versions to compare: ?from=<revision>&to=<revision or live>.",
      );
    }
    const file = await service(context).compareDocx(draft, from, query(context).get("to") ?? "live");
    sendFile(context, file, DOCX_TYPE);
  });

  router.add("GET", "/api/drafts/:id/export.md", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    const revision = query(context).get("revision") ?? "live";
    const file = await service(context).exportMarkdown(draft, variantOf(context), revision);
    sendFile(context, file, "text/markdown; charset=utf-8");
  });
}
