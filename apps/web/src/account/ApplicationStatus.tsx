import type { ApplicationView } from "@plenary/protocol";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../i18n/dates.ts";
import { PartyBadge } from "../parties/PartyBadge.tsx";

const NOTICE_OF_STATUS = {
  pending: "notice--info",
  approved: "notice--success",
  declined: "notice--warning",
} as const;

/** The applicant's view of their application: pending, or the decision with the facilitators' reason. */
export function ApplicationStatus({
  application,
  headingLevel = 2,
}: {
  application: ApplicationView;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section
      className={`notice application-status ${NOTICE_OF_STATUS[application.status]}`}
      aria-labelledby={headingId}
      data-testid="application-status"
      data-status={application.status}
    >
      <Heading id={headingId}>{t("application.statusTitle")}</Heading>
      <p>
        {t("application.organisation")} <PartyBadge party={application.organisation} />
      </p>
      <p className="application-status__status">{t(`application.${application.status}`)}</p>
      {application.reason && (
        <p className="application-status__reason" dir="auto">
          {t("application.reason", { reason: application.reason })}
        </p>
      )}
      <p className="application-status__date">
        {t("application.sentOn", { date: formatDateTime(application.createdAt, i18n.resolvedLanguage ?? "en") })}
      </p>
    </section>
  );
}
