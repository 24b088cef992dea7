import { plainTextProblem, type TextProblem } from "@plenary/protocol";

/** The publish form's fields as typed. */
export interface PublishForm {
  name: string;
  note: string;
}

/** What the form would send (`POST /api/drafts/:id/revisions`), or what is wrong with it. */
export type PublishRequestResult =
  | { ok: true; request: { name?: string; note: string } }
  | { ok: false; problems: { name?: "tooLong" | TextProblem; note?: "tooLong" | TextProblem } };

/** Longest name and note the server accepts (packages/protocol `PublishRevisionRequest`). */
export const MAX_NAME = 100;
export const MAX_NOTE = 2000;

/** Checks the form as the server will, and builds the request: an empty name leaves the server to choose it. */
export function publishRequest(form: PublishForm): PublishRequestResult {
  const name = form.name.trim();
  const note = form.note.trim();
  // The server's own plain-text rule: saying so before sending spares a round trip.
  const problems: { name?: "tooLong" | TextProblem; note?: "tooLong" | TextProblem } = {};
  if (name.length > MAX_NAME) problems.name = "tooLong";
  else problems.name = plainTextProblem(name, { multiline: false }) ?? undefined;
  if (note.length > MAX_NOTE) problems.note = "tooLong";
  else problems.note = plainTextProblem(note, { multiline: true }) ?? undefined;
  if (!problems.name) delete problems.name;
  if (!problems.note) delete problems.note;
  if (problems.name || problems.note) return { ok: false, problems };
  return { ok: true, request: name ? { name, note } : { note } };
}
