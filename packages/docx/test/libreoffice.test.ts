import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DocJSON, doc, op, parseDocJSON, pp, withId } from "@plenary/schema";
import { acceptAll, rejectAll } from "@plenary/suggestions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparisonText, trackedText, writeDocx } from "../src/index.ts";
import { describeSuggestion, NEGOTIATION } from "./negotiation.ts";

// LibreOffice, headless, as an independent reader of the .docx files Plenary writes:
// test/libreoffice/decide_all.py starts soffice with a fresh profile, lists the tracked
// changes it sees, runs its own "Accept All" and "Reject All" commands through UNO and
// reports the paragraphs that result. Each run is bounded by a timeout.
const SCRIPT = new URL("libreoffice/decide_all.py", import.meta.url).pathname;
const TIMEOUT_MS = 45_000;

interface LibreOfficeView {
  redlines: { type: string; author: string; date: string }[];
  accepted: string[];
  rejected: string[];
  labels: string[];
  left: number;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plenary-lo-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function libreOffice(name: string, bytes: Uint8Array): Promise<{ view: LibreOfficeView; fodt: string }> {
  const out = await mkdtemp(join(dir, `${name}-`));
  const file = join(out, `${name}.docx`);
  await writeFile(file, bytes);
  const stdout = await new Promise<string>((done, fail) => {
    execFile("/usr/bin/python3", [SCRIPT, file, out], { timeout: TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) fail(new Error(`LibreOffice failed on ${name}.docx: ${error.message}\n${stderr}`));
      else done(stdout);
    });
  });
  return { view: JSON.parse(stdout) as LibreOfficeView, fodt: await readFile(join(out, "tracked.fodt"), "utf8") };
}

const paragraphs = (json: DocJSON) => json.content.map((node) => (node.content ?? []).map((l) => l.text).join(""));

describe("LibreOffice reading Plenary's .docx", () => {
  it(
    "sees every pending suggestion as a tracked change by its party, and its Accept All / Reject All give Plenary's texts",
    async () => {
      const bytes = await writeDocx(trackedText(NEGOTIATION, "Outcome document", describeSuggestion));
      const { view, fodt } = await libreOffice("tracked", bytes);

      expect(view.redlines).toEqual([
        { type: "Delete", author: "Brazil (Ana Souza)", date: "2026-03-03T14:00:00" },
        { type: "Insert", author: "Kenya (Joseph Mwangi)", date: "2026-03-02T09:15:30" },
        { type: "Insert", author: "Kenya (Joseph Mwangi)", date: "2026-03-02T09:15:30" },
        { type: "Delete", author: "Brazil (Ana Souza)", date: "2026-03-03T14:00:00" },
      ]);
      // The flat ODF LibreOffice writes has them as changed regions, with the party as the creator.
      const regions = [...fodt.matchAll(/<text:(insertion|deletion)>\s*<office:change-info>\s*<dc:creator>([^<]+)</g)];
      expect(regions.map((m) => `${m[1]} ${m[2]}`)).toEqual([
        "deletion Brazil (Ana Souza)",
        "insertion Kenya (Joseph Mwangi)",
        "insertion Kenya (Joseph Mwangi)",
        "deletion Brazil (Ana Souza)",
      ]);
      expect(fodt).toContain("Urgency is the point of this paragraph.");

      const title = "Outcome document";
      expect(view.accepted).toEqual([title, ...paragraphs(acceptAll(parseDocJSON(NEGOTIATION)).toJSON() as DocJSON)]);
      expect(view.left).toBe(0);
      expect(view.rejected).toEqual([title, ...paragraphs(rejectAll(parseDocJSON(NEGOTIATION)).toJSON() as DocJSON)]);
      // Word's list numbering, as LibreOffice lays it out once all is accepted: OP 1–3.
      expect(view.labels.filter(Boolean)).toEqual(["1.", "2.", "3."]);
    },
    TIMEOUT_MS,
  );

  it(
    "reads a comparison of two versions as tracked changes: Accept All gives the newer, Reject All the older",
    async () => {
      const older = doc(
        withId(pp("Recalling the Tunis Agenda;"), "a"),
        withId(op("Decides to act on the divide;"), "b"),
        withId(op("Invites States to act;"), "c"),
        withId(op("Requests a report;"), "d"),
      );
      const newer = doc(
        withId(pp("Recalling the Tunis Agenda and resolution 70/1;"), "a"),
        withId(op("Requests a report;"), "d"),
        withId(op("Decides to act urgently on the divide;"), "b"),
        withId(op("Calls upon all stakeholders to contribute;"), "e"),
      );
      const text = comparisonText(older, newer, "Compared", { author: "Rev.1", date: "2026-04-01T00:00:00Z" });
      const { view } = await libreOffice("comparison", await writeDocx(text));
      expect(new Set(view.redlines.map((r) => r.author))).toEqual(new Set(["Rev.1"]));
      expect(view.accepted).toEqual(["Compared", ...paragraphs(newer)]);
      expect(view.rejected).toEqual(["Compared", ...paragraphs(older)]);
    },
    TIMEOUT_MS,
  );
});
