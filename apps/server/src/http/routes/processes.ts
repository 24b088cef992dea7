import {
  AccountRequest,
  type ApplicationReceivedResponse,
  ApplicationRequest,
  DecisionRequest,
  ErrorCode,
  type InviteCreatedResponse,
  type InviteInfoResponse,
  InviteRequest,
  type ParticipantChangeView,
  type ParticipantView,
  type ProcessListResponse,
  type ProcessResponse,
  partyFromRequest,
  RoleChangeRequest,
} from "@plenary/protocol";
import {
  authorize,
  type Handler,
  type RequestContext,
  readBody,
  requireSession,
  setSessionCookie,
} from "../context.ts";
import { HttpError, sendJSON } from "../respond.ts";
import type { Router } from "../router.ts";
import { sessionResponse } from "./auth.ts";
import { applicationView, draftSummary, processSummary } from "./views.ts";

function requireProcess(context: RequestContext, id: string) {
  const process = context.accounts.store.getProcess(id);
  if (!process) throw new HttpError(404, ErrorCode.ProcessNotFound, `There is no process "${id}"`);
  return process;
}

/** Processes, their participants, invitations and accreditation. */
export function processRoutes(router: Router<Handler>): void {
  router.add("GET", "/api/processes", ({ res, accounts }) => {
    const body: ProcessListResponse = { processes: accounts.store.listProcesses().map(processSummary) };
    sendJSON(res, 200, body);
  });

  router.add("GET", "/api/processes/:id", (context) => {
    const process = requireProcess(context, context.params.id!);
    const role = authorize(context, process.id, "process.read");
    const body: ProcessResponse = {
      process: processSummary(process),
      drafts: context.storage.listDrafts(process.id).map(draftSummary),
      parties: context.accounts.store.partiesInProcess(process.id),
      role,
    };
    sendJSON(context.res, 200, body);
  });

  router.add("GET", "/api/processes/:id/participants", (context) => {
    const process = requireProcess(context, context.params.id!);
    authorize(context, process.id, "participants.read");
    const body: { participants: ParticipantView[] } = { participants: context.accounts.store.participants(process.id) };
    sendJSON(context.res, 200, body);
  });

  router.add("POST", "/api/processes/:id/participants/:userId/role", async (context) => {
    const process = requireProcess(context, context.params.id!);
    authorize(context, process.id, "participants.manage");
    const { role } = await readBody(context.req, RoleChangeRequest);
    const actor = requireSession(context).user;
    const change = context.accounts.changeRole(actor, process.id, context.params.userId!, role);
    const participant: ParticipantView = context.accounts.store.participant(process.id, context.params.userId!)!;
    const body: { participant: ParticipantView; change: ParticipantChangeView | null } = {
      participant,
      change: change ?? null,
    };
    sendJSON(context.res, 200, body);
  });

  router.add("DELETE", "/api/processes/:id/participants/:userId", (context) => {
    const process = requireProcess(context, context.params.id!);
    authorize(context, process.id, "participants.manage");
    const change = context.accounts.removeParticipant(requireSession(context).user, process.id, context.params.userId!);
    const body: { change: ParticipantChangeView } = { change };
    sendJSON(context.res, 200, body);
  });

  // Applicants' organisations are not listed until their application is approved.
  router.add("GET", "/api/parties", ({ res, accounts }) => {
    sendJSON(res, 200, { parties: accounts.store.listPublicParties() });
  });

  router.add("POST", "/api/processes/:id/invites", async (context) => {
    const process = requireProcess(context, context.params.id!);
    authorize(context, process.id, "invite.create");
    const request = await readBody(context.req, InviteRequest);
    const created = context.accounts.createInvite(requireSession(context).user, {
      processId: process.id,
      role: request.role,
      party: request.party ? partyFromRequest(request.party) : { id: request.partyId! },
      email: request.email,
      expiresInHours: request.expiresInHours,
    });
    const body: InviteCreatedResponse = {
      token: created.token,
      path: `/invite/${created.token}`,
      role: created.invite.role,
      party: created.party,
      expiresAt: created.invite.expiresAt,
    };
    sendJSON(context.res, 201, body);
  });

  router.add("GET", "/api/invites/:token", (context) => {
    const { invite, party } = context.accounts.usableInvite(context.params.token!);
    const body: InviteInfoResponse = {
      process: processSummary(requireProcess(context, invite.processId)),
      role: invite.role,
      party,
      email: invite.email,
      expiresAt: invite.expiresAt,
    };
    sendJSON(context.res, 200, body);
  });

  router.add("POST", "/api/invites/:token/accept", async (context) => {
    const account = await readBody(context.req, AccountRequest);
    const session = await context.accounts.acceptInvite(context.params.token!, account, context.clientAddress);
    setSessionCookie(context.res, session);
    sendJSON(context.res, 201, sessionResponse(context.accounts, session));
  });

  router.add("POST", "/api/processes/:id/accreditations", async (context) => {
    const process = requireProcess(context, context.params.id!);
    authorize(context, process.id, "accreditation.apply");
    const request = await readBody(context.req, ApplicationRequest);
    await context.accounts.apply(process.id, request, context.clientAddress);
    const body: ApplicationReceivedResponse = { received: true };
    sendJSON(context.res, 202, body);
  });

  router.add("GET", "/api/processes/:id/accreditations", (context) => {
    const process = requireProcess(context, context.params.id!);
    authorize(context, process.id, "accreditation.review");
    const applications = context.accounts.store.applications(process.id);
    sendJSON(context.res, 200, { applications: applications.map((a) => applicationView(context.accounts, a)) });
  });

  router.add("POST", "/api/accreditations/:id/decision", async (context) => {
    const application = context.accounts.store.getApplication(context.params.id!);
    if (!application) throw new HttpError(404, ErrorCode.ApplicationNotFound, "There is no such application.");
    authorize(context, application.processId, "accreditation.review");
    const { decision, reason } = await readBody(context.req, DecisionRequest);
    const decided = context.accounts.decide(requireSession(context).user, application.id, decision, reason);
    sendJSON(context.res, 200, applicationView(context.accounts, decided));
  });
}
