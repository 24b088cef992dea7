import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { HocuspocusProvider } from "@hocuspocus/provider";
import { ACTIONS, type Action, type DraftResponse, PERMISSIONS, ROLES, type Role } from "@plenary/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { demoDraft } from "../src/demo/demo-draft.ts";
import { DEMO_ACCOUNTS, DEMO_PROCESS } from "../src/demo/seed.ts";
import { appendText, blockText, collabUrl, testServer, waitFor } from "./harness.ts";
import { HttpClient, signedIn } from "./http-client.ts";

const PROCESS = DEMO_PROCESS.id;
const DRAFT = demoDraft.id;
const PARAGRAPH = demoDraft.doc.content.find((n) => n.attrs?.kind === "op")!.attrs!.id as string;

/** Who tries: one account per role, a signed-in person with no role (a pending applicant), and nobody. */
type Identity = "facilitator" | "delegate" | "observer" | "applicant" | "nobody";
const ROLE_OF: Record<Identity, Role> = {
  facilitator: "facilitator",
  delegate: "delegate",
  observer: "observer",
  applicant: "public",
  nobody: "public",
};

let t: Awaited<ReturnType<typeof testServer>>;
let brazil: HttpClient;
const clients = {} as Record<Identity, HttpClient>;
let counter = 0;

beforeAll(async () => {
  t = await testServer();
  const url = t.server.url;
  const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
  clients.facilitator = await signedIn(url, account("facilitator"));
  clients.delegate = await signedIn(url, account("delegate"));
  clients.observer = await signedIn(url, account("observer"));
  clients.applicant = new HttpClient(url);
  const applied = application("applicant");
  await clients.applicant.post(`/api/processes/${PROCESS}/accreditations`, applied);
  await clients.applicant.signIn(applied.email, applied.password);
  clients.nobody = new HttpClient(url);
  brazil = await signedIn(url, DEMO_ACCOUNTS.find((a) => a.email.startsWith("brazil"))!);
});
afterAll(() => t.stop());

function application(tag: string) {
  counter += 1;
  return {
    organisation: `Organisation ${tag} ${counter}`,
    stakeholderGroup: "academia",
    country: "AR",
    displayName: `Applicant ${counter}`,
    email: `applicant-${tag}-${counter}@example.org`,
    password: "a-long-passphrase",
    statement: "We research digital cooperation and would like to follow the negotiation closely.",
  };
}

const ok = (status: number) => status >= 200 && status < 300;

/** Brazil's delegation proposes an insertion over the WebSocket; resolves with the suggestion's id. */
async function brazilSuggests(): Promise<string> {
  const id = `brazil-${++counter}`;
  const ref = { id, author: brazil.session!.user!.id, party: brazil.session!.party!.id };
  const { edited } = await collab(brazil, ` [proposal ${id}]`, ref);
  if (!edited) throw new Error("Brazil's suggestion was not accepted by the server");
  return id;
}

/** Opens a WebSocket as the client (with its collab token, if signed in); resolves with what the server allowed. */
async function collab(
  client: HttpClient,
  edit: string | undefined,
  suggestion?: { id: string; author: string; party: string },
): Promise<{ read: boolean; edited: boolean }> {
  const ydoc = new Y.Doc();
  let refused = false;
  let synced = false;
  const provider = new HocuspocusProvider({
    url: collabUrl(t.server.url),
    name: DRAFT,
    document: ydoc,
    token: client.session?.collabToken ?? "",
    onSynced: () => {
      synced = true;
    },
    onAuthenticationFailed: () => {
      refused = true;
    },
    onClose: () => {
      refused = true;
    },
  });
  try {
    await waitFor(() => synced || refused, "the connection is synced or refused");
    if (!synced || edit === undefined) return { read: synced, edited: false };
    appendText(ydoc, PARAGRAPH, edit, suggestion ? { insertion: suggestion } : undefined);
    await waitFor(() => refused || !provider.hasUnsyncedChanges, "the edit is acknowledged or refused");
    const { body } = await clients.nobody.get<DraftResponse>(`/api/drafts/${DRAFT}`);
    return { read: true, edited: blockText(body, PARAGRAPH)?.includes(edit) ?? false };
  } finally {
    provider.destroy();
    ydoc.destroy();
  }
}

