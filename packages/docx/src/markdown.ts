import { type DocJSON, isBlockSuggestion, parseDocJSON } from "@plenary/schema";
import { rejectAll } from "@plenary/suggestions";
import type { JSONContent } from "@tiptap/core";
import { NUMBER_LABEL } from "./labels.ts";
import type { DescribeSuggestion } from "./tracked.ts";
import { kindOf } from "./tracked.ts";

/**
 * The text as Markdown: the title and sections as headings, operative
 * paragraphs numbered "1.", "2." (a paragraph that starts with its own number
 * keeps it), bold and italic. Without `describe`, the agreed text; with it,
 * pending suggestions in CriticMarkup, `{++inserted++}` and `{--deleted--}`,
 * each followed by its author as `{>>Kenya (Joseph Mwangi)<<}`.
 */
export function toMarkdown(doc: DocJSON, title: string, describe?: DescribeSuggestion): string {
  const json = (describe ? parseDocJSON(doc) : rejectAll(parseDocJSON(doc))).toJSON() as DocJSON;
  const lines = [`# ${escapeMarkdown(title)}`];
  let op = 0;
  for (const node of json.content) {
    const kind = kindOf(node);
    const whole = describe && isBlockSuggestion(node.attrs?.suggestion) ? node.attrs.suggestion : null;
    let text = inline(node, describe, whole !== null);
    if (whole && describe) text = critic(whole.type, text, describe(whole).author);
    if (kind === "section") lines.push(`## ${text}`);
    else if (kind === "op" && !NUMBER_LABEL.test(plainText(node))) lines.push(`${++op}. ${text}`);
    else lines.push(text);
  }
  return `${lines.join("\n\n")}\n`;
}

function inline(node: JSONContent, describe: DescribeSuggestion | undefined, insideWhole: boolean): string {
  const pieces = (node.content ?? []).map((leaf, index) => {
    let text = escapeMarkdown(leaf.text ?? "", index === 0);
    const marks = leaf.marks ?? [];
    if (marks.some((m) => m.type === "bold")) text = wrap(text, "**");
    if (marks.some((m) => m.type === "italic")) text = wrap(text, "_");
    const change = marks.find((m) => m.type === "insertion" || m.type === "deletion");
    if (change && describe && !insideWhole) {
      const author = describe({
        id: String(change.attrs?.id),
        author: String(change.attrs?.author),
        party: String(change.attrs?.party),
      }).author;
      text = critic(change.type as "insertion" | "deletion", text, author);
    }
    return text;
  });
  return pieces.join("");
}

function critic(type: "insertion" | "deletion", text: string, author: string): string {
  return type === "insertion" ? `{++${text}++}{>>${author}<<}` : `{--${text}--}{>>${author}<<}`;
}

// Emphasis markers must hug the text: leading and trailing spaces stay outside.
function wrap(text: string, marker: string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
  return match[2] ? `${match[1]}${marker}${match[2]}${marker}${match[3]}` : text;
}

// Characters that would start Markdown syntax; at the start of a paragraph, also what would make a heading or list.
function escapeMarkdown(text: string, start = false): string {
  const escaped = text.replace(/([\\`*_[\]{}<>#|~])/g, "\\$1");
  return start ? escaped.replace(/^(\d+)([.)])/, "$1\\$2").replace(/^([-+=])/, "\\$1") : escaped;
}

function plainText(node: JSONContent): string {
  return (node.content ?? []).map((leaf) => leaf.text ?? "").join("");
}
