import { describe, expect, it } from "vitest";
import { directionOf, initialLanguage, LANGUAGES } from "../src/i18n/languages.ts";
import { ar } from "../src/i18n/locales/ar.ts";
import { en } from "../src/i18n/locales/en.ts";
import { es } from "../src/i18n/locales/es.ts";
import { fr } from "../src/i18n/locales/fr.ts";
import { ru } from "../src/i18n/locales/ru.ts";
import { zh } from "../src/i18n/locales/zh.ts";

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();

describe("translations", () => {
  const english = new Map(entries(en));
  for (const [code, messages] of Object.entries({ ar, zh, fr, ru, es })) {
    it(`${code} translates every string and keeps its placeholders`, () => {
      const translated = new Map(entries(messages));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of translated) {
        expect(text.trim(), key).not.toBe("");
        expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
      }
    });
  }
});

describe("languages", () => {
  it("offers the six UN languages, Arabic right to left", () => {
    expect(LANGUAGES.map((language) => language.code).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("fr")).toBe("ltr");
  });

  it("starts in the stored choice, else the browser's first offered language, else English", () => {
    expect(initialLanguage("ru", ["fr-FR"])).toBe("ru");
    expect(initialLanguage(null, ["de-DE", "es-419", "fr"])).toBe("es");
    expect(initialLanguage("xx", ["zh-Hans-CN"])).toBe("zh");
    expect(initialLanguage(null, ["de"])).toBe("en");
  });
});
