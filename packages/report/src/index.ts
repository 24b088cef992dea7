export {
  type GroupFigures,
  inputReport,
  type Metrics,
  type Period,
  type ProposalFact,
  participationMetrics,
  type ReportDisposition,
  type ReportRow,
  reportCSV,
} from "./report.ts";
export { GLOBAL_SOUTH, type Hemisphere, hemisphereOf } from "./south.ts";
