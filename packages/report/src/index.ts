export { csvCell, csvTable } from "./csv.ts";
export {
  type GroupFigures,
  inputReport,
  type Metrics,
  type Period,
  type ProcessMetricsResponse,
  type ProposalFact,
  participationMetrics,
  type ReportDisposition,
  type ReportResponse,
  type ReportRow,
  reportCSV,
} from "./report.ts";
export { GLOBAL_SOUTH, type Hemisphere, hemisphereOf } from "./south.ts";
