import { ErrorCode, PublishRevisionRequest } from "@plenary/protocol";
import { authorize, type Handler, readBody, requireDraft, requireSession } from "../context.ts";
import { HttpError, sendJSON } from "../respond.ts";
import type { Router } from "../router.ts";

/** Revisions, comparisons and paragraph history: readable by everyone; published by facilitators. */
export function revisionRoutes(router: Router<Handler>): void {
  router.add("POST", "/api/drafts/:id/revisions", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "revision.publish");
    const request = await readBody(context.req, PublishRevisionRequest);
    const revision = await context.revisions.publish(requireSession(context).user, draft.id, request);
    sendJSON(context.res, 201, revision);
  });

  router.add("GET", "/api/drafts/:id/revisions", (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    sendJSON(context.res, 200, { revisions: context.revisions.list(draft.id) });
  });

  router.add("GET", "/api/drafts/:id/revisions/:rid", (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    sendJSON(context.res, 200, context.revisions.get(draft.id, context.params.rid!));
  });

  router.add("GET", "/api/drafts/:id/compare", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    const query = new URL(context.req.url ?? "/", "http://localhost").searchParams;
    const from = query.get("from");
    const to = query.get("to") ?? "live";
    if (!from)
      throw new HttpError(
        400,
        ErrorCode.InvalidInput,
        "Say which versions to compare: ?from=<revision>&to=<revision or live>.",
      );
    sendJSON(context.res, 200, await context.revisions.compare(draft.id, from, to));
  });

  router.add("GET", "/api/drafts/:id/paragraphs/:blockId/history", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    sendJSON(context.res, 200, await context.revisions.history(draft.id, context.params.blockId!));
  });
}
