import type { ParagraphKind } from "@plenary/schema";

// Opening words of preambular paragraphs (participles and adjectives) and of
// operative ones (verbs in the present tense), as UN resolutions and outcome
// documents use them. Lower case; multi-word openings are matched on their
// first word, and adverbs in front ("Further recalling", "Strongly urges")
// are skipped.
const PREAMBULAR = new Set([
  "acknowledging",
  "affirming",
  "alarmed",
  "appreciating",
  "aware",
  "bearing",
  "believing",
  "building",
  "cognizant",
  "cognisant",
  "commending",
  "concerned",
  "conscious",
  "considering",
  "contemplating",
  "convinced",
  "declaring",
  "deploring",
  "desiring",
  "determined",
  "emphasizing",
  "emphasising",
  "encouraged",
  "expressing",
  "fulfilling",
  "gravely",
  "guided",
  "having",
  "highlighting",
  "keeping",
  "mindful",
  "noting",
  "observing",
  "reaffirming",
  "realizing",
  "realising",
  "recalling",
  "recognizing",
  "recognising",
  "referring",
  "regretting",
  "reiterating",
  "seeking",
  "stressing",
  "taking",
  "underlining",
  "underscoring",
  "viewing",
  "welcoming",
]);

const OPERATIVE = new Set([
  "accepts",
  "acknowledges",
  "adopts",
  "affirms",
  "appeals",
  "appreciates",
  "approves",
  "authorizes",
  "authorises",
  "calls",
  "commends",
  "commits",
  "condemns",
  "confirms",
  "considers",
  "decides",
  "declares",
  "demands",
  "deplores",
  "designates",
  "directs",
  "draws",
  "emphasizes",
  "emphasises",
  "encourages",
  "endorses",
  "expresses",
  "highlights",
  "instructs",
  "invites",
  "notes",
  "proclaims",
  "reaffirms",
  "recalls",
  "recognizes",
  "recognises",
  "recommends",
  "regrets",
  "reiterates",
  "renews",
  "requests",
  "resolves",
  "stresses",
  "supports",
  "takes",
  "transmits",
  "trusts",
  "underlines",
  "underscores",
  "urges",
  "welcomes",
]);

const ADVERBS = new Set(["also", "further", "furthermore", "again", "once", "moreover", "therefore", "hereby"]);

/** The kind a paragraph's opening words give it (preambular or operative), if they say. */
export function kindOfOpening(text: string): ParagraphKind | undefined {
  const words = text
    .replace(/^[\s"'“‘(«]+/, "")
    .split(/[\s,;:]+/)
    .slice(0, 4)
    .map((word) => word.toLowerCase());
  for (const word of words) {
    if (PREAMBULAR.has(word)) return "pp";
    if (OPERATIVE.has(word)) return "op";
    if (!(ADVERBS.has(word) || word.endsWith("ly"))) return undefined;
  }
  return undefined;
}
