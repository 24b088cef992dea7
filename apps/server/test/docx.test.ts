import { cleanText, inspectDocx, readDocx, trackedText, writeDocx } from "@plenary/docx";
import type { DraftResponse, ProcessResponse, RevisionSummary, SuggestionListResponse } from "@plenary/protocol";
import { type DocJSON, doc, i, op, pp, section } from "@plenary/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PROCESS } from "../src/demo/seed.ts";
import { DOCX_TYPE } from "../src/docx/upload.ts";
import { EditorClient, positionIn } from "./editor-client.ts";
import { testServer } from "./harness.ts";
import { type HttpClient, signedIn } from "./http-client.ts";

const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email.startsWith(email))!;
const PROCESS = DEMO_PROCESS.id;

let t: Awaited<ReturnType<typeof testServer>>;
let clients: EditorClient[] = [];
beforeEach(async () => {
  t = await testServer();
});
afterEach(async () => {
  for (const client of clients) client.close();
  clients = [];
  await t.stop();
});

/** A zero draft as a facilitator would receive it from a secretariat: made in Word, numbered, with a heading. */
const ZERO_DRAFT = doc(
  section("Preamble"),
  pp(i("Recalling"), " its resolution 70/125 of 16 December 2015;"),
  pp(i("Welcoming"), " the contributions of all stakeholders;"),
  section("Operative part"),
  op(i("Decides"), " to convene a high-level meeting in 2027;"),
  op(i("Requests"), " the Secretary-General to report on progress;"),
);
const zeroDraftFile = () => writeDocx(cleanText(ZERO_DRAFT, "Zero draft of the outcome document"));

/** Sends a body as the browser's fetch would, with the session cookie and CSRF token of `client` (if any). */
async function send(client: HttpClient | null, path: string, body: Uint8Array | FormData | string, type?: string) {
  const headers: Record<string, string> = {};
  if (type) headers["content-type"] = type;
  if (client?.cookie) headers.cookie = client.cookie;
  if (client?.csrfToken) headers["x-csrf-token"] = client.csrfToken;
  const payload = body instanceof Uint8Array ? new Uint8Array(body) : body;
  const res = await fetch(`${t.server.url}${path}`, { method: "POST", headers, body: payload });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
}

async function draftCount(): Promise<number> {
  const res = await fetch(`${t.server.url}/api/processes/${PROCESS}`);
  return ((await res.json()) as ProcessResponse).drafts.length;
}

