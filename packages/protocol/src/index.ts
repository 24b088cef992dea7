export {
  COLLAB_PATH,
  type DraftListResponse,
  type DraftResponse,
  type DraftSummary,
  MAX_MESSAGE_BYTES,
} from "./api.ts";
export { type ApiErrorBody, CloseCode, closeCodeOf, ErrorCode } from "./errors.ts";
