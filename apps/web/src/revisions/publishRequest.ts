/** The publish form's fields as typed. */
export interface PublishForm {
  name: string;
  note: string;
}

/** What the form would send (`POST /api/drafts/:id/revisions`), or what is wrong with it. */
export type PublishRequestResult =
  | { ok: true; request: { name?: string; note: string } }
  | { ok: false; problems: { name?: "tooLong"; note?: "tooLong" | "html" } };

/** Longest name and note the server accepts (packages/protocol `PublishRevisionRequest`). */
export const MAX_NAME = 100;
export const MAX_NOTE = 2000;

// The server refuses anything that looks like a tag; saying so before sending spares a round trip.
const LOOKS_LIKE_HTML = /<\s*[a-z!/?]/i;

/** Checks the form as the server will, and builds the request: an empty name leaves the server to choose it. */
export function publishRequest(form: PublishForm): PublishRequestResult {
  const name = form.name.trim();
  const note = form.note.trim();
  const problems: { name?: "tooLong"; note?: "tooLong" | "html" } = {};
  if (name.length > MAX_NAME) problems.name = "tooLong";
  if (note.length > MAX_NOTE) problems.note = "tooLong";
  else if (LOOKS_LIKE_HTML.test(note)) problems.note = "html";
  if (problems.name || problems.note) return { ok: false, problems };
  return { ok: true, request: name ? { name, note } : { note } };
}
