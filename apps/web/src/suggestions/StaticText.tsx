import { numberDocument } from "@plenary/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { DOMSerializer } from "@tiptap/pm/model";
import { useLayoutEffect, useRef } from "react";

/**
 * A read-only rendering of a document (the text as if all suggestions were
 * accepted, or the original), drawn with the editor's own classes and margin
 * numbers, so the two read alike. Numbers are those of the rendered text.
 */
export function StaticText({ doc, label }: { doc: PMNode; label: string }) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const fragment = DOMSerializer.fromSchema(doc.type.schema).serializeFragment(doc.content);
    const labels = numberDocument(doc).map((block) => block.label);
    Array.from(fragment.children).forEach((element, index) => {
      const label = labels[index];
      if (!label) return;
      element.classList.add("pl-numbered");
      element.setAttribute("data-label", label);
    });
    root.replaceChildren(fragment);
  }, [doc]);
  return <section ref={ref} className="draft-text draft-text--static" aria-label={label} dir="auto" />;
}