async function download(path: string) {
  const res = await fetch(`${t.server.url}${path}`);
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    disposition: res.headers.get("content-disposition"),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

async function importZeroDraft(facilitator: HttpClient): Promise<string> {
  const answer = await send(facilitator, `/api/processes/${PROCESS}/drafts/import`, await zeroDraftFile(), DOCX_TYPE);
  expect(answer.status).toBe(201);
  return (answer.body.draft as { id: string }).id;
}

const texts = (json: DocJSON) => json.content.map((node) => (node.content ?? []).map((l) => l.text).join(""));

describe("importing a .docx", () => {
  it("creates a draft from a facilitator's upload, paragraphs numbered, title from the document", async () => {
    const facilitator = await signedIn(t.server.url, account("facilitator"));
    const answer = await send(facilitator, `/api/processes/${PROCESS}/drafts/import`, await zeroDraftFile(), DOCX_TYPE);
    expect(answer.status).toBe(201);
    expect(answer.body.warnings).toEqual([]);
    expect((answer.body.blocks as { label: string | null }[]).map((b) => b.label)).toEqual([
      null,
      "PP 1",
      "PP 2",
      null,
      "OP 1",
      "OP 2",
    ]);
    const draft = answer.body.draft as { id: string; title: string };
    expect(draft.title).toBe("Zero draft of the outcome document");
    const stored = (await (await fetch(`${t.server.url}/api/drafts/${draft.id}`)).json()) as DraftResponse;
    expect(stored.blocks.map((b) => `${b.label ?? b.kind}: ${b.text}`)).toEqual([
      "section: Preamble",
      "PP 1: Recalling its resolution 70/125 of 16 December 2015;",
      "PP 2: Welcoming the contributions of all stakeholders;",
      "section: Operative part",
      "OP 1: Decides to convene a high-level meeting in 2027;",
      "OP 2: Requests the Secretary-General to report on progress;",
    ]);
  });

  it("takes a multipart form with a title field, and returns what could not be converted", async () => {
    const facilitator = await signedIn(t.server.url, account("facilitator"));
    const withChanges = trackedText(
      doc(
        op("Decides to act ", {
          type: "text",
          text: "now",
          marks: [{ type: "insertion", attrs: { id: "x", author: "a", party: "p" } }],
        }),
      ),
      "Untitled",
      () => ({ author: "Someone", date: "2026-01-01T00:00:00Z", comment: "Why not." }),
    );
    const form = new FormData();
    form.set("title", "Draft from the co-facilitators");
    form.set("file", new Blob([new Uint8Array(await writeDocx(withChanges))], { type: DOCX_TYPE }), "draft.docx");
    const answer = await send(facilitator, `/api/processes/${PROCESS}/drafts/import`, form);
    expect(answer.status).toBe(201);
    expect((answer.body.draft as { title: string }).title).toBe("Draft from the co-facilitators");
    expect((answer.body.warnings as { code: string }[]).map((w) => w.code)).toEqual(["tracked-change", "comment"]);
  });

  it("reads a multipart form whose boundary has capitals, as browsers write it", async () => {
    const facilitator = await signedIn(t.server.url, account("facilitator"));
    const boundary = "----WebKitFormBoundaryAbCdEfGh12";
    const file = await zeroDraftFile();
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nFrom a browser\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="draft.docx"\r\nContent-Type: ${DOCX_TYPE}\r\n\r\n`;
    const body = new Uint8Array([
      ...new TextEncoder().encode(head),
      ...file,
      ...new TextEncoder().encode(`\r\n--${boundary}--\r\n`),
    ]);
    const answer = await send(
      facilitator,
      `/api/processes/${PROCESS}/drafts/import`,
      body,
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(answer.status).toBe(201);
    expect((answer.body.draft as { title: string }).title).toBe("From a browser");
  });

  it("is refused to a delegate and to the public, and creates nothing", async () => {
    const before = await draftCount();
    const kenya = await signedIn(t.server.url, account("kenya"));
    const file = await zeroDraftFile();
    expect((await send(kenya, `/api/processes/${PROCESS}/drafts/import`, file, DOCX_TYPE)).status).toBe(403);
    expect((await send(null, `/api/processes/${PROCESS}/drafts/import`, file, DOCX_TYPE)).status).toBe(401);
    expect(await draftCount()).toBe(before);
  });

  it("refuses a malformed or non-.docx upload with a clear 400, the wrong content type with 415, and creates nothing", async () => {
    const before = await draftCount();
    const facilitator = await signedIn(t.server.url, account("facilitator"));
    const path = `/api/processes/${PROCESS}/drafts/import`;
    const good = await zeroDraftFile();
    const damaged = await send(facilitator, path, good.slice(0, 2000), DOCX_TYPE);
    expect(damaged.status).toBe(400);
    expect(damaged.body.error?.message).toMatch(/damaged/);
    const pdf = await send(facilitator, path, new TextEncoder().encode("%PDF-1.7"), DOCX_TYPE);
    expect(pdf).toMatchObject({
      status: 400,
      body: {
        error: {
          code: "invalid_input",
          message: "This file is not a Word document (.docx): it is not even a zip archive.",
        },
      },
    });
    expect((await send(facilitator, path, "Decides to act;", "text/plain")).status).toBe(415);
    const form = new FormData();
    form.set("title", "No file");
    expect((await send(facilitator, path, form)).status).toBe(400);
    expect(await draftCount()).toBe(before);
  });

  it("refuses a file over 10 MiB with 413", async () => {
    const facilitator = await signedIn(t.server.url, account("facilitator"));
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    const answer = await send(facilitator, `/api/processes/${PROCESS}/drafts/import`, big, DOCX_TYPE);
    expect(answer.status).toBe(413);
  });
});

describe("exporting", () => {
  it("gives the tracked .docx of a draft with delegations' suggestions as Word changes by “Party (person)”, rationale as comment", async () => {
    const facilitator = await signedIn(t.server.url, account("facilitator"));
    const draftId = await importZeroDraft(facilitator);
    const kenya = await EditorClient.open(t.server.url, account("kenya"), draftId);
    const brazil = await EditorClient.open(t.server.url, account("brazil"), draftId);
    clients.push(kenya, brazil);
    const op1 = kenya.doc.child(4).attrs.id as string;
    const pp2 = kenya.doc.child(2).attrs.id as string;
    kenya.suggest((s) => s.tr.insertText(" without delay", positionIn(s.doc, op1, "meeting")));
    await kenya.collab.acknowledged();
    brazil.suggest((s) => s.tr.delete(positionIn(s.doc, pp2, "of") + 1, positionIn(s.doc, pp2, "of all")));
    await brazil.collab.acknowledged();
    const list = (await kenya.http.get<SuggestionListResponse>(`/api/drafts/${draftId}/suggestions`)).body;
    const kenyas = list.suggestions.find((s) => s.party.name === "Kenya")!;
    await kenya.http.post(`/api/drafts/${draftId}/suggestions/${kenyas.id}/rationale`, { rationale: "Time matters." });

    const file = await download(`/api/drafts/${draftId}/export.docx?variant=tracked`);
    expect(file.status).toBe(200);
    expect(file.type).toBe(DOCX_TYPE);
    expect(file.disposition).toMatch(/^attachment; filename="Zero draft of the outcome document-tracked\.docx"/);
    const { changes, comments } = inspectDocx(file.bytes);
    expect(changes.map((c) => [c.type, c.author, c.text])).toEqual([
      ["deletion", "Brazil (Luisa Ferreira)", "all"],
      ["insertion", "Kenya (Joseph Mwangi)", " without delay"],
    ]);
    expect(changes.find((c) => c.type === "insertion")?.date).toBe(kenyas.createdAt.replace(/\.\d+Z$/, "Z"));
    expect(comments).toEqual([{ author: "Kenya (Joseph Mwangi)", text: "Time matters." }]);

    // The clean export is the agreed text: none of the pending suggestions.
    const clean = await download(`/api/drafts/${draftId}/export.docx?variant=clean`);
    expect(inspectDocx(clean.bytes).changes).toEqual([]);
    expect(texts(readDocx(clean.bytes).doc)).toEqual(texts(ZERO_DRAFT));

    const md = await download(`/api/drafts/${draftId}/export.md?variant=tracked`);
    expect(md.type).toBe("text/markdown; charset=utf-8");
    expect(new TextDecoder().decode(md.bytes)).toContain(
      "1. _Decides_ to convene a high-level meeting{++ without delay++}{>>Kenya (Joseph Mwangi)<<} in 2027;",
    );
  });

  it("exports a revision and compares two versions as a tracked .docx", async () => {
    const facilitator = await EditorClient.open(
      t.server.url,
      account("facilitator"),
      await importZeroDraft(await signedIn(t.server.url, account("facilitator"))),
    );
    clients.push(facilitator);
    const draftId = facilitator.collab.provider.configuration.name;
    const zero = (await facilitator.http.post<RevisionSummary>(`/api/drafts/${draftId}/revisions`, {})).body;
    const op2 = facilitator.doc.child(5).attrs.id as string;
    facilitator.edit((s) => s.tr.insertText(" annually", positionIn(s.doc, op2, "progress")));
    await facilitator.collab.acknowledged();

    const zeroFile = await download(`/api/drafts/${draftId}/export.docx?variant=clean&revision=${zero.id}`);
    expect(zeroFile.disposition).toContain("Zero Draft-clean.docx");
    expect(texts(readDocx(zeroFile.bytes).doc)).toEqual(texts(ZERO_DRAFT));

    const compared = await download(`/api/drafts/${draftId}/compare.docx?from=${zero.id}&to=live`);
    expect(compared.type).toBe(DOCX_TYPE);
    expect(inspectDocx(compared.bytes).changes).toEqual([
      { type: "insertion", author: "Plenary comparison", date: expect.any(String), text: " annually" },
    ]);
    expect((await download(`/api/drafts/${draftId}/compare.docx`)).status).toBe(400);
    expect((await download(`/api/drafts/${draftId}/export.docx?variant=fancy`)).status).toBe(400);
    expect((await download(`/api/drafts/${draftId}/export.docx?revision=rev-nope`)).status).toBe(404);
  });
});

describe("importing a later version", () => {
  it("compares it with the draft paragraph by paragraph and, when asked, stores it as a new draft keeping matched ids", async () => {
    const facilitator = await signedIn(t.server.url, account("facilitator"));
    const draftId = await importZeroDraft(facilitator);
    const later = doc(
      section("Preamble"),
      pp(i("Recalling"), " its resolution 70/125 of 16 December 2015;"),
      section("Operative part"),
      op(i("Decides"), " to convene a high-level meeting in 2028;"),
      op(i("Requests"), " the Secretary-General to report on progress;"),
      op(i("Invites"), " all stakeholders to contribute;"),
    );
    const file = await writeDocx(cleanText(later, "Rev.1"));
    const answer = await send(facilitator, `/api/drafts/${draftId}/import-version?store=true`, file, DOCX_TYPE);
    expect(answer.status).toBe(201);
    const rows = answer.body.rows as {
      status: string;
      matchedBy: string | null;
      old: { id: string }[];
      new: { text: string }[];
    }[];
    expect(rows.map((r) => r.status)).toEqual([
      "unchanged",
      "unchanged",
      "deleted",
      "unchanged",
      "changed",
      "unchanged",
      "added",
    ]);
    expect(answer.body.counts).toMatchObject({ changed: 1, deleted: 1, added: 1 });
    const created = answer.body.draft as { id: string; title: string };
    expect(created.title).toBe("Rev.1 (imported as a later version of “Zero draft of the outcome document”)");
    const original = (await (await fetch(`${t.server.url}/api/drafts/${draftId}`)).json()) as DraftResponse;
    const stored = (await (await fetch(`${t.server.url}/api/drafts/${created.id}`)).json()) as DraftResponse;
    const changed = rows.find((r) => r.status === "changed")!;
    expect(stored.blocks.find((b) => b.text.includes("2028"))?.id).toBe(changed.old[0]!.id);
    expect(original.blocks.map((b) => b.id)).toContain(stored.blocks[0]!.id);

    const compareOnly = await send(facilitator, `/api/drafts/${draftId}/import-version`, file, DOCX_TYPE);
    expect(compareOnly.status).toBe(200);
    expect(compareOnly.body.draft).toBeNull();
  });
});
