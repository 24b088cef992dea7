import type { IncomingMessage, ServerResponse } from "node:http";
import type { Hocuspocus } from "@hocuspocus/server";
import { type DraftListResponse, type DraftResponse, ErrorCode } from "@plenary/protocol";
import { blocksOfJSON, numberBlocks, yDocToJSON } from "@plenary/schema";
import { z } from "zod";
import { loadYDoc } from "../storage/replay.ts";
import type { Storage } from "../storage/storage.ts";
import { HttpError, sendJSON } from "./respond.ts";

const DraftId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/** Dependencies of the JSON API. */
export interface ApiContext {
  storage: Storage;
  hocuspocus: Hocuspocus;
}

/**
 * Answers a request under `/api`. Throws {@link HttpError} for requests it
 * refuses; changes nothing in that case.
 */
export async function handleApi(context: ApiContext, req: IncomingMessage, res: ServerResponse, path: string[]) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    throw new HttpError(405, ErrorCode.MethodNotAllowed, `${req.method} is not allowed on /api/${path.join("/")}`);
  }
  const [resource, id, ...rest] = path;
  if (resource === "drafts" && id === undefined) return sendJSON(res, 200, listDrafts(context));
  if (resource === "drafts" && id !== undefined && rest.length === 0) return sendJSON(res, 200, getDraft(context, id));
  throw new HttpError(404, ErrorCode.NotFound, `There is no API endpoint /api/${path.join("/")}`);
}

function listDrafts({ storage }: ApiContext): DraftListResponse {
  return { drafts: storage.listDrafts().map(({ id, title, updatedAt }) => ({ id, title, updatedAt })) };
}

function getDraft({ storage, hocuspocus }: ApiContext, rawId: string): DraftResponse {
  const parsed = DraftId.safeParse(rawId);
  const draft = parsed.success ? storage.getDraft(parsed.data) : undefined;
  if (!draft) throw new HttpError(404, ErrorCode.DraftNotFound, `There is no draft "${rawId}"`);
  const ydoc = hocuspocus.documents.get(draft.id) ?? loadYDoc(storage, draft.id);
  if (!ydoc) throw new HttpError(404, ErrorCode.DraftNotFound, `There is no draft "${rawId}"`);
  const doc = yDocToJSON(ydoc);
  return { id: draft.id, title: draft.title, updatedAt: draft.updatedAt, doc, blocks: numberBlocks(blocksOfJSON(doc)) };
}
