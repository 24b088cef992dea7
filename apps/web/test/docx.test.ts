import { describe, expect, it } from "vitest";
import { docxPaths, looksLikeDocx } from "../src/docx/docxPaths.ts";
import { importProblemOf, warningKindOf } from "../src/docx/importOutcome.ts";
import { en } from "../src/i18n/locales/en.ts";

describe("Word addresses", () => {
  it("exports the live text by default, a revision when named, and escapes ids", () => {
    expect(docxPaths.docx("d 1", "tracked")).toBe("/api/drafts/d%201/export.docx?variant=tracked&revision=live");
    expect(docxPaths.docx("d1", "clean", "rev/2")).toBe("/api/drafts/d1/export.docx?variant=clean&revision=rev%2F2");
    expect(docxPaths.markdown("d1", "tracked", "r1")).toBe("/api/drafts/d1/export.md?variant=tracked&revision=r1");
    expect(docxPaths.compare("d1", "r1", "live")).toBe("/api/drafts/d1/compare.docx?from=r1&to=live");
  });

  it("sends the file's name, and the title only when one is given", () => {
    expect(docxPaths.importDraft("p 1", { filename: "Zero draft.docx", title: "  " })).toBe(
      "/api/processes/p%201/drafts/import?filename=Zero+draft.docx",
    );
    const query = new URL(docxPaths.importDraft("p1", { filename: "a.docx", title: " Résolution & co " }), "http://x")
      .searchParams;
    expect(query.get("title")).toBe("Résolution & co");
    expect(query.get("filename")).toBe("a.docx");
  });

  it("takes only .docx names", () => {
    expect(looksLikeDocx("Draft.DOCX")).toBe(true);
    expect(looksLikeDocx("draft.doc")).toBe(false);
    expect(looksLikeDocx("draft.docx.pdf")).toBe(false);
  });
});

describe("import outcome", () => {
  const failure = (status: number, code: string) => ({ ok: false as const, status, code, message: "…" });

  it("reads refusals by status and code", () => {
    expect(importProblemOf(failure(413, "payload_too_large"))).toBe("tooLarge");
    expect(importProblemOf(failure(415, "invalid_input"))).toBe("notDocx");
    expect(importProblemOf(failure(400, "invalid_input"))).toBe("unreadable");
    expect(importProblemOf(failure(403, "forbidden"))).toBe("general");
    expect(importProblemOf(failure(0, "unreachable"))).toBe("general");
  });

  it("names every kind of warning the reader gives, and an unknown one as other", () => {
    const codes = [
      "table",
      "image",
      "equation",
      "comment",
      "tracked-change",
      "footnote",
      "endnote",
      "formatting",
      "link",
      "line-break",
      "header-footer",
      "numbering-kept",
      "kind-guessed",
      "heading-guessed",
      "unsupported",
    ];
    for (const code of codes) {
      const kind = warningKindOf(code);
      expect(kind, code).not.toBe("other");
      expect(en.docx.import.kinds[kind], code).toBeTruthy();
    }
    expect(warningKindOf("hologram")).toBe("other");
    expect(warningKindOf("toString")).toBe("other");
  });
});
