import { type DocJSON, doc, i, op, parseDocJSON, pp, section, withId } from "@plenary/schema";
import { acceptAll, rejectAll } from "@plenary/suggestions";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  cleanText,
  comparisonText,
  readDocx,
  toMarkdown,
  trackedText,
  type WordText,
  writeDocx,
} from "../src/index.ts";
import { attr, descendants, parseXml } from "../src/xml.ts";
import { del, describeSuggestion, ins, NEGOTIATION } from "./negotiation.ts";
import { ids } from "./word.ts";

/** The text Word shows after "Accept All" (or "Reject All"), paragraph by paragraph. */
function decided(text: WordText, decision: "accept" | "reject"): string[] {
  const gone = decision === "accept" ? "deletion" : "insertion";
  return text.blocks
    .filter((block) => block.change?.type !== gone)
    .map((block) =>
      block.runs
        .filter((run) => run.change?.type !== gone)
        .map((run) => run.text)
        .join(""),
    );
}

const paragraphs = (json: DocJSON) => json.content.map((node) => (node.content ?? []).map((l) => l.text).join(""));
const agreed = (json: DocJSON) => paragraphs(rejectAll(parseDocJSON(json)).toJSON() as DocJSON);
const allAccepted = (json: DocJSON) => paragraphs(acceptAll(parseDocJSON(json)).toJSON() as DocJSON);

function part(bytes: Uint8Array, name: string) {
  const file = unzipSync(bytes, { filter: (f) => f.name === name })[name];
  if (!file) throw new Error(`No part ${name}`);
  return parseXml(strFromU8(file), name);
}

describe("the tracked .docx", () => {
  const text = trackedText(NEGOTIATION, "Outcome document", describeSuggestion);

  it("accepting every change gives Plenary's accept-all text; rejecting every change gives the agreed text", () => {
    expect(decided(text, "accept")).toEqual(allAccepted(NEGOTIATION));
    expect(decided(text, "reject")).toEqual(agreed(NEGOTIATION));
  });

  it("writes each suggestion as a Word insertion or deletion by “Party (person)”, dated, with the rationale as a comment", async () => {
    const bytes = await writeDocx(text);
    const body = part(bytes, "word/document.xml");
    const changes = [...descendants(body, "ins"), ...descendants(body, "del")].map((e) => ({
      type: e.localName,
      author: attr(e, "author"),
      date: attr(e, "date"),
      text: e.textContent,
    }));
    expect(changes).toEqual(
      expect.arrayContaining([
        { type: "ins", author: "Kenya (Joseph Mwangi)", date: "2026-03-02T09:15:30Z", text: "urgently " },
        {
          type: "ins",
          author: "Kenya (Joseph Mwangi)",
          date: "2026-03-02T09:15:30Z",
          text: "Requests the Secretary-General to report annually;",
        },
        { type: "del", author: "Brazil (Ana Souza)", date: "2026-03-03T14:00:00Z", text: "all " },
        {
          type: "del",
          author: "Brazil (Ana Souza)",
          date: "2026-03-03T14:00:00Z",
          text: "Invites all States to consider the matter;",
        },
      ]),
    );
    // The proposed and the struck paragraph carry the change on their paragraph mark too.
    const marks = descendants(body, "pPr").flatMap((pPr) => [...descendants(pPr, "ins"), ...descendants(pPr, "del")]);
    expect(marks.map((m) => `${m.localName} ${attr(m, "author")}`)).toEqual([
      "ins Kenya (Joseph Mwangi)",
      "del Brazil (Ana Souza)",
    ]);
    const comments = descendants(part(bytes, "word/comments.xml"), "comment");
    expect(comments.map((c) => [attr(c, "author"), c.textContent])).toEqual([
      ["Kenya (Joseph Mwangi)", "Urgency is the point of this paragraph."],
    ]);
    expect(descendants(body, "commentRangeStart")).toHaveLength(1);
  });

  it("reads back through Plenary's own reader as the text with all changes accepted, kinds and formatting kept", async () => {
    const back = readDocx(await writeDocx(text), { newId: ids() });
    expect(paragraphs(back.doc)).toEqual(allAccepted(NEGOTIATION));
    expect(back.doc.content.map((n) => n.attrs?.kind ?? n.type)).toEqual(
      (acceptAll(parseDocJSON(NEGOTIATION)).toJSON() as DocJSON).content.map((n) => n.attrs?.kind ?? n.type),
    );
    expect(back.title).toBe("Outcome document");
    expect(back.warnings.map((w) => w.code)).toEqual(["tracked-change", "comment"]);
  });
});

