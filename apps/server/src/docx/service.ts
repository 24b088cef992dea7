import type { Hocuspocus } from "@hocuspocus/server";
import { type ComparedParagraph, compareVersions, countByStatus } from "@plenary/diff";
import {
  cleanText,
  comparisonText,
  DocxError,
  type ImportWarning,
  readDocx,
  type SuggestionDetails,
  toMarkdown,
  trackedText,
  writeDocx,
} from "@plenary/docx";
import {
  type CompareResponse,
  type DraftSummary,
  ErrorCode,
  type SuggestionView,
  type VersionRef,
} from "@plenary/protocol";
import {
  blocksOfJSON,
  type DocJSON,
  jsonToYDoc,
  type NumberedBlock,
  newBlockId,
  numberBlocks,
  parseDocJSON,
  type SuggestionRef,
  yDocToJSON,
} from "@plenary/schema";
import { rejectAll } from "@plenary/suggestions";
import * as Y from "yjs";
import type { AccountStore } from "../accounts/store.ts";
import { newId } from "../accounts/tokens.ts";
import { readLive } from "../collab/live.ts";
import { HttpError } from "../http/respond.ts";
import { draftSummary } from "../http/routes/views.ts";
import type { RevisionStore } from "../revisions/store.ts";
import type { DraftRecord, Storage } from "../storage/storage.ts";
import type { SuggestionService } from "../suggestions/service.ts";
import type { Upload } from "./upload.ts";

/** Which text an export shows: the agreed text, or the text with every pending suggestion as a tracked change. */
export type ExportVariant = "clean" | "tracked";

/** What an import created: the draft, its numbered paragraphs, and what could not be converted. */
export interface ImportResponse {
  draft: DraftSummary;
  blocks: NumberedBlock[];
  warnings: ImportWarning[];
}

/** A .docx read as a later version of a draft: its comparison with the draft, and the draft made of it if asked. */
export interface ImportVersionResponse extends CompareResponse {
  /** The draft it was compared with. */
  draftId: string;
  warnings: ImportWarning[];
  /** The new draft holding the imported version (with `?store=true`), paragraphs matched keeping their ids. */
  draft: DraftSummary | null;
}

/** A file to send. */
export interface ExportFile {
  bytes: Uint8Array;
  filename: string;
}

/** Options for {@link DocxService}. */
export interface DocxServiceOptions {
  storage: Storage;
  accounts: AccountStore;
  suggestions: SuggestionService;
  revisions: RevisionStore;
  hocuspocus: Hocuspocus;
  now?: () => Date;
}

interface Version {
  ref: VersionRef;
  /** The text, pending suggestions included (as marks). */
  text: DocJSON;
}

const LIVE_NAME = "Live text";

/**
 * Word in, Word out: imports a .docx as a new draft or as a later version of
 * one, and exports a draft (live or a revision) as a clean or tracked .docx,
 * two versions as a comparison .docx, or Markdown. The conversions are the
 * pure ones of @plenary/docx; this wires them to drafts, revisions and the
 * people and parties behind each suggestion.
 */
export class DocxService {
  private readonly options: DocxServiceOptions;
  private readonly now: () => Date;

  constructor(options: DocxServiceOptions) {
    this.options = options;
    this.now = options.now ?? (() => new Date());
  }

  /** Creates a draft in the process from an uploaded .docx; creates nothing when the file is refused. */
  importDraft(processId: string, upload: Upload): ImportResponse {
    const imported = read(upload);
    const title = titleOf(upload, imported.title);
    const state = Y.encodeStateAsUpdate(jsonToYDoc(imported.doc));
    const draft = this.options.storage.createDraft({ id: newId("draft"), processId, title, state });
    return {
      draft: draftSummary(draft),
      blocks: numberBlocks(blocksOfJSON(imported.doc)),
      warnings: imported.warnings,
    };
  }

  /**
   * Reads an uploaded .docx as a later version of the draft and compares it
   * with the draft's agreed text (or the revision `from`), paragraphs aligned by
   * similarity. With `store`, also creates a new draft in the same process
   * holding the imported text, in which each paragraph matched to one of the
   * draft keeps that paragraph's id.
   */
  async importVersion(
    draft: DraftRecord,
    upload: Upload,
    from: string,
    store: boolean,
  ): Promise<ImportVersionResponse> {
    const imported = read(upload);
    const base = await this.version(draft.id, from);
    const before = numberBlocks(blocksOfJSON(agreed(base.text)));
    const after = numberBlocks(blocksOfJSON(imported.doc));
    const rows = compareVersions(before, after);
    const title = titleOf(upload, imported.title);
    const ref: VersionRef = { id: "imported", name: upload.filename ?? title, at: null };
    let created: DraftSummary | null = null;
    if (store) {
      const text = withMatchedIds(imported.doc, rows);
      const state = Y.encodeStateAsUpdate(jsonToYDoc(text));
      const record = this.options.storage.createDraft({
        id: newId("draft"),
        processId: draft.processId,
        title: `${title} (imported as a later version of “${draft.title}”)`,
        state,
      });
      created = draftSummary(record);
    }
    return {
      draftId: draft.id,
      from: base.ref,
      to: ref,
      rows,
      counts: countByStatus(rows),
      warnings: imported.warnings,
      draft: created,
    };
  }

