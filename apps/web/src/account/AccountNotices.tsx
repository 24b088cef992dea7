import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../api/errorMessage.ts";
import { FormAlert } from "../forms/Field.tsx";
import { formatDateTime } from "../i18n/dates.ts";
import { useSessionStore } from "../session/sessionStore.ts";

/**
 * What happened to the account while its owner was away (today: someone applied for
 * accreditation with its e-mail address), newest first, each dismissed once read.
 */
export function AccountNotices() {
  const { t, i18n } = useTranslation();
  const notices = useSessionStore((state) => state.session.notices);
  const dismiss = useSessionStore((state) => state.dismissNotice);
  const [failure, setFailure] = useState<{ attempt: number; text: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const section = useRef<HTMLHeadingElement>(null);
  const language = i18n.resolvedLanguage ?? "en";

  const onDismiss = async (id: string) => {
    const result = await dismiss(id);
    if (!result.ok) {
      setFailure((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, text: apiErrorMessage(t, result) }));
      return;
    }
    setFailure(null);
    setAnnouncement(t("accountNotices.dismissed"));
    section.current?.focus();
  };

  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {notices.length > 0 && (
        <section className="page-section" aria-labelledby="account-notices" data-testid="account-notices">
          <h2 id="account-notices" ref={section} tabIndex={-1}>
            {t("accountNotices.title")}
          </h2>
          {failure && <FormAlert key={failure.attempt}>{failure.text}</FormAlert>}
          <ul className="card-list">
            {notices.map((notice) => {
              const date = formatDateTime(notice.at, language);
              return (
                <li key={notice.id} className="notice notice--info">
                  <p dir="auto">
                    {t("accountNotices.applicationWithYourAddress", {
                      date,
                      process: notice.process.title,
                      organisation: notice.organisation,
                    })}
                  </p>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t("accountNotices.dismissLabel", { date })}
                    onClick={() => void onDismiss(notice.id)}
                  >
                    {t("accountNotices.dismiss")}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
