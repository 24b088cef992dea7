import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ApiErrorBody } from "@plenary/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PROCESS } from "../src/demo/seed.ts";
import { SECURITY_HEADERS } from "../src/http/headers.ts";
import { tempDataDir, testServer } from "./harness.ts";
import { type HttpClient, signedIn } from "./http-client.ts";
import { RawHttp, rawRequest } from "./raw-http.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
let t: Awaited<ReturnType<typeof testServer>>;
let facilitator: HttpClient;
let webRoot: Awaited<ReturnType<typeof tempDataDir>>;

beforeAll(async () => {
  webRoot = await tempDataDir();
  await mkdir(join(webRoot.dir, "assets"));
  await writeFile(join(webRoot.dir, "index.html"), "<!doctype html><title>Plenary</title>");
  await writeFile(join(webRoot.dir, "assets", "app.js"), "console.log('app');");
  t = await testServer({ webRoot: webRoot.dir });
  facilitator = await signedIn(t.server.url, DEMO_ACCOUNTS[0]);
});
afterAll(async () => {
  await t.stop();
  await webRoot.remove();
});

/** The server still answers its health check (asked after every hostile request). */
async function healthy(): Promise<void> {
  const res = await fetch(`${t.server.url}/healthz`);
  expect(res.status).toBe(200);
}

const get = (target: string, headers = "") =>
  rawRequest(t.server.port, `GET ${target} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`);

function errorOf(body: string): ApiErrorBody["error"] {
  return (JSON.parse(body) as ApiErrorBody).error;
}

