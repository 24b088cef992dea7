import type { ProcessResponse } from "@plenary/protocol";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useResource } from "../api/useResource.ts";
import { processPaths } from "../process/processPaths.ts";

/** "Process: <title>", linking back to the process's page. */
export function ProcessContext({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const [resource] = useResource<ProcessResponse>(`/api/processes/${encodeURIComponent(processId)}`);
  const title = resource.status === "ready" ? resource.value.process.title : processId;
  return (
    <p className="context-line">
      {t("process.inProcess")}{" "}
      <Link href={processPaths.page(processId)} dir="auto">
        {title}
      </Link>
    </p>
  );
}
