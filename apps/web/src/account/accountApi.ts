import type {
  ApplicationReceivedResponse,
  ApplicationRequest,
  InviteInfoResponse,
  SessionResponse,
} from "@plenary/protocol";
import { type ApiResult, apiGet, apiSend } from "../api/http.ts";
import type { RequestOf } from "../forms/validation.ts";

/** `GET /api/invites/:token`: the process, role and party an invitation gives, if it can still be accepted. */
export function fetchInvite(token: string, signal?: AbortSignal): Promise<ApiResult<InviteInfoResponse>> {
  return apiGet<InviteInfoResponse>(`/api/invites/${encodeURIComponent(token)}`, signal);
}

/** `POST /api/invites/:token/accept`: makes the account and signs it in. */
export function acceptInvite(
  token: string,
  account: { displayName: string; email: string; password: string },
): Promise<ApiResult<SessionResponse>> {
  return apiSend<SessionResponse>("POST", `/api/invites/${encodeURIComponent(token)}/accept`, account);
}

/**
 * `POST /api/processes/:id/accreditations`: applies. The answer is the same whether or not the
 * address has an account; the applicant then signs in with the address and password to follow it.
 */
export function applyForAccreditation(
  processId: string,
  application: RequestOf<typeof ApplicationRequest>,
): Promise<ApiResult<ApplicationReceivedResponse>> {
  return apiSend<ApplicationReceivedResponse>(
    "POST",
    `/api/processes/${encodeURIComponent(processId)}/accreditations`,
    application,
  );
}
