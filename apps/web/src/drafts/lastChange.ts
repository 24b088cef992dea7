/** A time of last change for people: "23 Nov 2025, 11:14" in the interface's language. */
export function formatLastChange(iso: string, language: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(time);
}
