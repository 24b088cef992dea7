/** A count in the reader's language ("1 234", "١٬٢٣٤"…). */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A share as a whole percentage in the reader's language; null (nothing to divide by) as "—". */
export function formatRate(rate: number | null, language: string): string {
  if (rate === null) return "—";
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(rate);
}
