/** The live text, as the export routes call it. */
export const LIVE_TEXT = "live";

/** Which text to export: the agreed text, or the text with every pending suggestion as a tracked change. */
export type ExportVariant = "clean" | "tracked";

const part = encodeURIComponent;

/** The API's addresses for Word and Markdown, in and out. */
export const docxPaths = {
  /** Where a .docx is sent as a new draft of the process; the file's name and the title (if any) go in the query. */
  importDraft(processId: string, fields: { filename: string; title: string }): string {
    const query = new URLSearchParams({ filename: fields.filename });
    if (fields.title.trim()) query.set("title", fields.title.trim());
    return `/api/processes/${part(processId)}/drafts/import?${query}`;
  },
  /** A .docx of the live text or of a revision. */
  docx: (draftId: string, variant: ExportVariant, revision: string = LIVE_TEXT) =>
    `/api/drafts/${part(draftId)}/export.docx?variant=${variant}&revision=${part(revision)}`,
  /** Markdown of the live text or of a revision (CriticMarkup for the tracked variant). */
  markdown: (draftId: string, variant: ExportVariant, revision: string = LIVE_TEXT) =>
    `/api/drafts/${part(draftId)}/export.md?variant=${variant}&revision=${part(revision)}`,
  /** The comparison of two versions as a .docx with tracked changes. */
  compare: (draftId: string, from: string, to: string) =>
    `/api/drafts/${part(draftId)}/compare.docx?from=${part(from)}&to=${part(to)}`,
};

/** Largest .docx the server imports (10 MiB); a larger file is refused before it is sent. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Whether a chosen file looks like a Word document by its name (the server checks the content). */
export function looksLikeDocx(name: string): boolean {
  return /\.docx$/i.test(name.trim());
}