describe("malformed addresses", () => {
  for (const path of ["%E0%A4%A", "%", "%zz", "%C0%AF", "%ED%A0%80", "%FF", "a%2", "%%41"]) {
    it(`/api/drafts/${path} gets 400 with a clear error, not 500`, async () => {
      const answer = await get(`/api/drafts/${path}`);
      expect(answer?.status).toBe(400);
      expect(errorOf(answer!.body)).toEqual({
        code: "bad_request",
        message: expect.stringContaining("malformed percent-encoding"),
      });
      await healthy();
    });
  }

  for (const target of ["//[", "//[::1/api/drafts", "http://[/api"]) {
    it(`a request target "${target}" that is no URL gets 400`, async () => {
      const answer = await get(target);
      expect(answer?.status).toBe(400);
      await healthy();
    });
  }

  for (const target of ["//[", "/collab%", "/nothing"]) {
    it(`a WebSocket upgrade to "${target}" is refused with a 4xx, and the server lives on`, async () => {
      const answer = await rawRequest(
        t.server.port,
        `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
      );
      expect([400, 404]).toContain(answer?.status);
      expect(answer?.headers.get("content-security-policy")).toBe(SECURITY_HEADERS["content-security-policy"]);
      await healthy();
    });
  }
});

describe("malformed Origin headers", () => {
  const post = (origin: string) =>
    rawRequest(
      t.server.port,
      "POST /api/auth/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
        `Origin: ${origin}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );

  for (const origin of ["::::", "http://", "http://[::1", "://example.org", "%", "a".repeat(4000)]) {
    it(`"${origin.slice(0, 20)}" gets 400 bad_request`, async () => {
      const answer = await post(origin);
      expect(answer?.status).toBe(400);
      expect(errorOf(answer!.body)).toEqual({ code: "bad_request", message: expect.stringContaining("Origin") });
      await healthy();
    });
  }

  for (const origin of ["null", "javascript:alert(1)", "file:///etc/passwd", "https://localhost.evil.example"]) {
    it(`"${origin}" is another site: 403 csrf_failed`, async () => {
      const answer = await post(origin);
      expect(answer?.status).toBe(403);
      expect(errorOf(answer!.body).code).toBe("csrf_failed");
      await healthy();
    });
  }
});

describe("oversized bodies get a 413 the client can read", () => {
  const jsonHeaders = (length: string) =>
    `POST /api/auth/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${length}\r\n`;

  it("a declared length past the limit: 413 at once, the body is read and dropped, the connection serves on", async () => {
    const client = await RawHttp.open(t.server.port);
    await client.write(jsonHeaders("Content-Length: 1000000\r\n"));
    for (let sent = 0; sent < 1_000_000; sent += 50_000) await client.write(Buffer.alloc(50_000, 0x20));
    const answer = await client.answer();
    expect(answer?.status).toBe(413);
    expect(errorOf(answer!.body)).toEqual({ code: "payload_too_large", message: expect.stringContaining("64 KiB") });
    await client.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    expect((await client.answer())?.status).toBe(200);
    expect(client.ended).toBeUndefined();
    client.close();
  });

  it("a chunked body that grows past the limit: 413, no reset", async () => {
    const client = await RawHttp.open(t.server.port);
    await client.write(jsonHeaders("Transfer-Encoding: chunked\r\n"));
    const chunk = Buffer.alloc(32_768, 0x20);
    for (let i = 0; i < 30; i++)
      await client.write(Buffer.concat([Buffer.from("8000\r\n"), chunk, Buffer.from("\r\n")]));
    await client.write("0\r\n\r\n");
    const answer = await client.answer();
    expect(answer?.status).toBe(413);
    expect(client.ended).not.toBe("reset");
    client.close();
    await healthy();
  });

  it("a client waiting for 100 Continue with an oversized body gets the 413 instead, and need not send it", async () => {
    const client = await RawHttp.open(t.server.port);
    await client.write(
      `POST /api/processes/${DEMO_PROCESS.id}/drafts/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${DOCX}\r\n` +
        `Cookie: ${facilitator.cookie}\r\nX-CSRF-Token: ${facilitator.csrfToken}\r\n` +
        "Content-Length: 20000000\r\nExpect: 100-continue\r\n\r\n",
    );
    const answer = await client.answer();
    expect(answer?.status).toBe(413);
    client.close();
    await healthy();
  });

  it("a client waiting for 100 Continue with a body the endpoint takes gets the go-ahead", async () => {
    const client = await RawHttp.open(t.server.port);
    const body = JSON.stringify({ email: "nobody@example.org", password: "wrong-password" });
    await client.write(jsonHeaders(`Content-Length: ${body.length}\r\nExpect: 100-continue\r\n`));
    expect((await client.answer())?.status).toBe(100);
    await client.write(body);
    expect((await client.answer())?.status).toBe(401);
    client.close();
  });

  it("a streamed Word upload past 10 MiB: every try gets the 413, none a reset", async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const piece = Buffer.alloc(65_536, 1);
      let sent = 0;
      const body = new ReadableStream({
        pull(controller) {
          if (sent >= 30_000_000) return controller.close();
          sent += piece.length;
          controller.enqueue(piece);
        },
      });
      const res = await fetch(`${t.server.url}/api/processes/${DEMO_PROCESS.id}/drafts/import`, {
        method: "POST",
        headers: { cookie: facilitator.cookie!, "x-csrf-token": facilitator.csrfToken!, "content-type": DOCX },
        body,
        duplex: "half",
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as ApiErrorBody).error.code).toBe("payload_too_large");
    }
    await healthy();
  });
});

describe("free text that is not plain text is refused, and nothing is stored", () => {
  const hostile = [
    "<img src=x onerror=alert(1)>",
    "Fine <!-- hidden -->",
    "Evil\u202Egnp.exe",
    "bell\u0007",
    "</textarea>",
  ];

  it("in the reason of a decision on an application", async () => {
    await fetch(`${t.server.url}/api/processes/${DEMO_PROCESS.id}/accreditations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        organisation: "Hostile Text Org",
        stakeholderGroup: "academia",
        country: "AR",
        displayName: "Applicant",
        email: "hostile-applicant@example.org",
        password: "a-long-passphrase",
        statement: "We would like to follow the negotiation very closely.",
      }),
    });
    const application = t.server.accounts.store
      .applications(DEMO_PROCESS.id)
      .find((candidate) => candidate.contactName === "Applicant")!;
    for (const reason of hostile) {
      const answer = await facilitator.post(`/api/accreditations/${application.id}/decision`, {
        decision: "decline",
        reason,
      });
      expect(answer.status, reason).toBe(400);
      expect((answer.body as ApiErrorBody).error.code).toBe("invalid_input");
    }
    expect(t.server.accounts.store.getApplication(application.id)?.status).toBe("pending");
    await healthy();
  });

  it("in draft titles, revision names and notes, and names in invitations", async () => {
    const drafts = t.server.storage.listDrafts().length;
    for (const text of hostile) {
      const draft = await facilitator.post(`/api/processes/${DEMO_PROCESS.id}/drafts`, { title: text });
      expect(draft.status, text).toBe(400);
      const revision = await facilitator.post("/api/drafts/demo-zero-draft/revisions", { name: text });
      expect(revision.status, text).toBe(400);
      const note = await facilitator.post("/api/drafts/demo-zero-draft/revisions", { note: text });
      expect(note.status, text).toBe(400);
      const invite = await facilitator.post(`/api/processes/${DEMO_PROCESS.id}/invites`, {
        role: "delegate",
        party: { kind: "state-group", name: text },
      });
      expect(invite.status, text).toBe(400);
    }
    const twoLines = await facilitator.post(`/api/processes/${DEMO_PROCESS.id}/drafts`, { title: "One\nTwo" });
    expect((twoLines.body as ApiErrorBody).error.message).toBe("title: Write this on one line.");
    expect(t.server.storage.listDrafts()).toHaveLength(drafts);
    expect(t.server.accounts.store.listParties().some((party) => hostile.includes(party.name))).toBe(false);
    await healthy();
  });
});

describe("security headers", () => {
  const paths = [
    ["the health check", "/healthz"],
    ["an API answer", "/api/drafts"],
    ["an API refusal", "/api/nothing"],
    ["a malformed address", "/api/drafts/%zz"],
    ["the web app", "/"],
    ["a page of the web app", "/processes/demo-review"],
    ["a script of the web app", "/assets/app.js"],
  ];
  for (const [what, path] of paths) {
    it(`are sent with ${what}`, async () => {
      const answer = await get(path as string);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer?.headers.get(name)).toBe(value);
    });
  }

  it("forbid framing, inline scripts and plugins, and send no referrer", () => {
    const csp = SECURITY_HEADERS["content-security-policy"]!;
    const directives = new Map(
      csp.split(";").map((directive) => {
        const [name = "", ...values] = directive.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("worker-src")).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(SECURITY_HEADERS["x-frame-options"]).toBe("DENY");
    expect(SECURITY_HEADERS["x-content-type-options"]).toBe("nosniff");
    expect(SECURITY_HEADERS["referrer-policy"]).toBe("no-referrer");
  });
});
