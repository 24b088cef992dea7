import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { PageHeading, usePageTitle } from "../app/page.tsx";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { useProcessesStore } from "../process/processesStore.ts";
import { processPaths } from "../process/processPaths.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { AccountNotices } from "./AccountNotices.tsx";
import { ApplicationStatus } from "./ApplicationStatus.tsx";

/** The signed-in person's account: who they are, their party, their roles and their applications' fate. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSessionStore((state) => state.session);
  const processes = useProcessesStore((state) => state.processes);
  const loadProcesses = useProcessesStore((state) => state.load);
  usePageTitle(t("myAccount.title"));
  useEffect(() => {
    void loadProcesses();
    // Decisions on applications may have come since the page was opened.
    void useSessionStore.getState().load();
  }, [loadProcesses]);
  const titleOf = (processId: string) => processes.find((process) => process.id === processId)?.title ?? processId;

  if (!session.user || !session.party) {
    return (
      <div className="page page--narrow">
        <PageHeading>{t("myAccount.title")}</PageHeading>
        <div className="notice notice--info">
          <p>{t("myAccount.signedOut")}</p>
          <Link href="/sign-in?next=%2Faccount" className="button button--primary">
            {t("userMenu.signIn")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <PageHeading>{t("myAccount.title")}</PageHeading>
      <AccountNotices />
      <dl className="facts">
        <dt>{t("myAccount.name")}</dt>
        <dd dir="auto">{session.user.displayName}</dd>
        <dt>{t("myAccount.email")}</dt>
        <dd>{session.user.email}</dd>
        <dt>{t("myAccount.party")}</dt>
        <dd>
          <PartyBadge party={session.party} />
        </dd>
      </dl>
      <section className="page-section" aria-labelledby="account-roles">
        <h2 id="account-roles">{t("myAccount.roles")}</h2>
        {session.memberships.length === 0 ? (
          <p className="notice notice--empty">{t("myAccount.noRoles")}</p>
        ) : (
          <ul>
            {session.memberships.map((membership) => (
              <li key={membership.processId}>
                <Link href={processPaths.page(membership.processId)}>
                  {t("userMenu.roleIn", {
                    role: t(`roles.${membership.role}`),
                    process: titleOf(membership.processId),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {session.applications.length > 0 && (
        <section className="page-section" aria-labelledby="account-applications">
          <h2 id="account-applications">{t("myAccount.applications")}</h2>
          {session.applications.map((application) => (
            <div key={application.id}>
              <p>
                <Link href={processPaths.page(application.processId)} dir="auto">
                  {titleOf(application.processId)}
                </Link>
              </p>
              <ApplicationStatus application={application} headingLevel={3} />
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