describe("the clean .docx", () => {
  it("is the agreed text, and Plenary reads it back as the same document", async () => {
    const text = cleanText(NEGOTIATION, "Outcome document");
    expect(text.blocks.every((b) => b.change === null && b.runs.every((r) => r.change === null))).toBe(true);
    const back = readDocx(await writeDocx(text), { newId: ids() });
    const expected = rejectAll(parseDocJSON(NEGOTIATION)).toJSON() as DocJSON;
    const withoutIds = (json: DocJSON) => json.content.map((n) => ({ ...n, attrs: { ...n.attrs, id: "" } }));
    expect(withoutIds(back.doc)).toEqual(withoutIds(expected));
    expect(back.warnings).toEqual([]);
  });

  it("keeps a paragraph's own number (1bis) instead of numbering it, and numbers the other operative paragraphs", async () => {
    const text = cleanText(doc(op("Decides to act;"), op("1bis. Decides also;"), op("Requests a report;")), "T");
    const body = part(await writeDocx(text), "word/document.xml");
    const numberedTexts = descendants(body, "p")
      .filter((p) => descendants(p, "numPr").length > 0)
      .map((p) => p.textContent);
    expect(numberedTexts).toEqual(["Decides to act;", "Requests a report;"]);
  });
});

describe("the comparison .docx", () => {
  const older = doc(
    withId(section("Preamble"), "s1"),
    withId(pp(i("Recalling"), " the Tunis Agenda;"), "a"),
    withId(pp("Noting the gaps;"), "b"),
    withId(op("Decides to act on the divide;"), "c"),
    withId(op("Invites States to act;"), "d"),
    withId(op("Requests a report;"), "e"),
  );
  const newer = doc(
    withId(section("Preamble"), "s1"),
    withId(pp(i("Recalling"), " the Tunis Agenda and resolution 70/1;"), "a"),
    withId(op("Requests a report;"), "e"),
    withId(op("Decides to act urgently on the divide;"), "c"),
    withId(op("Calls upon all stakeholders to contribute;"), "f"),
    withId(op("Invites States to act;"), "d"),
  );
  const text = comparisonText(older, newer, "Compared", { author: "Rev.1", date: "2026-04-01T00:00:00.000Z" });

  it("accepting every change gives the newer text, rejecting every change the older one", () => {
    expect(decided(text, "accept")).toEqual(paragraphs(newer));
    expect(decided(text, "reject")).toEqual(paragraphs(older));
  });

  it("marks word changes inside a changed paragraph, keeping its formatting, by the newer revision", () => {
    const recalling = text.blocks[1]!;
    expect(recalling.runs).toEqual([
      { text: "Recalling", bold: false, italic: true, change: null, comment: null },
      { text: " the Tunis Agenda", bold: false, italic: false, change: null, comment: null },
      {
        text: " and resolution 70/1",
        bold: false,
        italic: false,
        change: { type: "insertion", author: "Rev.1", date: "2026-04-01T00:00:00.000Z" },
        comment: null,
      },
      { text: ";", bold: false, italic: false, change: null, comment: null },
    ]);
  });

  it("says where a moved paragraph was, in a comment", () => {
    expect(text.comments.map((c) => c.text)).toEqual(["Moved: was OP 3."]);
  });
});

/** Markdown paragraphs, one blank line apart, ending with a newline. */
const lines = (...paragraphs: string[]) => `${paragraphs.join("\n\n")}\n`;

describe("Markdown", () => {
  it("writes the agreed text with headings, numbered operative paragraphs and emphasis", () => {
    expect(toMarkdown(NEGOTIATION, "Outcome document")).toBe(
      lines(
        "# Outcome document",
        "## Preamble",
        "_Recalling_ its resolution 70/1 of 25 September 2015;",
        "_Welcoming_ the inputs of all stakeholders;",
        "## Operative part",
        "1. _Decides_ to act on the digital divide;",
        "2. Invites all States to consider the matter;",
        "3. Decides to remain seized of the matter.",
      ),
    );
  });

  it("writes pending suggestions in CriticMarkup with their author", () => {
    const md = toMarkdown(
      doc(op("Decides to act ", ins("urgently ", "k1", "party-kenya"), del("now", "b1", "party-brazil"))),
      "T",
      describeSuggestion,
    );
    expect(md).toBe(
      "# T\n\n1. Decides to act {++urgently ++}{>>Kenya (Joseph Mwangi)<<}{--now--}{>>Brazil (Ana Souza)<<}\n",
    );
  });

  it("escapes what would otherwise be Markdown syntax", () => {
    expect(toMarkdown(doc(pp("2. *Recalling* [brackets]")), "T")).toBe("# T\n\n2\\. \\*Recalling\\* \\[brackets\\]\n");
  });
});
