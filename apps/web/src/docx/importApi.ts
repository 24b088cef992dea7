import type { ApiErrorBody, DraftSummary } from "@plenary/protocol";
import type { NumberedBlock } from "@plenary/schema";
import type { ApiResult } from "../api/http.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { docxPaths } from "./docxPaths.ts";

/** One thing the import could not carry over as it was: a kind, and the server's sentence naming the paragraphs. */
export interface ImportWarning {
  code: string;
  message: string;
}

/** `POST /api/processes/:id/drafts/import`: the new draft, its numbered paragraphs and what could not be converted. */
export interface ImportResponse {
  draft: DraftSummary;
  blocks: NumberedBlock[];
  warnings: ImportWarning[];
}

/** The media type of a .docx file. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Uploads a .docx as a new draft of the process, with the session's CSRF
 * token. The file is the body itself, the title and file name in the query
 * string (the server's "raw upload"): the server reads a multipart form's
 * boundary lower-cased, which breaks the mixed-case boundaries browsers write.
 */
export async function importDocx(processId: string, file: File, title: string): Promise<ApiResult<ImportResponse>> {
  const headers: Record<string, string> = { accept: "application/json", "content-type": DOCX_TYPE };
  const csrf = useSessionStore.getState().session?.csrfToken;
  if (csrf) headers["x-csrf-token"] = csrf;
  let response: Response;
  try {
    response = await fetch(docxPaths.importDraft(processId, { filename: file.name, title }), {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: file,
    });
  } catch {
    return { ok: false, status: 0, code: "unreachable", message: "The server cannot be reached." };
  }
  const parsed = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, value: parsed as ImportResponse };
  const error = (parsed as ApiErrorBody | null)?.error;
  return {
    ok: false,
    status: response.status,
    code: error?.code ?? "failed",
    message: error?.message ?? response.statusText,
  };
}
