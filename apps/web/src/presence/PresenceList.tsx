import { useId } from "react";
import { useTranslation } from "react-i18next";
import { usePresenceStore } from "./presenceStore.ts";

/** Everyone who has the draft open, you first, each with their colour. */
export function PresenceList() {
  const { t } = useTranslation();
  const people = usePresenceStore((state) => state.people);
  const headingId = useId();
  return (
    <aside className="presence" aria-labelledby={headingId}>
      <h2 id={headingId} className="presence__title">
        {t("presence.title")}
      </h2>
      <p className="presence__count">{t("presence.count", { count: people.length })}</p>
      <ul className="presence__list" data-testid="presence">
        {people.map((person) => (
          <li key={person.clientId} className="presence__person" data-self={person.isSelf || undefined}>
            <span className="presence__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
            <span className="presence__name">
              {person.isSelf ? t("presence.you", { name: person.name }) : person.name}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
