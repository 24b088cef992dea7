import type { ProcessResponse, SuggestionListResponse } from "@plenary/protocol";
import { type ApiResult, apiGet, apiSend } from "../api/http.ts";

const base = (draftId: string) => `/api/drafts/${encodeURIComponent(draftId)}`;
const one = (draftId: string, id: string) => `${base(draftId)}/suggestions/${encodeURIComponent(id)}`;

/** Every suggestion of a draft: pending ones in document order, then decided ones, newest first. */
export function fetchSuggestions(draftId: string, signal?: AbortSignal): Promise<ApiResult<SuggestionListResponse>> {
  return apiGet<SuggestionListResponse>(`${base(draftId)}/suggestions`, signal);
}

/** The process of a draft, for the parties taking part in it. */
export function fetchProcess(processId: string, signal?: AbortSignal): Promise<ApiResult<ProcessResponse>> {
  return apiGet<ProcessResponse>(`/api/processes/${encodeURIComponent(processId)}`, signal);
}

/** The author writes (or rewrites) the rationale of their suggestion. */
export function saveRationale(draftId: string, id: string, rationale: string): Promise<ApiResult<unknown>> {
  return apiSend("POST", `${one(draftId, id)}/rationale`, { rationale });
}

/** Supports (co-sponsors) a suggestion on behalf of one's party, or takes the support back. */
export function setSupport(draftId: string, id: string, supported: boolean): Promise<ApiResult<unknown>> {
  return apiSend(supported ? "POST" : "DELETE", `${one(draftId, id)}/support`);
}

/** Replies in the thread under a suggestion. */
export function postReply(draftId: string, id: string, text: string): Promise<ApiResult<unknown>> {
  return apiSend("POST", `${one(draftId, id)}/replies`, { text });
}

/** What a facilitator decides: accept, or reject with a reason everyone sees. */
export interface DecisionInput {
  decision: "accept" | "reject";
  reason: string;
}

/** Which suggestions a decision covers: one, every pending one of a party, or every pending one in a paragraph. */
export type DecisionTarget = { id: string } | { partyId: string } | { blockId: string };

/** A facilitator's decision on one suggestion or on several at once. */
export function decide(draftId: string, target: DecisionTarget, input: DecisionInput): Promise<ApiResult<unknown>> {
  if ("id" in target) return apiSend("POST", `${one(draftId, target.id)}/decision`, input);
  return apiSend("POST", `${base(draftId)}/decisions`, { ...input, ...target });
}

/** The author takes back their pending suggestion. */
export function withdraw(draftId: string, id: string): Promise<ApiResult<unknown>> {
  return apiSend("POST", `${one(draftId, id)}/withdraw`, {});
}
