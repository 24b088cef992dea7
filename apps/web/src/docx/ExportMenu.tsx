import { type KeyboardEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { docxPaths, LIVE_TEXT } from "./docxPaths.ts";
import "./docx.css";

/**
 * The ways to take a text away: Word (agreed text, or with every pending
 * suggestion as a tracked change by its party), Markdown, and the printer
 * (or a PDF) through the print style sheet. For the live text or a revision.
 */
export function ExportMenu({ draftId, revision = LIVE_TEXT }: { draftId: string; revision?: string }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  // Escape closes the menu and gives the focus back to its button.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !menu.current?.open) return;
    event.preventDefault();
    close();
    menu.current.querySelector("summary")?.focus();
  };
  const links = [
    { key: "docx-clean", href: docxPaths.docx(draftId, "clean", revision), label: t("docx.export.docxClean") },
    { key: "docx-tracked", href: docxPaths.docx(draftId, "tracked", revision), label: t("docx.export.docxTracked") },
    { key: "md-clean", href: docxPaths.markdown(draftId, "clean", revision), label: t("docx.export.markdownClean") },
    {
      key: "md-tracked",
      href: docxPaths.markdown(draftId, "tracked", revision),
      label: t("docx.export.markdownTracked"),
    },
  ];
  return (
    <details ref={menu} className="export-menu" onKeyDown={onKeyDown} data-testid="export-menu">
      <summary className="button button--quiet export-menu__button">{t("docx.export.menu")}</summary>
      <ul className="export-menu__list">
        {links.map((link) => (
          <li key={link.key}>
            <a className="export-menu__item" href={link.href} download data-export={link.key} onClick={close}>
              {link.label}
            </a>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="export-menu__item"
            onClick={() => {
              close();
              window.print();
            }}
          >
            {t("docx.export.print")}
          </button>
        </li>
      </ul>
    </details>
  );
}

/** On the comparison page: the two versions as one Word document, the differences as tracked changes. */
export function CompareDocxLink({ draftId, from, to }: { draftId: string; from: string; to: string }) {
  const { t } = useTranslation();
  return (
    <a className="button button--quiet" href={docxPaths.compare(draftId, from, to)} download data-export="compare-docx">
      {t("docx.export.compareDocx")}
    </a>
  );
}
