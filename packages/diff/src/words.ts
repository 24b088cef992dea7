import DiffMatchPatch from "diff-match-patch";

/** One piece of a word-level comparison: kept, inserted or deleted text. */
export interface WordChange {
  op: "equal" | "insert" | "delete";
  text: string;
}

// A run of spaces, a word (letters and digits, with inner joiners as in "high-level", "68/302", "1,000"),
// or one other character: punctuation is a token of its own, so "process;" → "process and …;" keeps "process".
const TOKEN = /\s+|[\p{L}\p{N}\p{M}]+(?:[-‐/'’.,:][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

/**
 * The word-level changes that turn `before` into `after`: diff-match-patch over
 * words rather than characters (each word, punctuation mark or run of spaces is
 * one symbol), then its semantic clean-up, so that "strongly encourages" →
 * "encourages" reads as one deletion. A change never starts or ends inside a
 * word. Joining the equal and deleted pieces gives `before`; the equal and
 * inserted pieces give `after`.
 */
export function wordDiff(before: string, after: string): WordChange[] {
  const symbols = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (text: string) => {
    let encoded = "";
    for (const token of text.match(TOKEN) ?? []) {
      let symbol = symbols.get(token);
      if (symbol === undefined) {
        // Private-use and beyond: one UTF-16 unit per distinct token, as diff-match-patch's linesToChars does.
        symbol = String.fromCharCode(0xe000 + tokens.length);
        symbols.set(token, symbol);
        tokens.push(token);
      }
      encoded += symbol;
    }
    return encoded;
  };
  const dmp = new DiffMatchPatch();
  const a = encode(before);
  const b = encode(after);
  if (tokens.length > 0xf8ff - 0xe000) return characterDiff(dmp, before, after);
  const diffs = dmp.diff_main(a, b, false);
  // Clean up while still encoded: on decoded text the clean-up works on characters and cuts words ("Call<del>s</del>").
  dmp.diff_cleanupSemantic(diffs);
  return toChanges(
    diffs.map(
      ([op, text]) => [op, [...text].map((c) => tokens[c.charCodeAt(0) - 0xe000]).join("")] as [number, string],
    ),
  );
}

// Very long paragraphs with more distinct words than symbols: fall back to characters.
function characterDiff(dmp: DiffMatchPatch, before: string, after: string): WordChange[] {
  const diffs = dmp.diff_main(before, after);
  dmp.diff_cleanupSemantic(diffs);
  return toChanges(diffs.map((d) => [d[0], d[1]]));
}

function toChanges(diffs: [number, string][]): WordChange[] {
  const changes: WordChange[] = [];
  for (const [op, text] of diffs) {
    if (text === "") continue;
    const kind = op === 0 ? "equal" : op === 1 ? "insert" : "delete";
    const last = changes.at(-1);
    if (last && last.op === kind) last.text += text;
    else changes.push({ op: kind, text });
  }
  return changes;
}

/** The text before the changes. */
export function beforeText(changes: readonly WordChange[]): string {
  return changes
    .filter((c) => c.op !== "insert")
    .map((c) => c.text)
    .join("");
}

/** The text after the changes. */
export function afterText(changes: readonly WordChange[]): string {
  return changes
    .filter((c) => c.op !== "delete")
    .map((c) => c.text)
    .join("");
}
