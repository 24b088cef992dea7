import {
  ErrorCode,
  RationaleRequest,
  ReplyRequest,
  SuggestionDecisionRequest,
  type SuggestionListResponse,
} from "@plenary/protocol";
import { authorize, type Handler, readBody, requireDraft, requireSession } from "../context.ts";
import { HttpError, sendJSON } from "../respond.ts";
import type { Router } from "../router.ts";

/** Suggestions: listed for everyone; rationale, support, replies, decisions and withdrawal for those allowed. */
export function suggestionRoutes(router: Router<Handler>): void {
  router.add("GET", "/api/drafts/:id/suggestions", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    const body: SuggestionListResponse = { suggestions: await context.suggestions.list(draft.id) };
    sendJSON(context.res, 200, body);
  });

  router.add("GET", "/api/drafts/:id/audit", (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    sendJSON(context.res, 200, { entries: context.suggestions.audit(draft.id) });
  });

  router.add("POST", "/api/drafts/:id/suggestions/:sid/rationale", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.suggest");
    const { rationale } = await readBody(context.req, RationaleRequest);
    context.suggestions.setRationale(requireSession(context).user, draft.id, context.params.sid!, rationale);
    sendJSON(context.res, 200, { ok: true });
  });

  for (const [method, supported] of [
    ["POST", true],
    ["DELETE", false],
  ] as const) {
    router.add(method, "/api/drafts/:id/suggestions/:sid/support", (context) => {
      const draft = requireDraft(context);
      authorize(context, draft.processId, "suggestion.support");
      context.suggestions.support(requireSession(context).user, draft.id, context.params.sid!, supported);
      sendJSON(context.res, 200, { ok: true });
    });
  }

  router.add("POST", "/api/drafts/:id/suggestions/:sid/replies", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "suggestion.reply");
    const { text } = await readBody(context.req, ReplyRequest);
    context.suggestions.reply(requireSession(context).user, draft.id, context.params.sid!, text);
    sendJSON(context.res, 201, { ok: true });
  });

  router.add("POST", "/api/drafts/:id/suggestions/:sid/decision", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "suggestion.decide");
    const { decision, reason } = await readBody(context.req, SuggestionDecisionRequest);
    const ids = [context.params.sid!];
    const decided = await context.suggestions.decide(requireSession(context).user, draft.id, { ids }, decision, reason);
    sendJSON(context.res, 200, { decided });
  });

  router.add("POST", "/api/drafts/:id/decisions", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "suggestion.decide");
    const { decision, reason, partyId, blockId } = await readBody(context.req, SuggestionDecisionRequest);
    if (!partyId && !blockId) {
      throw new HttpError(400, ErrorCode.InvalidInput, "Say which suggestions: a partyId, a blockId, or both.");
    }
    const selection = { ...(partyId ? { partyId } : {}), ...(blockId ? { blockId } : {}) };
    const decided = await context.suggestions.decide(
      requireSession(context).user,
      draft.id,
      selection,
      decision,
      reason,
    );
    sendJSON(context.res, 200, { decided });
  });

  router.add("POST", "/api/drafts/:id/suggestions/:sid/withdraw", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.suggest");
    await context.suggestions.withdraw(requireSession(context).user, draft.id, context.params.sid!);
    sendJSON(context.res, 200, { ok: true });
  });
}
