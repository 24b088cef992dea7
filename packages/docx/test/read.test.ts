import { b, doc, i, op, plain, pp, section, withId } from "@plenary/schema";
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxError, readDocx } from "../src/index.ts";
import { bold, em, ids, numbered, p, word } from "./word.ts";

const read = (bytes: Uint8Array) => readDocx(bytes, { newId: ids() });
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe("reading a .docx", () => {
  it("makes headings sections and paragraphs PP or OP by their opening words, keeping bold and italic", async () => {
    const bytes = await word([
      new Paragraph({ text: "Preamble", heading: HeadingLevel.HEADING_1 }),
      p(em("Recalling"), " its resolution 70/1;"),
      p(em("Deeply concerned"), " by the ", bold("digital divide"), ";"),
      new Paragraph({ text: "Operative part", heading: HeadingLevel.HEADING_2 }),
      numbered(em("Decides"), " to hold a high-level meeting;"),
      numbered(em("Strongly urges"), " all States to act;"),
      p("The General Assembly,"),
    ]);
    const imported = read(bytes);
    expect(imported.doc).toEqual(
      doc(
        withId(section("Preamble"), "b1"),
        withId(pp(i("Recalling"), " its resolution 70/1;"), "b2"),
        withId(pp(i("Deeply concerned"), " by the ", b("digital divide"), ";"), "b3"),
        withId(section("Operative part"), "b4"),
        withId(op(i("Decides"), " to hold a high-level meeting;"), "b5"),
        withId(op(i("Strongly urges"), " all States to act;"), "b6"),
        withId(plain("The General Assembly,"), "b7"),
      ),
    );
    expect(imported.warnings).toEqual([]);
  });

  it("drops paragraph numbers that are the ones Plenary computes, typed or numbered by Word", async () => {
    const bytes = await word([
      p("1. Recalling the Tunis Agenda;"),
      p("2. Welcoming the inputs;"),
      numbered("Decides to act;"),
      numbered("Requests a report;"),
    ]);
    expect(read(bytes).doc).toEqual(
      doc(
        withId(pp("Recalling the Tunis Agenda;"), "b1"),
        withId(pp("Welcoming the inputs;"), "b2"),
        withId(op("Decides to act;"), "b3"),
        withId(op("Requests a report;"), "b4"),
      ),
    );
  });

  it("keeps the document's own numbers (1bis, 1ter, former 6 amended) as text at the start of each paragraph", async () => {
    // The G77's amendments to the WSIS+10 zero draft, 19 October 2015 (shortened).
    const bytes = await word([
      p(bold("Preamble")),
      p("1. Recalling the request in paragraph 111 of the Tunis Agenda;"),
      p("1bis. We reiterate our commitment to the Geneva Declaration of Principles. (former 6 amended)"),
      p("1ter. Reaffirming its resolution 70/1;"),
      p("2. Recall"),
    ]);
    const imported = read(bytes);
    expect(imported.doc).toEqual(
      doc(
        withId(section(b("Preamble")), "b1"),
        withId(pp("1. Recalling the request in paragraph 111 of the Tunis Agenda;"), "b2"),
        withId(
          pp("1bis. We reiterate our commitment to the Geneva Declaration of Principles. (former 6 amended)"),
          "b3",
        ),
        withId(pp("1ter. Reaffirming its resolution 70/1;"), "b4"),
        withId(pp("2. Recall"), "b5"),
      ),
    );
    expect(codes(imported.warnings)).toEqual(["heading-guessed", "kind-guessed", "numbering-kept"]);
    expect(imported.warnings.find((w) => w.code === "kind-guessed")?.message).toContain("PP 2, PP 4");
  });

  it("writes Word's automatic numbers into the text when the document mixes them with its own", async () => {
    const bytes = await word([
      numbered("Decides to act;"),
      p("1bis. Decides also to review;"),
      numbered("Requests a report;"),
    ]);
    expect(read(bytes).doc).toEqual(
      doc(
        withId(op("1. Decides to act;"), "b1"),
        withId(op("1bis. Decides also to review;"), "b2"),
        withId(op("2. Requests a report;"), "b3"),
      ),
    );
  });

  it("turns a footnote into text at its mark", async () => {
    const bytes = await word([p("Recalling its resolution 70/1", new FootnoteReferenceRun(1), ";")], {
      footnotes: {
        1: { children: [new Paragraph({ children: [new TextRun("See "), em("A/RES/70/1"), new TextRun(".")] })] },
      },
    });
    const imported = read(bytes);
    expect(imported.doc).toEqual(
      doc(withId(pp("Recalling its resolution 70/1 (footnote 1: See ", i("A/RES/70/1"), ".);"), "b1")),
    );
    expect(imported.warnings).toEqual([
      { code: "footnote", message: expect.stringContaining("(footnote N: …)” (PP 1)") },
    ]);
  });

  it("takes the title from the Title paragraph, else the document properties, else the first heading", async () => {
    const titled = await word(
      [new Paragraph({ text: "Draft outcome document", heading: HeadingLevel.TITLE }), p("Decides to act;")],
      { title: "Template" },
    );
    expect(read(titled).title).toBe("Draft outcome document");
    expect(read(titled).doc.content).toHaveLength(1);
    expect(read(await word([p("Decides to act;")], { title: "From the properties" })).title).toBe(
      "From the properties",
    );
    const headed = await word([new Paragraph({ text: "Outcome", heading: HeadingLevel.HEADING_1 }), p("Decides;")]);
    expect(read(headed).title).toBe("Outcome");
  });

  it("loses nothing silently: tables, images, comments and tracked changes are listed with what they held", async () => {
    const png = Uint8Array.from(
      atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
      (c) => c.charCodeAt(0),
    );
    const bytes = await word(
      [
        p("Decides to act;"),
        new Table({
          rows: [
            new TableRow({
              children: [new TableCell({ children: [p("Original")] }), new TableCell({ children: [p("Proposal")] })],
            }),
          ],
        }),
        new Paragraph({
          children: [new ImageRun({ type: "png", data: png, transformation: { width: 10, height: 10 } })],
        }),
        new Paragraph({
          children: [
            new CommentRangeStart(0),
            new TextRun("Requests "),
            new InsertedTextRun({ id: 1, text: "urgently ", author: "Jane", date: "2025-01-01T00:00:00Z" }),
            new DeletedTextRun({ id: 2, text: "a study", author: "John", date: "2025-01-01T00:00:00Z" }),
            new TextRun("a report;"),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
          ],
        }),
      ],
      { comments: { children: [{ id: 0, author: "Secretariat", children: [new Paragraph("Check the date.")] }] } },
    );
    const imported = read(bytes);
    expect(imported.doc).toEqual(
      doc(
        withId(op("Decides to act;"), "b1"),
        withId(plain("Original | Proposal"), "b2"),
        withId(op("Requests urgently a report;"), "b3"),
      ),
    );
    const byCode = Object.fromEntries(imported.warnings.map((w) => [w.code, w.message]));
    expect(Object.keys(byCode).sort()).toEqual(["comment", "image", "table", "tracked-change"]);
    expect(byCode.table).toContain("the paragraph “Original | Proposal”");
    expect(byCode.image).toContain("before OP 2");
    expect(byCode.comment).toContain("Secretariat: Check the date.");
    expect(byCode["tracked-change"]).toMatch(/2 tracked changes \(OP 2\).*as if accepted.*“a study”/);
  });

  it("refuses a file that is not a .docx, a damaged one, and another kind of Office file, with a clear error", async () => {
    const refused = (bytes: Uint8Array) => {
      try {
        readDocx(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(DocxError);
        return { code: (error as DocxError).code, message: (error as DocxError).message };
      }
      throw new Error("expected a refusal");
    };
    expect(refused(new TextEncoder().encode("%PDF-1.7 not a Word file"))).toEqual({
      code: "not-docx",
      message: "This file is not a Word document (.docx): it is not even a zip archive.",
    });
    const oldWord = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);
    expect(refused(oldWord).message).toBe(
      "This is an old-format Word document (.doc); open it in Word and save it as .docx.",
    );
    const good = await word([p("Decides to act;")]);
    expect(refused(good.slice(0, good.length / 2)).code).toBe("malformed");
    const spreadsheet = zipSync({
      "[Content_Types].xml": new TextEncoder().encode(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      ),
    });
    expect(refused(spreadsheet).message).toBe("This file is a zip archive, but not a Word document (.docx).");
    const broken = zipSync({
      "[Content_Types].xml": new TextEncoder().encode(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "word/document.xml": new TextEncoder().encode("<w:document><w:body>"),
    });
    expect(refused(broken)).toMatchObject({ code: "malformed", message: expect.stringContaining("word/document.xml") });
  });

  it("refuses a document without text", async () => {
    const empty = await word([p(""), p("   ")]);
    expect(() => read(empty)).toThrow(new DocxError("malformed", "This Word document has no text to import."));
  });
});
