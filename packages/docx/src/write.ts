import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import { NUMBER_LABEL } from "./labels.ts";
import type { Revision, WordBlock, WordRun, WordText } from "./model.ts";

/** Names of the paragraph styles Plenary writes, which its reader recognises on the way back in. */
export const PARAGRAPH_STYLES = {
  pp: { id: "PlenaryPreambular", name: "Preambular paragraph" },
  op: { id: "PlenaryOperative", name: "Operative paragraph" },
} as const;

const OP_LIST = "plenary-operative";

/**
 * Writes a .docx: the title as a Title paragraph (and in the document
 * properties), sections as Heading 1, operative paragraphs numbered 1., 2., …
 * by Word's own list numbering (so that accepting or rejecting a proposed
 * paragraph renumbers the rest), preambular paragraphs unnumbered as in a
 * resolution; a paragraph whose text starts with its own number ("1bis.")
 * keeps it instead. Changes become real tracked changes (w:ins / w:del) and
 * comments become Word comments.
 */
export async function writeDocx(text: WordText): Promise<Uint8Array> {
  const ids = { next: 1 };
  const marks = paragraphMarks(text.blocks);
  const document = new Document({
    title: text.title,
    creator: "Plenary",
    styles: {
      paragraphStyles: [PARAGRAPH_STYLES.pp, PARAGRAPH_STYLES.op].map((style) => ({
        ...style,
        basedOn: "Normal",
        next: style.id,
        quickFormat: true,
        paragraph: { spacing: { after: 160 } },
      })),
    },
    numbering: {
      config: [
        {
          reference: OP_LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 720 } } },
            },
          ],
        },
      ],
    },
    comments: {
      children: text.comments.map((comment) => ({
        id: comment.id,
        author: comment.author,
        date: new Date(comment.date),
        children: comment.text.split("\n").map((line) => new Paragraph(line)),
      })),
    },
    sections: [
      {
        children: [
          new Paragraph({ text: text.title, heading: HeadingLevel.TITLE, ...markOf(marks.title, ids) }),
          ...text.blocks.map((block, i) => paragraph(block, marks.blocks[i]!, ids)),
        ],
      },
    ],
  });
  return Packer.pack(document, "uint8array");
}

/**
 * The change on each paragraph's mark, the title's first. A proposed or struck
 * paragraph's mark is proposed or struck with it, except at the very end: the
 * last paragraph mark of a document cannot change, so, as Word itself does,
 * each of the proposed or struck paragraphs at the end puts its change on the
 * mark before it instead.
 */
function paragraphMarks(blocks: readonly WordBlock[]): { title: Revision[]; blocks: Revision[][] } {
  const marks = [[], ...blocks.map((block) => (block.change ? [block.change] : []))] as Revision[][];
  let first = marks.length;
  while (first > 1 && blocks[first - 2]!.change) first--;
  for (let i = first; i < marks.length; i++) marks[i - 1] = [blocks[i - 1]!.change!];
  if (first < marks.length) marks[marks.length - 1] = [];
  return { title: marks[0]!, blocks: marks.slice(1) };
}

function paragraph(block: WordBlock, markChanges: Revision[], ids: { next: number }): Paragraph {
  const children: ParagraphChild[] = [];
  if (block.comment !== null) children.push(new CommentRangeStart(block.comment));
  let open: number | null = null;
  const close = () => {
    if (open === null) return;
    children.push(new CommentRangeEnd(open), new TextRun({ children: [new CommentReference(open)] }));
    open = null;
  };
  for (const run of block.runs) {
    if (run.comment !== open) {
      close();
      if (run.comment !== null) {
        children.push(new CommentRangeStart(run.comment));
        open = run.comment;
      }
    }
    children.push(textRun(run, ids));
  }
  close();
  if (block.comment !== null) {
    children.push(new CommentRangeEnd(block.comment), new TextRun({ children: [new CommentReference(block.comment)] }));
  }
  const mark = markOf(markChanges, ids);
  if (block.kind === "section") return new Paragraph({ heading: HeadingLevel.HEADING_1, children, ...mark });
  if (block.kind === "plain") return new Paragraph({ children, ...mark });
  const text = block.runs.map((run) => run.text).join("");
  const numbered = block.kind === "op" && !NUMBER_LABEL.test(text.trimStart());
  return new Paragraph({
    style: PARAGRAPH_STYLES[block.kind].id,
    ...(numbered ? { numbering: { reference: OP_LIST, level: 0 } } : {}),
    children,
    ...mark,
  });
}

function markOf(changes: Revision[], ids: { next: number }) {
  return changes.length > 0
    ? { run: Object.fromEntries(changes.map((change) => [change.type, changed(change, ids)])) }
    : {};
}

function textRun(run: WordRun, ids: { next: number }): ParagraphChild {
  const format = { text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italics: true } : {}) };
  if (!run.change) return new TextRun(format);
  const change = changed(run.change, ids);
  return run.change.type === "insertion"
    ? new InsertedTextRun({ ...format, ...change })
    : new DeletedTextRun({ ...format, ...change });
}

function changed(revision: Revision, ids: { next: number }) {
  // Word wants every change to have its own id, and a date without fractions of a second.
  const id = ids.next++;
  return { id, author: revision.author, date: revision.date.replace(/\.\d+Z$/, "Z") };
}
