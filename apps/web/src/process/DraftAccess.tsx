import { can, type ProcessResponse } from "@plenary/protocol";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { signInPath } from "../account/returnPath.ts";
import { useResource } from "../api/useResource.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { processPaths } from "./processPaths.ts";

interface DraftAccessProps {
  processId: string;
  /** Whether the server admitted this person's connection for writing. */
  writable: boolean;
  /** Whether the text has arrived (only then is "read-only" the server's word, not the wait). */
  hasText: boolean;
}

/**
 * Above a draft: the process it belongs to and the person's role in it; and,
 * when the server let them only read, a polite note saying how to take part.
 */
export function DraftAccess({ processId, writable, hasText }: DraftAccessProps) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const [resource] = useResource<ProcessResponse>(`/api/processes/${encodeURIComponent(processId)}`);
  const signedIn = useSessionStore((state) => state.session.user !== null);
  const application = useSessionStore((state) =>
    state.session.applications.find((candidate) => candidate.processId === processId),
  );
  // The session's memberships, when signed in: they are loaded again when the role changes.
  const sessionRole = useSessionStore((state) => (state.session.user ? state.roleIn(processId) : null));
  const view = resource.status === "ready" ? resource.value : null;
  const role = sessionRole ?? view?.role ?? "public";

  return (
    <>
      <p className="context-line" data-testid="draft-context">
        {t("process.inProcess")}{" "}
        <Link href={processPaths.page(processId)} dir="auto">
          {view?.process.title ?? processId}
        </Link>
        {view && (
          <>
            {" · "}
            <span data-testid="draft-role">{t("process.yourRole", { role: t(`roles.${role}`) })}</span>
          </>
        )}
      </p>
      {hasText && !writable && (
        <div className="notice notice--info read-only-note" data-testid="read-only-note">
          <h2>{t("access.readOnlyTitle")}</h2>
          <p>{signedIn ? t("access.readOnlyNoRole") : t("access.readOnlyPublic")}</p>
          {application?.status === "pending" && <p>{t("application.pending")}</p>}
          <p className="link-row">
            {!signedIn && (
              <Link href={signInPath(location)} className="button button--primary">
                {t("access.signInToTakePart")}
              </Link>
            )}
            {can(role, "accreditation.apply") && !application && (
              <Link href={processPaths.apply(processId)} className="button">
                {t("process.apply")}
              </Link>
            )}
          </p>
        </div>
      )}
    </>
  );
}
