import type { ApplicationView, DecisionRequest, InviteCreatedResponse, InviteRequest } from "@plenary/protocol";
import { type ApiResult, apiSend } from "../api/http.ts";
import type { RequestOf } from "../forms/validation.ts";

/** `POST /api/processes/:id/invites`: a single-use link for one person, with a role and a party. */
export function createInvite(
  processId: string,
  request: RequestOf<typeof InviteRequest>,
): Promise<ApiResult<InviteCreatedResponse>> {
  return apiSend<InviteCreatedResponse>("POST", `/api/processes/${encodeURIComponent(processId)}/invites`, request);
}

/** `POST /api/accreditations/:id/decision`: approves (the applicant becomes an observer) or declines, with a reason. */
export function decideApplication(
  applicationId: string,
  decision: RequestOf<typeof DecisionRequest>,
): Promise<ApiResult<ApplicationView>> {
  return apiSend<ApplicationView>(
    "POST",
    `/api/accreditations/${encodeURIComponent(applicationId)}/decision`,
    decision,
  );
}
