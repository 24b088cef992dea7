import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

let headingAwaitsFocus = false;

/**
 * After an in-app navigation, the next page heading takes the focus, so that
 * keyboard and screen-reader users land at the top of the new page.
 */
export function focusNextPageHeading(): void {
  headingAwaitsFocus = true;
}

/**
 * The page's h1; focusable by script only, focused after an in-app navigation.
 * `dir="auto"` suits a heading that shows a document's own title, in whatever language.
 */
export function PageHeading({ children, dir }: { children: ReactNode; dir?: "auto" }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!headingAwaitsFocus) return;
    headingAwaitsFocus = false;
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading" dir={dir}>
      {children}
    </h1>
  );
}

/** Sets the document title to "<title> · Plenary". */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const app = t("app.name");
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
