import type { IncomingMessage } from "node:http";
import { ErrorCode } from "@plenary/protocol";
import { readBodyBytes } from "../http/body.ts";
import { HttpError } from "../http/respond.ts";

/** The media type of a .docx file. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Largest .docx accepted for import. */
export const MAX_DOCX_BYTES = 10 * 1024 * 1024;

// Room for the multipart envelope and a few text fields around the file.
const MAX_BODY_BYTES = MAX_DOCX_BYTES + 64 * 1024;

/** An uploaded Word file and the text fields sent with it. */
export interface Upload {
  bytes: Uint8Array;
  /** The file's name as the browser sent it, if any. */
  filename: string | null;
  /** Text fields of a multipart form, and the query parameters of a raw upload. */
  fields: Map<string, string>;
}

/**
 * Reads an uploaded .docx: either the raw file as the body (content type
 * {@link DOCX_TYPE}, fields in the query string), or a multipart form with the
 * file in a field named `file`. Refuses anything larger than
 * {@link MAX_DOCX_BYTES} with 413, other content types with 415, and a form
 * without a file with 400.
 */
export async function readUpload(req: IncomingMessage, url: URL): Promise<Upload> {
  // The header as sent: a multipart boundary is case-sensitive (browsers use mixed case).
  const header = req.headers["content-type"] ?? "";
  const type = header.toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  if (!multipart && !type.startsWith(DOCX_TYPE)) {
    throw new HttpError(
      415,
      ErrorCode.InvalidInput,
      `Send the Word file as ${DOCX_TYPE}, or as the field "file" of a multipart/form-data form.`,
    );
  }
  const body = await readBody(req, multipart ? MAX_BODY_BYTES : MAX_DOCX_BYTES);
  if (!multipart) return { bytes: body, filename: url.searchParams.get("filename"), fields: new Map(url.searchParams) };
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": header } }).formData();
  } catch {
    throw new HttpError(400, ErrorCode.InvalidInput, "The upload is not a readable multipart/form-data form.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob))
    throw new HttpError(400, ErrorCode.InvalidInput, 'Attach the Word file in the field "file".');
  if (file.size > MAX_DOCX_BYTES) throw tooLarge();
  const fields = new Map<string, string>();
  form.forEach((value, name) => {
    if (typeof value === "string") fields.set(name, value);
  });
  return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file instanceof File ? file.name : null, fields };
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await readBodyBytes(req, limit, tooLarge));
}

function tooLarge(): HttpError {
  return new HttpError(
    413,
    ErrorCode.PayloadTooLarge,
    `The Word file is too large: Plenary imports files of up to ${MAX_DOCX_BYTES / 1024 / 1024} MiB.`,
  );
}
