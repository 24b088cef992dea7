import type {
  ApplicationView,
  DecisionRequest,
  InviteCreatedResponse,
  InviteRequest,
  ParticipantChangeView,
  ParticipantView,
  Role,
} from "@plenary/protocol";
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

/** `POST /api/processes/:id/participants/:userId/role`: gives a participant another role (null change: it was that already). */
export function changeParticipantRole(
  processId: string,
  userId: string,
  role: Exclude<Role, "public">,
): Promise<ApiResult<{ participant: ParticipantView; change: ParticipantChangeView | null }>> {
  return apiSend("POST", `${participantPath(processId, userId)}/role`, { role });
}

/** `DELETE /api/processes/:id/participants/:userId`: removes a participant from the process. */
export function removeParticipant(
  processId: string,
  userId: string,
): Promise<ApiResult<{ change: ParticipantChangeView }>> {
  return apiSend("DELETE", participantPath(processId, userId), {});
}

function participantPath(processId: string, userId: string): string {
  return `/api/processes/${encodeURIComponent(processId)}/participants/${encodeURIComponent(userId)}`;
}
