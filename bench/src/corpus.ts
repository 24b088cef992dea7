import { type DocJSON, doc, i, op, plain, pp, section, withId } from "@plenary/schema";
import { pick, type Random } from "./random.ts";

// Invented text in the register of a General Assembly resolution: what the
// benchmarks type and load should look like what delegates negotiate.

type Block = ReturnType<typeof pp>;

const PARTICIPLES = [
  "Recalling",
  "Reaffirming",
  "Recognizing",
  "Noting with concern",
  "Welcoming",
  "Emphasizing",
  "Bearing in mind",
  "Deeply concerned",
  "Acknowledging",
  "Stressing",
  "Mindful",
  "Taking note with appreciation of",
] as const;

const VERBS = [
  "Calls upon",
  "Requests",
  "Encourages",
  "Urges",
  "Decides",
  "Invites",
  "Welcomes",
  "Emphasizes",
  "Reaffirms",
  "Requests the Secretary-General",
  "Underlines",
  "Recommends",
] as const;

const ACTORS = [
  "all Member States",
  "the relevant entities of the United Nations system",
  "regional and subregional organizations",
  "international financial institutions",
  "the private sector, civil society and academia",
  "Governments, in cooperation with all relevant stakeholders,",
  "the specialized agencies, funds and programmes",
] as const;

const ACTIONS = [
  "to strengthen international cooperation on",
  "to take concrete and measurable steps towards",
  "to mobilize adequate and predictable resources for",
  "to promote an open, inclusive and secure approach to",
  "to integrate a gender perspective into",
  "to share best practices and lessons learned on",
  "to support capacity-building for developing countries in",
  "to report on progress achieved in",
] as const;

const TOPICS = [
  "digital public infrastructure",
  "the protection of personal data and privacy",
  "meaningful and affordable connectivity",
  "the implementation of the 2030 Agenda for Sustainable Development",
  "the full, equal and meaningful participation of women",
  "the transfer of technology on mutually agreed terms",
  "the governance of artificial intelligence",
  "the resilience of critical infrastructure",
  "the rights of persons with disabilities",
  "the needs of least developed countries and small island developing States",
] as const;

const QUALIFIERS = [
  "in accordance with their national legislation and international obligations",
  "within existing resources",
  "taking into account national circumstances and priorities",
  "in full respect of human rights and fundamental freedoms",
  "with a view to closing the digital divides between and within countries",
  "at its eighty-first session",
  "in close consultation with Member States",
  "on the basis of the outcome of the high-level meeting",
] as const;

/** An invented clause of about a dozen words. */
function clause(random: Random): string {
  return `${pick(random, ACTORS)} ${pick(random, ACTIONS)} ${pick(random, TOPICS)}, ${pick(random, QUALIFIERS)}`;
}

/** Text of `minWords`–`maxWords` words, built from invented clauses. */
export function unText(random: Random, minWords = 40, maxWords = 60): string {
  const target = minWords + Math.floor(random() * (maxWords - minWords + 1));
  const words: string[] = [];
  while (words.length < target) words.push(...clause(random).split(" "), "and");
  return words
    .slice(0, target)
    .join(" ")
    .replace(/(\s+and)+$/, "")
    .replace(/,+$/, "");
}

/** A preambular paragraph with an italic opening participle, 40–60 words in all. */
export function preambularParagraph(random: Random, id: string): Block {
  const participle = pick(random, PARTICIPLES);
  const words = participle.split(" ").length;
  return withId(pp(i(participle), ` ${unText(random, 40 - words, 60 - words)},`), id);
}

/** An operative paragraph with an italic opening verb, 40–60 words in all. */
export function operativeParagraph(random: Random, id: string): Block {
  const verb = pick(random, VERBS);
  const words = verb.split(" ").length;
  return withId(op(i(verb), ` ${unText(random, 40 - words, 60 - words)};`), id);
}

/** Block id of the `n`th generated paragraph (ids are lowercase, as the server requires). */
export function paragraphId(n: number): string {
  return `bench-p${String(n).padStart(4, "0")}`;
}

/**
 * A draft of `paragraphs` numbered paragraphs in the shape of a resolution: a
 * chapeau, about a third preambular paragraphs, then operative paragraphs in
 * sections of about twenty-five, each with a heading.
 */
export function unDraft(random: Random, paragraphs: number): DocJSON {
  const blocks: Block[] = [withId(plain("The General Assembly,"), "bench-chapeau")];
  const preambular = Math.round(paragraphs / 3);
  for (let n = 1; n <= paragraphs; n++) {
    if (n <= preambular) {
      blocks.push(preambularParagraph(random, paragraphId(n)));
      continue;
    }
    const operativeIndex = n - preambular - 1;
    if (operativeIndex % 25 === 0) {
      const number = operativeIndex / 25 + 1;
      const topic = pick(random, TOPICS);
      const heading = `${roman(number)}. ${topic[0]!.toUpperCase()}${topic.slice(1)}`;
      blocks.push(withId(section(heading), `bench-s${number}`));
    }
    blocks.push(operativeParagraph(random, paragraphId(n)));
  }
  return doc(...blocks);
}

/** Appends `extra` blocks to a draft. */
export function withBlocks(draft: DocJSON, extra: Block[]): DocJSON {
  return doc(...(draft.content ?? []), ...extra);
}

/** An endless stream of characters of invented resolution text, for typing. */
export function typingSource(random: Random): () => string {
  let buffer = "";
  let index = 0;
  return () => {
    if (index >= buffer.length) {
      buffer = ` ${clause(random)};`;
      index = 0;
    }
    return buffer[index++]!;
  };
}

function roman(n: number): string {
  const numerals: [number, string][] = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
