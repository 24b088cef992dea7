import { useId } from "react";
import { useTranslation } from "react-i18next";
import { chooseLanguage } from "./i18n.ts";
import { LANGUAGES, languageOf } from "./languages.ts";

/** A labelled select listing the interface languages by their own names. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = languageOf(i18n.resolvedLanguage)?.code ?? "en";
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t("language.label")}</label>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          const chosen = languageOf(event.target.value);
          if (chosen) void chooseLanguage(chosen.code);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.autonym}
          </option>
        ))}
      </select>
    </div>
  );
}
