import { ErrorCode } from "@plenary/protocol";
import { reportCSV } from "@plenary/report";
import { authorize, type Handler, requireDraft } from "../context.ts";
import { HttpError, sendJSON } from "../respond.ts";
import type { Router } from "../router.ts";

/** The input report and participation metrics: readable by everyone, as JSON or CSV. */
export function reportRoutes(router: Router<Handler>): void {
  router.add("GET", "/api/drafts/:id/report", async (context) => {
    const draft = requireDraft(context);
    authorize(context, draft.processId, "draft.read");
    const query = new URL(context.req.url ?? "/", "http://localhost").searchParams;
    const report = await context.reports.report(draft.id, query.get("revision") ?? "live");
    const format = query.get("format") ?? "json";
    const filename = `plenary-${draft.id}-${report.revision.name.replace(/[^A-Za-z0-9.-]+/g, "-")}-input-report`;
    if (format === "csv") {
      const csv = reportCSV(report.rows);
      context.res.writeHead(200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}.csv"`,
        "cache-control": "no-store",
      });
      context.res.end(csv);
      return;
    }
    if (format !== "json") throw new HttpError(400, ErrorCode.InvalidInput, "format is json or csv.");
    if (query.get("download") === "1") {
      context.res.setHeader("content-disposition", `attachment; filename="${filename}.json"`);
    }
    sendJSON(context.res, 200, report);
  });

  router.add("GET", "/api/processes/:id/metrics", async (context) => {
    const process = context.accounts.store.getProcess(context.params.id!);
    if (!process) throw new HttpError(404, ErrorCode.ProcessNotFound, `There is no process "${context.params.id}"`);
    authorize(context, process.id, "process.read");
    sendJSON(context.res, 200, await context.reports.processMetrics(process.id));
  });
}