  /** The draft (live, or a revision) as a .docx: the agreed text, or with its pending suggestions tracked. */
  async exportDocx(draft: DraftRecord, variant: ExportVariant, revision: string): Promise<ExportFile> {
    const version = await this.version(draft.id, revision);
    const title = draft.title;
    const text =
      variant === "clean"
        ? cleanText(version.text, title)
        : trackedText(version.text, title, await this.describer(draft.id));
    const name = revision === "live" ? variant : `${version.ref.name}-${variant}`;
    return { bytes: await writeDocx(text), filename: filename(title, name, "docx") };
  }

  /** Two versions (revision ids, or "live") as a .docx: the newer as tracked changes against the older. */
  async compareDocx(draft: DraftRecord, from: string, to: string): Promise<ExportFile> {
    const [older, newer] = [await this.version(draft.id, from), await this.version(draft.id, to)];
    const title = `${draft.title}: ${newer.ref.name} compared with ${older.ref.name}`;
    const text = comparisonText(agreed(older.text), agreed(newer.text), title, {
      author: newer.ref.id === "live" ? "Plenary comparison" : newer.ref.name,
      date: newer.ref.at ?? this.now().toISOString(),
    });
    return {
      bytes: await writeDocx(text),
      filename: filename(draft.title, `${older.ref.name}-to-${newer.ref.name}`, "docx"),
    };
  }

  /** The draft (live, or a revision) as Markdown; tracked: suggestions in CriticMarkup. */
  async exportMarkdown(draft: DraftRecord, variant: ExportVariant, revision: string): Promise<ExportFile> {
    const version = await this.version(draft.id, revision);
    const describe = variant === "tracked" ? await this.describer(draft.id) : undefined;
    const text = toMarkdown(version.text, draft.title, describe);
    const name = revision === "live" ? variant : `${version.ref.name}-${variant}`;
    return { bytes: new TextEncoder().encode(text), filename: filename(draft.title, name, "md") };
  }

  // How each suggestion shows in Word: "Party (person)", when it was made, its rationale and supporters.
  private async describer(draftId: string): Promise<(ref: SuggestionRef) => SuggestionDetails> {
    const views = new Map<string, SuggestionView>();
    for (const view of await this.options.suggestions.list(draftId)) views.set(view.id, view);
    const accounts = this.options.accounts;
    const stamp = this.now().toISOString();
    return (ref) => {
      const view = views.get(ref.id);
      const party = view?.party.name ?? accounts.getParty(ref.party)?.name ?? "Unknown party";
      const person = view?.author.displayName ?? accounts.getUser(ref.author)?.displayName ?? "unknown participant";
      return { author: `${party} (${person})`, date: view?.createdAt ?? stamp, comment: view ? commentOf(view) : null };
    };
  }

  private async version(draftId: string, id: string): Promise<Version> {
    if (id === "live") return { ref: { id: "live", name: LIVE_NAME, at: null }, text: await this.live(draftId) };
    const record = this.options.revisions.get(id);
    if (!record || record.draftId !== draftId) {
      throw new HttpError(404, ErrorCode.NotFound, `There is no revision "${id}" of this draft.`);
    }
    return { ref: { id: record.id, name: record.name, at: record.publishedAt }, text: record.withSuggestions };
  }

  private live(draftId: string): Promise<DocJSON> {
    return readLive(this.options.hocuspocus, draftId, yDocToJSON);
  }
}

function read(upload: Upload) {
  try {
    return readDocx(upload.bytes);
  } catch (error) {
    if (error instanceof DocxError) throw new HttpError(400, ErrorCode.InvalidInput, error.message);
    throw error;
  }
}

function agreed(text: DocJSON): DocJSON {
  return rejectAll(parseDocJSON(text)).toJSON() as DocJSON;
}

// The title: the form's, else the document's own, else the file's name.
function titleOf(upload: Upload, fromDocument: string | null): string {
  const given = upload.fields.get("title")?.trim();
  const fromFile = upload.filename?.replace(/\.docx$/i, "").trim();
  return (given || fromDocument || fromFile || "Imported draft").slice(0, 200);
}

function commentOf(view: SuggestionView): string | null {
  const lines = view.rationale.trim() ? [view.rationale.trim()] : [];
  if (view.supporters.length > 0) lines.push(`Supported by ${view.supporters.map((s) => s.party.name).join(", ")}.`);
  return lines.length > 0 ? lines.join("\n") : null;
}

// Paragraphs of the imported text paired with one of the draft keep that paragraph's id.
function withMatchedIds(doc: DocJSON, rows: readonly ComparedParagraph[]): DocJSON {
  const ids = new Map<number, string>();
  for (const row of rows) {
    const old = row.old[0];
    const neu = row.new[0];
    if (old?.id && neu && row.status !== "added" && row.status !== "deleted") ids.set(neu.index, old.id);
  }
  return {
    ...doc,
    content: doc.content.map((node, index) => ({
      ...node,
      attrs: { ...node.attrs, id: ids.get(index) ?? node.attrs?.id ?? newBlockId() },
    })),
  };
}

// "Outcome document-tracked.docx"; the route turns it into a Content-Disposition header.
function filename(title: string, variant: string, extension: string): string {
  return `${title}-${variant}.${extension}`;
}
