import type { ApiErrorBody } from "@plenary/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../src/demo/seed.ts";
import type { ServerOptions } from "../src/index.ts";
import { testServer } from "./harness.ts";
import { HttpClient } from "./http-client.ts";

const [, KENYA, BRAZIL, OBSERVER] = DEMO_ACCOUNTS;
const MINUTE = 60_000;

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A server behind a reverse proxy on this machine (it trusts loopback's X-Forwarded-For), with a clock the test moves. */
async function behindProxy(options: Partial<ServerOptions> = {}) {
  let now = Date.UTC(2026, 10, 23, 9, 0, 0);
  const t = await testServer({ now: () => new Date(now), trustedProxies: "loopback", ...options });
  stops.push(t.stop);
  return { url: t.server.url, advance: (ms: number) => (now += ms) };
}

/** A browser at `address`, as the proxy reports it. */
function from(url: string, address: string, header = "x-forwarded-for", value = address): HttpClient {
  const client = new HttpClient(url);
  client.headers[header] = value;
  return client;
}

const signIn = (client: HttpClient, email: string, password: string) =>
  client.post<ApiErrorBody>("/api/auth/sign-in", { email, password });
const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;

describe("sign-in limits", () => {
  it("40 wrong passwords sent at once: only 5 are checked, the rest are refused before any hashing", async () => {
    const { url } = await behindProxy();
    const attacker = from(url, "198.51.100.7");
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(attacker, KENYA.email, `guess-number-${i}`)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
    const limited = answers.find((answer) => answer.status === 429)!;
    expect(codeOf(limited.body)).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even the right password is refused from there now…
    expect((await signIn(attacker, KENYA.email, KENYA.password)).status).toBe(429);
    // …while the owner, elsewhere, signs in.
    expect((await signIn(from(url, "203.0.113.9"), KENYA.email, KENYA.password)).status).toBe(200);
  });

  it("a stranger cannot lock an account by claiming its owner's address in a header the proxy passes on", async () => {
    const { url } = await behindProxy();
    // The proxy appends the address it sees; what the client wrote stays to the left of it.
    const attacker = from(url, "", "x-forwarded-for", "203.0.113.9, 198.51.100.7");
    for (let i = 0; i < 8; i++) await signIn(attacker, KENYA.email, `guess-${i}`);
    expect((await signIn(attacker, KENYA.email, KENYA.password)).status).toBe(429);
    expect((await signIn(from(url, "203.0.113.9"), KENYA.email, KENYA.password)).status).toBe(200);
  });

  it("one address cannot try many accounts: past 20 failures it is refused for every account", async () => {
    const { url, advance } = await behindProxy();
    const sprayer = from(url, "198.51.100.7");
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await signIn(sprayer, `person-${i}@example.org`, "password-1")).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
    expect((await signIn(sprayer, BRAZIL.email, BRAZIL.password)).status).toBe(429);
    expect((await signIn(from(url, "198.51.100.8"), BRAZIL.email, BRAZIL.password)).status).toBe(200);
    advance(15 * MINUTE + 1000);
    expect((await signIn(sprayer, BRAZIL.email, BRAZIL.password)).status).toBe(200);
  });

  it("an IPv6 client is counted by its /64 network, however many addresses it uses in it", async () => {
    const { url } = await behindProxy();
    for (let i = 0; i < 5; i++) await signIn(from(url, `2001:db8:1:2::${i + 1}`), KENYA.email, `guess-${i}`);
    expect((await signIn(from(url, "2001:db8:1:2:ffff::9"), KENYA.email, KENYA.password)).status).toBe(429);
    expect((await signIn(from(url, "2001:db8:1:3::1"), KENYA.email, KENYA.password)).status).toBe(200);
  });

  it("a successful sign-in does not count, and clears the failures of that account from that address", async () => {
    const { url } = await behindProxy();
    const owner = from(url, "203.0.113.9");
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await signIn(owner, KENYA.email, `typo-${i}`)).status).toBe(401);
      expect((await signIn(owner, KENYA.email, KENYA.password)).status).toBe(200);
    }
  });

  it("with the Forwarded header (RFC 7239) set by the proxy instead", async () => {
    const { url } = await behindProxy({ proxyHeader: "forwarded" });
    const attacker = from(url, "", "forwarded", 'for="[2001:db8::1]:4711";proto=https, for=198.51.100.7');
    for (let i = 0; i < 5; i++) await signIn(attacker, OBSERVER.email, `guess-${i}`);
    expect((await signIn(attacker, OBSERVER.email, OBSERVER.password)).status).toBe(429);
    expect(
      (await signIn(from(url, "", "forwarded", "for=2001:db8::1"), OBSERVER.email, OBSERVER.password)).status,
    ).toBe(200);
  });

  it("without a trusted proxy, forwarded headers are ignored: varying them does not get round the limit", async () => {
    const { url } = await behindProxy({ trustedProxies: [] });
    for (let i = 0; i < 5; i++) await signIn(from(url, `198.51.100.${i}`), KENYA.email, `guess-${i}`);
    expect((await signIn(from(url, "198.51.100.77"), KENYA.email, KENYA.password)).status).toBe(429);
    const forwarded = from(url, "", "forwarded", "for=198.51.100.78");
    expect((await signIn(forwarded, KENYA.email, KENYA.password)).status).toBe(429);
  });

  it("a proxy that is not the configured one is not believed", async () => {
    const { url } = await behindProxy({ trustedProxies: "10.0.0.0/8, fd00::/8" });
    for (let i = 0; i < 5; i++) await signIn(from(url, `198.51.100.${i}`), KENYA.email, `guess-${i}`);
    expect((await signIn(from(url, "198.51.100.77"), KENYA.email, KENYA.password)).status).toBe(429);
  });

  it("malformed forwarded headers are read as no address at all, never as an error", async () => {
    const { url } = await behindProxy();
    for (const value of ["", "not-an-address", "1.2.3.4.5", "[::1", "unknown", "_hidden", ",,,", "1.2.3.4:99999999x"]) {
      const answer = await signIn(from(url, "", "x-forwarded-for", value), KENYA.email, KENYA.password);
      expect(answer.status).toBe(200);
    }
  });
});
