import type { RevisionSummary } from "@plenary/protocol";

export type { ProcessMetricsResponse, ReportResponse } from "@plenary/report";

/** `GET /api/drafts/:id/revisions` */
export interface RevisionsResponse {
  revisions: RevisionSummary[];
}

/** The revision a report is about: a published revision's id, or "live" for the proposals since the last one. */
export const LIVE = "live";

/** The API addresses of the report's resources and downloads. */
export const reportApi = {
  report: (draftId: string, revision: string) =>
    `/api/drafts/${encodeURIComponent(draftId)}/report?revision=${encodeURIComponent(revision)}`,
  csv: (draftId: string, revision: string) => `${reportApi.report(draftId, revision)}&format=csv`,
  json: (draftId: string, revision: string) => `${reportApi.report(draftId, revision)}&download=1`,
  revisions: (draftId: string) => `/api/drafts/${encodeURIComponent(draftId)}/revisions`,
  drafts: () => "/api/drafts",
  process: (processId: string) => `/api/processes/${encodeURIComponent(processId)}`,
  processMetrics: (processId: string) => `/api/processes/${encodeURIComponent(processId)}/metrics`,
};

/** The addresses of the report's pages in the app. */
export const reportPaths = {
  report: (draftId: string, query = "") => `/drafts/${encodeURIComponent(draftId)}/report${query ? `?${query}` : ""}`,
  metrics: (processId: string) => `/processes/${encodeURIComponent(processId)}/metrics`,
};
