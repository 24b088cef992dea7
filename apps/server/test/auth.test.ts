import type {
  ApiErrorBody,
  ApplicationView,
  InviteCreatedResponse,
  InviteInfoResponse,
  ParticipantView,
  SessionResponse,
} from "@plenary/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PROCESS } from "../src/demo/seed.ts";
import { testServer } from "./harness.ts";
import { HttpClient, signedIn } from "./http-client.ts";

const [FACILITATOR, KENYA, , OBSERVER] = DEMO_ACCOUNTS;
const PROCESS = DEMO_PROCESS.id;
const HOUR = 3600_000;

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops) await stop();
  stops = [];
});

/** A server whose clock the test moves. */
async function serverWithClock() {
  let now = Date.UTC(2026, 10, 23, 9, 0, 0);
  const t = await testServer({ now: () => new Date(now) });
  stops.push(t.stop);
  return { url: t.server.url, server: t.server, advance: (ms: number) => (now += ms) };
}

const errorCode = (body: unknown) => (body as ApiErrorBody).error.code;

describe("signing in", () => {
  it("gives a signed-in session in an HTTP-only, Secure, SameSite cookie", async () => {
    const { url } = await serverWithClock();
    const client = new HttpClient(url);
    const answer = await client.post<SessionResponse>("/api/auth/sign-in", FACILITATOR);
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^plenary_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(answer.body.user?.displayName).toBe(FACILITATOR.displayName);
    expect(answer.body.memberships).toEqual([{ processId: PROCESS, role: "facilitator" }]);
    expect((await client.get<SessionResponse>("/api/session")).body.user?.email).toBe(FACILITATOR.email);
  });

  it("refuses a wrong password and an unknown user with the same clear error", async () => {
    const { url } = await serverWithClock();
    const wrong = await new HttpClient(url).post("/api/auth/sign-in", {
      email: KENYA.email,
      password: "not-it-at-all",
    });
    const unknown = await new HttpClient(url).post("/api/auth/sign-in", {
      email: "nobody@x.org",
      password: "whatever1",
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(errorCode(wrong.body)).toBe("invalid_credentials");
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("stops accepting attempts after five failures, even with the right password", async () => {
    const { url } = await serverWithClock();
    const client = new HttpClient(url);
    for (let i = 0; i < 5; i++) {
      expect((await client.post("/api/auth/sign-in", { email: KENYA.email, password: `wrong-${i}` })).status).toBe(401);
    }
    const blocked = await client.post("/api/auth/sign-in", KENYA);
    expect(blocked.status).toBe(429);
    expect(errorCode(blocked.body)).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(client.cookie).toBeUndefined();
  });

  it("refuses an expired session and asks to sign in again", async () => {
    const { url, advance } = await serverWithClock();
    const client = await signedIn(url, KENYA);
    advance(8 * 24 * HOUR);
    const answer = await client.get("/api/session");
    expect(answer.status).toBe(401);
    expect(errorCode(answer.body)).toBe("session_expired");
  });

  it("refuses a forged session token, and clears the cookie so that the person can sign in again", async () => {
    const { url } = await serverWithClock();
    const client = new HttpClient(url);
    client.cookie = "plenary_session=forged-token-value";
    const answer = await client.get("/api/session");
    expect(answer.status).toBe(401);
    expect(errorCode(answer.body)).toBe("session_expired");
    expect(answer.headers.get("set-cookie")).toMatch(/plenary_session=;.*Max-Age=0/i);
    const stale = new HttpClient(url);
    stale.cookie = "plenary_session=forged-token-value";
    expect((await stale.post("/api/auth/sign-in", KENYA)).status).toBe(200);
    expect((await stale.get<SessionResponse>("/api/session")).body.user?.email).toBe(KENYA.email);
  });

  it("signs out: the old cookie no longer works", async () => {
    const { url } = await serverWithClock();
    const client = await signedIn(url, KENYA);
    const oldCookie = client.cookie;
    expect((await client.post("/api/auth/sign-out", {})).status).toBe(200);
    const replay = new HttpClient(url);
    replay.cookie = oldCookie;
    expect((await replay.get("/api/session")).status).toBe(401);
  });
});

describe("CSRF protection", () => {
  it("refuses a mutating request made with the cookie but without the CSRF token, and changes nothing", async () => {
    const { url, server } = await serverWithClock();
    const facilitator = await signedIn(url, FACILITATOR);
    const answer = await facilitator.post(
      `/api/processes/${PROCESS}/invites`,
      { role: "delegate", partyId: "party-norway" },
      { csrf: false },
    );
    expect(answer.status).toBe(403);
    expect(errorCode(answer.body)).toBe("csrf_failed");
    expect(server.accounts.store.participants(PROCESS)).toHaveLength(DEMO_ACCOUNTS.length);
  });

  it("refuses a request from another site's page", async () => {
    const { url } = await serverWithClock();
    const answer = await new HttpClient(url).post("/api/auth/sign-in", KENYA, { origin: "https://evil.example" });
    expect(answer.status).toBe(403);
    expect(errorCode(answer.body)).toBe("csrf_failed");
  });
});

describe("invitations", () => {
  async function invite(url: string, body: unknown) {
    const facilitator = await signedIn(url, FACILITATOR);
    const answer = await facilitator.post<InviteCreatedResponse>(`/api/processes/${PROCESS}/invites`, body);
    expect(answer.status).toBe(201);
    return answer.body;
  }

  it("a person signs up through a link and appears as a delegate of its party", async () => {
    const { url } = await serverWithClock();
    const { token } = await invite(url, { role: "delegate", partyId: "party-norway" });
    const info = await new HttpClient(url).get<InviteInfoResponse>(`/api/invites/${token}`);
    expect(info.body.party.name).toBe("Norway");
    expect(info.body.role).toBe("delegate");

    const newcomer = new HttpClient(url);
    const accepted = await newcomer.post<SessionResponse>(`/api/invites/${token}/accept`, {
      displayName: "Ingrid Berg",
      email: "ingrid@norway.example",
      password: "a-long-passphrase",
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.memberships).toEqual([{ processId: PROCESS, role: "delegate" }]);

    const facilitator = await signedIn(url, FACILITATOR);
    const { body } = await facilitator.get<{ participants: ParticipantView[] }>(
      `/api/processes/${PROCESS}/participants`,
    );
    const ingrid = body.participants.find((p) => p.user.email === "ingrid@norway.example");
    expect(ingrid?.role).toBe("delegate");
    expect(ingrid?.party.name).toBe("Norway");
  });

  it("an invitation can create the party it is bound to", async () => {
    const { url } = await serverWithClock();
    const created = await invite(url, {
      role: "delegate",
      party: { kind: "member-state", name: "Fiji", iso: "fj", regionalGroup: "asia-pacific" },
    });
    expect(created.party).toMatchObject({ name: "Fiji", iso: "FJ", stakeholderGroup: "government" });
  });

  it("refuses a link used already, and leaves the first account alone", async () => {
    const { url, server } = await serverWithClock();
    const { token } = await invite(url, { role: "observer", partyId: "party-uni-lab" });
    const first = { displayName: "Kofi", email: "kofi@uni.example", password: "a-long-passphrase" };
    expect((await new HttpClient(url).post(`/api/invites/${token}/accept`, first)).status).toBe(201);
    const again = await new HttpClient(url).post(`/api/invites/${token}/accept`, {
      ...first,
      email: "other@uni.example",
    });
    expect(again.status).toBe(410);
    expect(errorCode(again.body)).toBe("invite_used");
    expect(server.accounts.store.findUserByEmail("other@uni.example")).toBeUndefined();
  });

  it("refuses an expired link, and an unknown one", async () => {
    const { url, advance, server } = await serverWithClock();
    const { token } = await invite(url, { role: "delegate", partyId: "party-norway", expiresInHours: 24 });
    advance(25 * HOUR);
    const late = await new HttpClient(url).post(`/api/invites/${token}/accept`, {
      displayName: "Late",
      email: "late@norway.example",
      password: "a-long-passphrase",
    });
    expect(late.status).toBe(410);
    expect(errorCode(late.body)).toBe("invite_expired");
    expect(server.accounts.store.findUserByEmail("late@norway.example")).toBeUndefined();
    const unknown = await new HttpClient(url).get("/api/invites/not-a-real-token");
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown.body)).toBe("invite_not_found");
  });

  it("an invitation made for one e-mail address is accepted only with that address", async () => {
    const { url, server } = await serverWithClock();
    const { token } = await invite(url, { role: "delegate", partyId: "party-norway", email: "ingrid@norway.example" });
    const account = { displayName: "Someone Else", password: "a-long-passphrase" };
    for (const email of ["mallory@evil.example", "ingrid@norway.example.evil", "ingrid+x@norway.example"]) {
      const refused = await new HttpClient(url).post(`/api/invites/${token}/accept`, { ...account, email });
      expect(refused.status).toBe(403);
      expect(errorCode(refused.body)).toBe("invite_email_mismatch");
      expect(refused.headers.get("set-cookie")).toBeNull();
      expect(server.accounts.store.findUserByEmail(email)).toBeUndefined();
    }
    // The link still works for the person it was made for (whatever the case of the address).
    const accepted = await new HttpClient(url).post<SessionResponse>(`/api/invites/${token}/accept`, {
      ...account,
      displayName: "Ingrid Berg",
      email: "Ingrid@NORWAY.example",
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.memberships).toEqual([{ processId: PROCESS, role: "delegate" }]);
  });

  it("limits failed attempts to accept invitations from one address; accepted ones do not count", async () => {
    const { url, server, advance } = await serverWithClock();
    const { token } = await invite(url, { role: "observer", partyId: "party-uni-lab" });
    const account = { displayName: "Guesser", email: "guess@uni.example", password: "a-long-passphrase" };
    const statuses = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await new HttpClient(url).post(`/api/invites/guess-${i}/accept`, account)).status);
    }
    expect(statuses).toEqual(Array(10).fill(404));
    const limited = await new HttpClient(url).post(`/api/invites/${token}/accept`, account);
    expect(limited.status).toBe(429);
    expect(errorCode(limited.body)).toBe("rate_limited");
    expect(server.accounts.store.findUserByEmail(account.email)).toBeUndefined();
    advance(HOUR + 1000);
    expect((await new HttpClient(url).post(`/api/invites/${token}/accept`, account)).status).toBe(201);
    for (let i = 0; i < 12; i++) {
      const { token: next } = await invite(url, { role: "observer", partyId: "party-uni-lab" });
      const accepted = await new HttpClient(url).post(`/api/invites/${next}/accept`, {
        ...account,
        email: `member-${i}@uni.example`,
      });
      expect(accepted.status).toBe(201);
    }
  });

  it("refuses invalid input with a sentence saying what is wrong", async () => {
    const { url } = await serverWithClock();
    const facilitator = await signedIn(url, FACILITATOR);
    const answer = await facilitator.post(`/api/processes/${PROCESS}/invites`, {
      role: "king",
      partyId: "party-norway",
    });
    expect(answer.status).toBe(400);
    expect(errorCode(answer.body)).toBe("invalid_input");
    expect((answer.body as ApiErrorBody).error.message).toMatch(/role/);
  });
});

describe("accreditation", () => {
  const application = {
    organisation: "Rural Connectivity Network",
    stakeholderGroup: "civil-society",
    country: "NP",
    displayName: "Sita Gurung",
    email: "sita@rcn.example",
    password: "a-long-passphrase",
    statement: "We work with rural communities on affordable connectivity and want to contribute to section II.",
  };

  it("an organisation applies, its contact signs in to follow it; once approved, its member is an observer", async () => {
    const { url } = await serverWithClock();
    const applicant = new HttpClient(url);
    const applied = await applicant.post(`/api/processes/${PROCESS}/accreditations`, application);
    expect(applied.status).toBe(202);
    expect(applied.body).toEqual({ received: true });
    expect(applied.headers.get("set-cookie")).toBeNull();

    await applicant.signIn(application.email, application.password);
    expect(applicant.session?.memberships).toEqual([]);
    expect(applicant.session?.applications.map((a) => a.status)).toEqual(["pending"]);

    const facilitator = await signedIn(url, FACILITATOR);
    const queue = await facilitator.get<{ applications: ApplicationView[] }>(
      `/api/processes/${PROCESS}/accreditations`,
    );
    const pending = queue.body.applications.find((a) => a.organisation.name === application.organisation)!;
    expect(pending.statement).toBe(application.statement);
    const decided = await facilitator.post<ApplicationView>(`/api/accreditations/${pending.id}/decision`, {
      decision: "approve",
      reason: "Relevant expertise on section II.",
    });
    expect(decided.body.status).toBe("approved");

    const session = await applicant.get<SessionResponse>("/api/session");
    expect(session.body.memberships).toEqual([{ processId: PROCESS, role: "observer" }]);
    expect(session.body.party?.stakeholderGroup).toBe("civil-society");
  });

  it("a declined applicant sees the reason, and a decision cannot be taken twice", async () => {
    const { url } = await serverWithClock();
    const applicant = new HttpClient(url);
    await applicant.post(`/api/processes/${PROCESS}/accreditations`, application);
    await applicant.signIn(application.email, application.password);
    const facilitator = await signedIn(url, FACILITATOR);
    const id = applicant.session!.applications[0]!.id;
    await facilitator.post(`/api/accreditations/${id}/decision`, { decision: "decline", reason: "Outside the scope." });
    const twice = await facilitator.post(`/api/accreditations/${id}/decision`, { decision: "approve", reason: "Oops" });
    expect(twice.status).toBe(409);
    expect(errorCode(twice.body)).toBe("application_decided");

    const { body } = await applicant.get<SessionResponse>("/api/session");
    expect(body.applications[0]).toMatchObject({ status: "declined", reason: "Outside the scope." });
    expect(body.memberships).toEqual([]);
  });

  it("answers the same for an address that has an account, records nothing, and tells the address's owner", async () => {
    const { url, server } = await serverWithClock();
    const fresh = await new HttpClient(url).post(`/api/processes/${PROCESS}/accreditations`, {
      ...application,
      email: "fresh@rcn.example",
    });
    const partiesBefore = server.accounts.store.listParties().length;
    const applicationsBefore = server.accounts.store.applications(PROCESS).length;
    const taken = await new HttpClient(url).post(`/api/processes/${PROCESS}/accreditations`, {
      ...application,
      email: OBSERVER.email.toUpperCase(),
      organisation: "Impostor Foundation",
    });
    expect([taken.status, taken.body]).toEqual([fresh.status, fresh.body]);
    const names = (headers: Headers) => [...(headers as unknown as Map<string, string>).keys()].sort();
    expect(names(taken.headers)).toEqual(names(fresh.headers));
    expect(server.accounts.store.listParties()).toHaveLength(partiesBefore);
    expect(server.accounts.store.applications(PROCESS)).toHaveLength(applicationsBefore);
    // The applicant's password is not the account's: signing in with it fails like any wrong password.
    const impostor = await new HttpClient(url).post("/api/auth/sign-in", {
      email: OBSERVER.email,
      password: application.password,
    });
    expect(errorCode(impostor.body)).toBe("invalid_credentials");

    const owner = await signedIn(url, OBSERVER);
    expect(owner.session?.notices).toEqual([
      {
        id: expect.any(String),
        kind: "application-with-your-address",
        process: expect.objectContaining({ id: PROCESS }),
        organisation: "Impostor Foundation",
        at: expect.any(String),
      },
    ]);
    expect(owner.session?.applications).toEqual([]);
    const noticeId = owner.session!.notices[0]!.id;
    const dismissed = await owner.request<SessionResponse>("DELETE", `/api/session/notices/${noticeId}`, {});
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.notices).toEqual([]);
    const again = await owner.request("DELETE", `/api/session/notices/${noticeId}`, {});
    expect(again.status).toBe(404);
  });

  it("refuses more than five applications an hour from one address, before doing any work", async () => {
    const { url, server, advance } = await serverWithClock();
    const answers = [];
    for (let i = 0; i < 7; i++) {
      const answer = await new HttpClient(url).post(`/api/processes/${PROCESS}/accreditations`, {
        ...application,
        email: `flood-${i}@spam.example`,
      });
      answers.push(answer.status);
    }
    expect(answers).toEqual([202, 202, 202, 202, 202, 429, 429]);
    expect(server.accounts.store.findUserByEmail("flood-5@spam.example")).toBeUndefined();
    advance(61 * 60_000);
    const later = await new HttpClient(url).post(`/api/processes/${PROCESS}/accreditations`, {
      ...application,
      email: "later@rcn.example",
    });
    expect(later.status).toBe(202);
  });

  it("does not list the organisations of pending or declined applications among the parties", async () => {
    const { url } = await serverWithClock();
    const facilitator = await signedIn(url, FACILITATOR);
    const organisations = ["Pending Org", "Declined Org", "Approved Org"];
    for (const [i, organisation] of organisations.entries()) {
      await new HttpClient(url).post(`/api/processes/${PROCESS}/accreditations`, {
        ...application,
        organisation,
        email: `contact-${i}@orgs.example`,
      });
    }
    const queue = await facilitator.get<{ applications: ApplicationView[] }>(
      `/api/processes/${PROCESS}/accreditations`,
    );
    const idOf = (name: string) => queue.body.applications.find((a) => a.organisation.name === name)!.id;
    await facilitator.post(`/api/accreditations/${idOf("Declined Org")}/decision`, {
      decision: "decline",
      reason: "Outside the scope.",
    });
    await facilitator.post(`/api/accreditations/${idOf("Approved Org")}/decision`, {
      decision: "approve",
      reason: "Welcome.",
    });
    for (const client of [new HttpClient(url), facilitator]) {
      const { body } = await client.get<{ parties: { name: string }[] }>("/api/parties");
      const names = body.parties.map((party) => party.name);
      expect(names).toContain("Approved Org");
      expect(names).toContain("Kenya");
      expect(names).not.toContain("Pending Org");
      expect(names).not.toContain("Declined Org");
    }
  });
});
