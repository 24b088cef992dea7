import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, directionOf, initialLanguage, LANGUAGES, type LanguageCode } from "./languages.ts";
import { ar } from "./locales/ar.ts";
import { en } from "./locales/en.ts";
import { es } from "./locales/es.ts";
import { fr } from "./locales/fr.ts";
import { ru } from "./locales/ru.ts";
import { zh } from "./locales/zh.ts";

const STORAGE_KEY = "plenary.language";

/**
 * Starts i18next with the bundled strings of the six UN languages (no network
 * fetch: the whole set is a few kilobytes) and keeps `<html lang dir>` and the
 * stored choice in step with the current language.
 */
export function setUpI18n(): typeof i18next {
  const lng = initialLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
  i18next.on("languageChanged", (code) => {
    document.documentElement.lang = code;
    document.documentElement.dir = directionOf(code);
  });
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((language) => language.code),
    resources: {
      ar: { translation: ar },
      zh: { translation: zh },
      en: { translation: en },
      fr: { translation: fr },
      ru: { translation: ru },
      es: { translation: es },
    },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  document.documentElement.dir = directionOf(lng);
  return i18next;
}

/** Switches the interface language and remembers the choice on this device. */
export function chooseLanguage(code: LanguageCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  void i18next.changeLanguage(code);
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
