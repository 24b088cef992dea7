import { CreateDraftRequest, type DraftListResponse, type DraftResponse, ErrorCode } from "@plenary/protocol";
import {
  blocksOfJSON,
  doc,
  jsonToYDoc,
  newBlockId,
  numberBlocks,
  op,
  parseDocJSON,
  withId,
  yDocToJSON,
} from "@plenary/schema";
import * as Y from "yjs";
import { newId } from "../../accounts/tokens.ts";
import { loadYDoc } from "../../storage/replay.ts";
import { authorize, type Handler, readBody, requireDraft } from "../context.ts";
import { HttpError, sendJSON } from "../respond.ts";
import type { Router } from "../router.ts";
import { draftSummary } from "./views.ts";

/** Drafts: readable by everyone; created by facilitators. */
export function draftRoutes(router: Router<Handler>): void {
  router.add("GET", "/api/drafts", ({ res, storage }) => {
    const body: DraftListResponse = { drafts: storage.listDrafts().map(draftSummary) };
    sendJSON(res, 200, body);
  });

  router.add("GET", "/api/drafts/:id", (context) => {
    const draft = requireDraft(context, context.params.id!);
    authorize(context, draft.processId, "draft.read");
    const ydoc = context.hocuspocus.documents.get(draft.id) ?? loadYDoc(context.storage, draft.id);
    if (!ydoc) throw new HttpError(404, ErrorCode.DraftNotFound, `There is no draft "${draft.id}"`);
    const text = yDocToJSON(ydoc);
    const body: DraftResponse = { ...draftSummary(draft), doc: text, blocks: numberBlocks(blocksOfJSON(text)) };
    sendJSON(context.res, 200, body);
  });

  router.add("POST", "/api/processes/:id/drafts", async (context) => {
    const processId = context.params.id!;
    if (!context.accounts.store.getProcess(processId)) {
      throw new HttpError(404, ErrorCode.ProcessNotFound, `There is no process "${processId}"`);
    }
    authorize(context, processId, "draft.create");
    const request = await readBody(context.req, CreateDraftRequest);
    const text = request.doc === undefined ? doc(withId(op(""), newBlockId())) : parseBodyDoc(request.doc);
    const state = Y.encodeStateAsUpdate(jsonToYDoc(text));
    const draft = context.storage.createDraft({ id: newId("draft"), processId, title: request.title, state });
    sendJSON(context.res, 201, draftSummary(draft));
  });
}

function parseBodyDoc(json: unknown) {
  try {
    return parseDocJSON(json).toJSON();
  } catch (error) {
    throw new HttpError(400, ErrorCode.InvalidInput, (error as Error).message);
  }
}