/** How each action is tried, over the real HTTP API or WebSocket; resolves true when the server allowed it. */
const PROBES: Record<Action, (client: HttpClient, who: Identity) => Promise<boolean>> = {
  "process.read": async (c) => ok((await c.get(`/api/processes/${PROCESS}`)).status),
  "draft.read": async (c) => ok((await c.get(`/api/drafts/${DRAFT}`)).status) && (await collab(c, undefined)).read,
  "draft.edit": async (c, who) => (await collab(c, ` [edit by ${who} ${++counter}]`)).edited,
  "draft.suggest": async (c, who) => {
    const user = c.session?.user;
    const ref = { id: `sugg-${who}-${++counter}`, author: user?.id ?? "nobody", party: c.session?.party?.id ?? "none" };
    return (await collab(c, ` [suggested by ${who} ${counter}]`, ref)).edited;
  },
  "suggestion.support": async (c) =>
    ok((await c.request("POST", `/api/drafts/${DRAFT}/suggestions/${await brazilSuggests()}/support`)).status),
  "suggestion.reply": async (c) =>
    ok(
      (await c.post(`/api/drafts/${DRAFT}/suggestions/${await brazilSuggests()}/replies`, { text: "We agree." }))
        .status,
    ),
  "suggestion.decide": async (c) =>
    ok(
      (
        await c.post(`/api/drafts/${DRAFT}/suggestions/${await brazilSuggests()}/decision`, {
          decision: "accept",
          reason: "",
        })
      ).status,
    ),
  "revision.publish": async (c) => ok((await c.post(`/api/drafts/${DRAFT}/revisions`, { note: "probe" })).status),
  "draft.create": async (c) => ok((await c.post(`/api/processes/${PROCESS}/drafts`, { title: "New draft" })).status),
  "participants.read": async (c) => ok((await c.get(`/api/processes/${PROCESS}/participants`)).status),
  "participants.manage": async (c, who) => {
    const target = await t.server.accounts.createAccount({
      displayName: `Target of ${who}`,
      email: `target-${who}-${++counter}@example.org`,
      password: "a-long-passphrase",
      partyId: "party-norway",
      processId: PROCESS,
      role: "delegate",
    });
    const path = `/api/processes/${PROCESS}/participants/${target.id}`;
    const changed = ok((await c.post(`${path}/role`, { role: "observer" })).status);
    const removed = ok((await c.request("DELETE", path, {})).status);
    const role = t.server.accounts.store.roleOf(PROCESS, target.id);
    // Both or neither: and what the server answered is what it did.
    expect(role).toBe(removed ? "public" : changed ? "observer" : "delegate");
    return changed && removed;
  },
  "invite.create": async (c) =>
    ok((await c.post(`/api/processes/${PROCESS}/invites`, { role: "delegate", partyId: "party-norway" })).status),
  "accreditation.apply": async (c, who) =>
    ok((await c.post(`/api/processes/${PROCESS}/accreditations`, application(who))).status),
  "accreditation.review": async (c) => ok((await c.get(`/api/processes/${PROCESS}/accreditations`)).status),
};

describe("who may do what, enforced by the server", () => {
  const identities = Object.keys(ROLE_OF) as Identity[];
  for (const action of Object.keys(ACTIONS) as Action[]) {
    for (const who of identities) {
      const allowed = PERMISSIONS[action].includes(ROLE_OF[who]);
      it(`${action}: ${who} is ${allowed ? "allowed" : "refused"}`, async () => {
        expect(await PROBES[action](clients[who], who)).toBe(allowed);
      });
    }
  }
});

describe("docs/security.md", () => {
  it("shows the same table of role × action as the server enforces", () => {
    const doc = readFileSync(resolve(import.meta.dirname, "../../../docs/security.md"), "utf8");
    const rows = new Map<string, string[]>();
    for (const line of doc.split("\n")) {
      const cells = line.split("|").map((cell) => cell.trim());
      const action = /^`([a-z.]+)`$/.exec(cells[1] ?? "")?.[1];
      if (action) rows.set(action, cells.slice(3, 3 + ROLES.length));
    }
    const expected = new Map(
      (Object.keys(ACTIONS) as Action[]).map((action) => [
        action,
        ROLES.map((role) => (PERMISSIONS[action].includes(role) ? "yes" : "no")),
      ]),
    );
    expect(rows).toEqual(expected);
  });
});
