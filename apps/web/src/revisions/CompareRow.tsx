import type { ComparedRowView } from "@plenary/protocol";
import type { NumberedBlock } from "@plenary/schema";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { rowBlock, rowNumbers } from "./comparison.ts";
import { paragraphAnchor, revisionPaths, type VersionPair } from "./revisionPaths.ts";
import { StatusTag } from "./StatusTag.tsx";
import { WordChanges } from "./WordChanges.tsx";
import { type Piece, piecesByParagraph, type Side } from "./wordPieces.ts";

interface CompareRowProps {
  draftId: string;
  versions: VersionPair;
  row: ComparedRowView;
  /** The names of the older and newer versions ("Zero Draft", "Rev.1", "Live text"). */
  names: { old: string; new: string };
  /** The address's fragment points to this row. */
  targeted: boolean;
}

/**
 * One paragraph in both versions: its status, its numbers ("OP 12 — was
 * OP 10"), a link to it in this comparison and to its history, then its older
 * and newer wording with the words deleted and inserted marked.
 */
export function CompareRow({ draftId, versions, row, names, targeted }: CompareRowProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const block = rowBlock(row);
  const numbers = useNumbersText(row);
  const link = revisionPaths.compare(draftId, versions, block.id);
  return (
    <li
      className="compare-row"
      id={paragraphAnchor(block.id)}
      data-status={row.status}
      data-targeted={targeted || undefined}
      tabIndex={-1}
    >
      <div className="compare-row__head">
        <h3 id={headingId} className="compare-row__title">
          <StatusTag status={row.status} />
          <span className="compare-row__numbers">{numbers}</span>
        </h3>
        {row.matchedBy === "similarity" && (
          <span className="compare-row__note">{t("revisions.compare.bySimilarity")}</span>
        )}
        <span className="compare-row__links">
          <a href={link} aria-label={t("revisions.compare.linkTo", { label: numbers })}>
            {t("revisions.compare.link")}
          </a>
          <Link
            href={revisionPaths.history(draftId, block.id)}
            aria-label={t("revisions.paragraph.historyOf", { label: numbers })}
          >
            {t("revisions.paragraph.history")}
          </Link>
        </span>
      </div>
      <Cell side="old" name={names.old} blocks={row.old} changes={row.changes} />
      <Cell side="new" name={names.new} blocks={row.new} changes={row.changes} />
    </li>
  );
}

/** The row's numbers as a sentence: "OP 12 — was OP 10", "OP 3", "was OP 4", or what kind of unnumbered block it is. */
function useNumbersText(row: ComparedRowView): string {
  const { t } = useTranslation();
  const { now, was } = rowNumbers(row);
  if (now && was) return t("revisions.compare.numberWas", { now, was });
  if (now) return now;
  if (was) return t("revisions.compare.formerly", { was });
  return rowBlock(row).kind === "section" ? t("revisions.compare.heading") : t("revisions.compare.unnumbered");
}

function Cell({
  side,
  name,
  blocks,
  changes,
}: {
  side: Side;
  name: string;
  blocks: readonly NumberedBlock[];
  changes: ComparedRowView["changes"];
}) {
  const { t } = useTranslation();
  const texts = blocks.map((block) => block.text);
  const pieces: Piece[][] =
    piecesByParagraph(changes, side, texts) ?? texts.map((text) => [{ op: "equal", text } satisfies Piece]);
  return (
    <div className={`compare-row__cell compare-row__cell--${side}`}>
      <p className="compare-row__version" dir="auto">
        {name}
      </p>
      {blocks.length === 0 ? (
        <p className="compare-row__absent">{t("revisions.compare.absent", { name })}</p>
      ) : (
        blocks.map((block, index) => (
          <div key={block.id} className="compare-block" data-kind={block.kind}>
            {block.label && <span className="compare-block__label">{block.label}</span>}
            <p className="compare-block__words" dir="auto">
              <WordChanges pieces={pieces[index] ?? []} />
            </p>
          </div>
        ))
      )}
    </div>
  );
}
