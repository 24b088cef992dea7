/** A language the interface is offered in. */
export interface Language {
  /** BCP 47 tag, also the i18next language code. */
  code: LanguageCode;
  /** The language's name in itself, as the switcher shows it. */
  autonym: string;
  dir: "ltr" | "rtl";
}

/** The six official languages of the United Nations. */
export type LanguageCode = "ar" | "zh" | "en" | "fr" | "ru" | "es";

/** The interface languages, in the UN's order (alphabetical in English). */
export const LANGUAGES: readonly Language[] = [
  { code: "ar", autonym: "العربية", dir: "rtl" },
  { code: "zh", autonym: "中文", dir: "ltr" },
  { code: "en", autonym: "English", dir: "ltr" },
  { code: "fr", autonym: "Français", dir: "ltr" },
  { code: "ru", autonym: "Русский", dir: "ltr" },
  { code: "es", autonym: "Español", dir: "ltr" },
];

/** The language used when nothing better matches. */
export const DEFAULT_LANGUAGE: LanguageCode = "en";

/** The supported language for a code, if any ("fr-CA" → French). */
export function languageOf(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split("-")[0];
  return LANGUAGES.find((language) => language.code === base);
}

/**
 * The language to start in: the one chosen before (`stored`), else the first of the
 * browser's preferred languages that the interface offers, else {@link DEFAULT_LANGUAGE}.
 */
export function initialLanguage(stored: string | null, preferred: readonly string[]): LanguageCode {
  const chosen = languageOf(stored) ?? preferred.map(languageOf).find((language) => language !== undefined);
  return chosen?.code ?? DEFAULT_LANGUAGE;
}

/** The writing direction of a language code. */
export function directionOf(code: string): "ltr" | "rtl" {
  return languageOf(code)?.dir ?? "ltr";
}
