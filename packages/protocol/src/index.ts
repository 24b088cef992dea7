export {
  type ApplicationView,
  COLLAB_PATH,
  type DraftListResponse,
  type DraftResponse,
  type DraftSummary,
  type InviteCreatedResponse,
  type InviteInfoResponse,
  MAX_MESSAGE_BYTES,
  type ParticipantView,
  type PersonView,
  type ProcessListResponse,
  type ProcessResponse,
  type ProcessSummary,
  type SessionResponse,
} from "./api.ts";
export { type ApiErrorBody, CloseCode, closeCodeOf, ErrorCode } from "./errors.ts";
export {
  ORGANISATION_GROUPS,
  type Party,
  type PartyKind,
  REGIONAL_GROUPS,
  type RegionalGroup,
  STAKEHOLDER_COLOURS,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from "./parties.ts";
export {
  AccountRequest,
  ApplicationRequest,
  CreateDraftRequest,
  DecisionRequest,
  InviteRequest,
  NewPartyRequest,
  partyFromRequest,
  SignInRequest,
} from "./requests.ts";
export { ACTIONS, type Action, can, PERMISSIONS, ROLES, type Role } from "./roles.ts";
