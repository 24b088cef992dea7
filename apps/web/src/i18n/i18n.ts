import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, directionOf, initialLanguage, LANGUAGES, type LanguageCode } from "./languages.ts";
import type { Messages } from "./locales/en.ts";

const STORAGE_KEY = "plenary.language";

// Each language's strings are a chunk of their own, fetched when the language is chosen:
// a page carries one language, not six.
const MESSAGES: Record<LanguageCode, () => Promise<Messages>> = {
  ar: async () => (await import("./locales/ar.ts")).ar,
  zh: async () => (await import("./locales/zh.ts")).zh,
  en: async () => (await import("./locales/en.ts")).en,
  fr: async () => (await import("./locales/fr.ts")).fr,
  ru: async () => (await import("./locales/ru.ts")).ru,
  es: async () => (await import("./locales/es.ts")).es,
};

/**
 * Starts i18next in the stored or preferred language, with that language's
 * strings fetched first (every language has every string, as a unit test
 * checks), and keeps `<html lang dir>` and the stored choice in step with the
 * current language.
 */
export async function setUpI18n(): Promise<typeof i18next> {
  const lng = initialLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
  const messages = await MESSAGES[lng]();
  i18next.on("languageChanged", (code) => {
    document.documentElement.lang = code;
    document.documentElement.dir = directionOf(code);
  });
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((language) => language.code),
    resources: { [lng]: { translation: messages } },
    // English is fetched only if a string were ever missing; none is.
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  document.documentElement.dir = directionOf(lng);
  return i18next;
}

/** Switches the interface language (fetching its strings the first time) and remembers the choice on this device. */
export async function chooseLanguage(code: LanguageCode): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  if (!i18next.hasResourceBundle(code, "translation")) {
    i18next.addResourceBundle(code, "translation", await MESSAGES[code]());
  }
  await i18next.changeLanguage(code);
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
