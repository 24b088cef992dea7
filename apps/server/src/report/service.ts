import type { Hocuspocus } from "@hocuspocus/server";
import { ErrorCode } from "@plenary/protocol";
import {
  inputReport,
  type ProcessMetricsResponse,
  type ProposalFact,
  participationMetrics,
  type ReportResponse,
  type ReportRow,
} from "@plenary/report";
import { blocksOfJSON, blocksOfNode, numberBlocks, yDocToNode } from "@plenary/schema";
import { collectSuggestions } from "@plenary/suggestions";
import type { AccountStore } from "../accounts/store.ts";
import { readLive } from "../collab/live.ts";
import { HttpError } from "../http/respond.ts";
import type { RevisionStore } from "../revisions/store.ts";
import type { Storage } from "../storage/storage.ts";
import type { SuggestionStore } from "../suggestions/store.ts";

/** Options for {@link ReportService}. */
export interface ReportServiceOptions {
  storage: Storage;
  suggestions: SuggestionStore;
  revisions: RevisionStore;
  accounts: AccountStore;
  hocuspocus: Hocuspocus;
}

/**
 * What happened to every proposal, per revision, and who took part: assembled
 * from the suggestion records and the live text, computed by packages/report.
 */
export class ReportService {
  private readonly options: ReportServiceOptions;

  constructor(options: ReportServiceOptions) {
    this.options = options;
  }

  /** The report of revision `revisionId` (proposals since the previous revision), or "live" (since the last one). */
  async report(draftId: string, revisionId: string): Promise<ReportResponse> {
    const revisions = this.options.revisions.list(draftId);
    const index = revisionId === "live" ? revisions.length : revisions.findIndex((r) => r.id === revisionId);
    if (index < 0) throw new HttpError(404, ErrorCode.NotFound, `There is no revision "${revisionId}" of this draft.`);
    const revision = revisions[index];
    const previous = index > 0 ? revisions[index - 1] : undefined;
    const period = { from: previous?.publishedAt ?? null, to: revision?.publishedAt ?? null };
    const labels = revision
      ? new Map(numberBlocks(blocksOfJSON(revision.text)).map((block) => [block.id, block.label]))
      : undefined;
    const rows = inputReport(await this.facts(draftId, labels), period);
    return {
      draftId,
      revision: revision
        ? { id: revision.id, name: revision.name, at: revision.publishedAt }
        : { id: "live", name: "Live text", at: null },
      period,
      rows,
      metrics: participationMetrics(rows),
    };
  }

  /** Participation across every draft of a process, over its whole life. */
  async processMetrics(processId: string): Promise<ProcessMetricsResponse> {
    const rows: ReportRow[] = [];
    for (const draft of this.options.storage.listDrafts(processId)) {
      rows.push(...inputReport(await this.facts(draft.id), { from: null, to: null }));
    }
    return { processId, rows: rows.length, metrics: participationMetrics(rows) };
  }

  private async facts(draftId: string, revisionLabels?: Map<string, string | null>): Promise<ProposalFact[]> {
    const { accounts, suggestions } = this.options;
    const live = await this.liveText(draftId);
    const liveLabels = new Map(numberBlocks(blocksOfNode(live)).map((block) => [block.id, block.label]));
    const pending = new Map(collectSuggestions(live).map((found) => [found.id, found]));
    const person = (id: string) => ({ id, displayName: accounts.getUser(id)?.displayName ?? "Unknown participant" });
    const party = (id: string) =>
      accounts.getParty(id) ?? {
        id,
        kind: "organisation" as const,
        name: "Unknown party",
        stakeholderGroup: "civil-society" as const,
      };
    return suggestions.list(draftId).flatMap((record): ProposalFact[] => {
      const found = pending.get(record.id);
      // A record still "pending" whose text is gone would be an orphan: the server settles those, so skip defensively.
      if (record.status === "pending" && !found) return [];
      const blockIds = found?.blockIds ?? record.blockIds;
      return [
        {
          id: record.id,
          createdAt: record.createdAt,
          party: party(record.partyId),
          author: person(record.authorId),
          labels: blockIds.map((id) => revisionLabels?.get(id) ?? liveLabels.get(id) ?? null),
          kind: found?.kind ?? record.kind ?? "insertion",
          inserted: found?.inserted ?? record.inserted,
          deleted: found?.deleted ?? record.deleted,
          supporters: suggestions.supports(record.id).map((s) => party(s.partyId)),
          status: record.status,
          decidedAt: record.decidedAt,
          decidedBy: record.decidedBy ? person(record.decidedBy) : null,
          reason: record.reason,
        },
      ];
    });
  }

  private liveText(draftId: string) {
    return readLive(this.options.hocuspocus, draftId, yDocToNode);
  }
}
