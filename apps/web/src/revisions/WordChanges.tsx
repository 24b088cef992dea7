import { useTranslation } from "react-i18next";
import type { Piece } from "./wordPieces.ts";

/**
 * Words with their changes: deletions struck through in `<del>`, insertions
 * underlined in `<ins>`, each announced as "deleted:" / "inserted:" to screen
 * readers, which do not read those elements out by themselves.
 */
export function WordChanges({ pieces }: { pieces: readonly Piece[] }) {
  const { t } = useTranslation();
  return (
    <>
      {pieces.map((piece, index) => {
        const key = `${index}-${piece.op}`;
        if (piece.op === "insert") {
          return (
            <ins key={key} className="redline-ins">
              <span className="visually-hidden">{`${t("revisions.words.inserted")} `}</span>
              {piece.text}
              <span className="visually-hidden">{` ${t("revisions.words.insertedEnd")} `}</span>
            </ins>
          );
        }
        if (piece.op === "delete") {
          return (
            <del key={key} className="redline-del">
              <span className="visually-hidden">{`${t("revisions.words.deleted")} `}</span>
              {piece.text}
              <span className="visually-hidden">{` ${t("revisions.words.deletedEnd")} `}</span>
            </del>
          );
        }
        return <span key={key}>{piece.text}</span>;
      })}
    </>
  );
}
