/** The words of a text, lower-cased, without punctuation. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function counts(words: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of words) map.set(word, (map.get(word) ?? 0) + 1);
  return map;
}

function shared(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [word, count] of a) n += Math.min(count, b.get(word) ?? 0);
  return n;
}

/** How alike two texts are, from 0 (no word in common) to 1 (the same words): Dice's coefficient over words. */
export function similarity(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.length === 0 && wb.length === 0) return 1;
  if (wa.length === 0 || wb.length === 0) return 0;
  return (2 * shared(counts(wa), counts(wb))) / (wa.length + wb.length);
}

/** The share of `part`'s words found in `whole` (1 when `part` is wholly inside `whole`). */
export function containment(part: string, whole: string): number {
  const wp = wordsOf(part);
  if (wp.length === 0) return 0;
  return shared(counts(wp), counts(wordsOf(whole))) / wp.length;
}
