import { Document, type ISectionOptions, LevelFormat, Packer, Paragraph, TextRun } from "docx";

/** A predictable block id source for readDocx: b1, b2, … */
export function ids(): () => string {
  let n = 0;
  return () => `b${++n}`;
}

/** A list numbered 1., 2., … as Word's own numbering, under the reference "numbered". */
export const numberedList = {
  config: [{ reference: "numbered", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1." }] }],
};

/** A .docx of the given paragraphs, made with the `docx` library as any other program would. */
export function word(
  children: ISectionOptions["children"],
  options: Omit<ConstructorParameters<typeof Document>[0], "sections"> = {},
): Promise<Uint8Array> {
  return Packer.pack(new Document({ numbering: numberedList, ...options, sections: [{ children }] }), "uint8array");
}

/** A paragraph of plain text runs and formatted ones. */
export function p(...runs: (string | TextRun)[]): Paragraph {
  return new Paragraph({ children: runs.map((run) => (typeof run === "string" ? new TextRun(run) : run)) });
}

/** A paragraph numbered by Word's list numbering. */
export function numbered(...runs: (string | TextRun)[]): Paragraph {
  return new Paragraph({
    numbering: { reference: "numbered", level: 0 },
    children: runs.map((run) => (typeof run === "string" ? new TextRun(run) : run)),
  });
}

/** Italic text. */
export const em = (text: string) => new TextRun({ text, italics: true });
/** Bold text. */
export const bold = (text: string) => new TextRun({ text, bold: true });
