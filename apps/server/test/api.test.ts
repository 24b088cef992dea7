import type { ApiErrorBody, DraftListResponse, DraftResponse } from "@plenary/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDraft } from "../src/demo/demo-draft.ts";
import { getJSON, testServer } from "./harness.ts";

describe("HTTP API", () => {
  let t: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    t = await testServer();
  });
  afterAll(() => t.stop());

  it("answers the health check", async () => {
    expect(await getJSON(`${t.server.url}/healthz`)).toEqual({ status: 200, body: { ok: true } });
  });

  it("lists the demo draft loaded on first start", async () => {
    const { status, body } = await getJSON<DraftListResponse>(`${t.server.url}/api/drafts`);
    expect(status).toBe(200);
    expect(body.drafts.map((d) => [d.id, d.title])).toEqual([[demoDraft.id, demoDraft.title]]);
  });

  it("returns a draft's text with computed paragraph numbers", async () => {
    const { status, body } = await getJSON<DraftResponse>(`${t.server.url}/api/drafts/${demoDraft.id}`);
    expect(status).toBe(200);
    expect(body.doc).toEqual(demoDraft.doc);
    const ops = body.blocks.filter((b) => b.kind === "op");
    expect(ops.map((b) => b.label)).toEqual(ops.map((_, i) => `OP ${i + 1}`));
    expect(body.blocks.map((b) => b.id)).toEqual(demoDraft.doc.content.map((n) => n.attrs?.id));
  });

  it("answers an unknown draft with 404 and a clear error", async () => {
    const { status, body } = await getJSON<ApiErrorBody>(`${t.server.url}/api/drafts/no-such-draft`);
    expect(status).toBe(404);
    expect(body.error.code).toBe("draft_not_found");
    expect(body.error.message).toContain("no-such-draft");
  });

  it("answers a malformed draft id with 404 without touching storage", async () => {
    const { status, body } = await getJSON<ApiErrorBody>(
      `${t.server.url}/api/drafts/${encodeURIComponent("a'; DROP")}`,
    );
    expect(status).toBe(404);
    expect(body.error.code).toBe("draft_not_found");
    expect(t.server.storage.listDrafts()).toHaveLength(1);
  });

  it("refuses methods that would change something, and changes nothing", async () => {
    const res = await fetch(`${t.server.url}/api/drafts`, { method: "POST", body: "{}" });
    expect(res.status).toBe(405);
    expect(((await res.json()) as ApiErrorBody).error.code).toBe("method_not_allowed");
    expect(t.server.storage.listDrafts()).toHaveLength(1);
  });

  it("answers an unknown API path with 404", async () => {
    const { status, body } = await getJSON<ApiErrorBody>(`${t.server.url}/api/nothing`);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });
});
