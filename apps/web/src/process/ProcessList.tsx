import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useProcessesStore } from "./processesStore.ts";
import { processPaths } from "./processPaths.ts";

/** Every negotiation process, each a link to its public page. */
export function ProcessList() {
  const { t } = useTranslation();
  const status = useProcessesStore((state) => state.status);
  const processes = useProcessesStore((state) => state.processes);
  const load = useProcessesStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page-section" aria-labelledby="process-list">
      <h2 id="process-list">{t("process.listTitle")}</h2>
      {status === "error" && <p className="notice notice--error">{t("process.listError")}</p>}
      {status === "ready" && processes.length === 0 && <p className="notice notice--empty">{t("process.listEmpty")}</p>}
      {processes.length > 0 && (
        <ul className="draft-list" data-testid="process-list">
          {processes.map((process) => (
            <li key={process.id} className="draft-list__item">
              <Link href={processPaths.page(process.id)} className="draft-list__link" dir="auto">
                {process.title}
              </Link>
              <p className="draft-list__meta" dir="auto">
                {process.description}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
