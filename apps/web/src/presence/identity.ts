/** How a person appears to others in a draft: on their caret and in the list of people. */
export interface PresenceUser {
  name: string;
  /** `#rrggbb`, dark enough for white text on it (WCAG AA, ≥ 4.5:1). */
  color: string;
}

/** Longest display name kept, in characters. */
export const MAX_NAME_LENGTH = 40;

/**
 * Twelve distinct hues, each with a contrast of at least 4.5:1 against white, so a
 * caret label (white text on the colour) stays readable.
 */
export const PRESENCE_COLORS: readonly string[] = [
  "#b3261e",
  "#b45309",
  "#4d7c0f",
  "#2e7d32",
  "#0f766e",
  "#0277bd",
  "#1d4ed8",
  "#283593",
  "#6a1b9a",
  "#a21caf",
  "#ad1457",
  "#5d4037",
];

/** The colour of a name: the same name always gets the same colour, on every device. */
export function colorOfName(name: string): string {
  // FNV-1a: tiny, stable across platforms, spreads similar names apart.
  let hash = 0x811c9dc5;
  for (const char of name) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length]!;
}

/**
 * The colour to draw a person in: theirs if it is one of {@link PRESENCE_COLORS},
 * else the colour of their name. Colours arrive from other browsers, and only the
 * palette is known to keep white text readable.
 */
export function presenceColor(color: unknown, name: string): string {
  return typeof color === "string" && PRESENCE_COLORS.includes(color.toLowerCase())
    ? color.toLowerCase()
    : colorOfName(name);
}

/**
 * A display name as typed, made presentable: surrounding and repeated white space
 * removed, control characters dropped, cut to {@link MAX_NAME_LENGTH} characters.
 * Returns null when nothing is left.
 */
export function cleanName(raw: string): string | null {
  const cleaned = Array.from(
    raw
      // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  )
    .slice(0, MAX_NAME_LENGTH)
    .join("")
    .trim();
  return cleaned === "" ? null : cleaned;
}

/** A number for a guest name ("Guest 4821"): four digits, from `random` in [0, 1). */
export function guestNumber(random: () => number = Math.random): number {
  return 1000 + Math.floor(random() * 9000);
}
