/** Why a file could not be read as a Word document. */
export type DocxErrorCode = "not-docx" | "malformed" | "too-large";

/**
 * Thrown when a buffer is not a Word document that can be imported: not a
 * .docx at all, a damaged one, or one too large to unpack safely. The
 * message is a sentence a person can act on.
 */
export class DocxError extends Error {
  override name = "DocxError";
  readonly code: DocxErrorCode;

  constructor(code: DocxErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
