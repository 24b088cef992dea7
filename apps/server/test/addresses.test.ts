import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, ProxySettingError, proxyTrust, TRUST_NO_PROXY } from "../src/http/addresses.ts";
import { AttemptLimiter } from "../src/http/limiter.ts";

const loopback = proxyTrust("loopback");
const xff = (value: string) => ({ "x-forwarded-for": value });

describe("clientAddress", () => {
  it("is the connection's peer when no proxy is trusted, whatever the headers say", () => {
    expect(clientAddress("127.0.0.1", xff("203.0.113.9"), TRUST_NO_PROXY)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:198.51.100.7", xff("203.0.113.9"), TRUST_NO_PROXY)).toBe("198.51.100.7");
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(clientAddress("198.51.100.7", xff("203.0.113.9"), loopback)).toBe("198.51.100.7");
  });

  it("reads a trusted proxy's header from the right, past other trusted proxies", () => {
    const trust = proxyTrust("127.0.0.1, 10.0.0.0/8");
    expect(clientAddress("127.0.0.1", xff("203.0.113.9"), trust)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", xff("1.1.1.1, 203.0.113.9, 10.1.2.3"), trust)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", xff("10.9.9.9, 10.1.2.3"), trust)).toBe("10.9.9.9");
    expect(clientAddress("127.0.0.1", { "x-forwarded-for": ["1.1.1.1", "203.0.113.9"] }, trust)).toBe("203.0.113.9");
  });

  it("takes ports and brackets off, and stops at an entry it cannot read", () => {
    expect(clientAddress("::1", xff("203.0.113.9:51234"), loopback)).toBe("203.0.113.9");
    expect(clientAddress("::1", xff("[2001:DB8::1]:443"), loopback)).toBe("2001:db8::1");
    expect(clientAddress("::1", xff("203.0.113.9, garbage"), loopback)).toBe("::1");
    expect(clientAddress("::1", xff(""), loopback)).toBe("::1");
    expect(clientAddress("::1", {}, loopback)).toBe("::1");
  });

  it("reads RFC 7239 Forwarded when told to", () => {
    const trust = proxyTrust("loopback", "forwarded");
    const forwarded = (value: string) => ({ forwarded: value, "x-forwarded-for": "192.0.2.1" });
    expect(clientAddress("127.0.0.1", forwarded('for="[2001:db8:cafe::17]:4711"'), trust)).toBe("2001:db8:cafe::17");
    expect(clientAddress("127.0.0.1", forwarded("for=192.0.2.43;proto=https, for=198.51.100.17"), trust)).toBe(
      "198.51.100.17",
    );
    expect(clientAddress("127.0.0.1", forwarded("for=unknown"), trust)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", forwarded("proto=https"), trust)).toBe("127.0.0.1");
  });

  it("refuses a setting it cannot read, naming the entry", () => {
    expect(() => proxyTrust("10.0.0.0/33")).toThrow(ProxySettingError);
    expect(() => proxyTrust("proxy.example")).toThrow(/"proxy.example" is not an IP address/);
    expect(() => proxyTrust("10.0.0.0/8/8")).toThrow(ProxySettingError);
    expect(() => proxyTrust("10.0.0.0/x")).toThrow(ProxySettingError);
  });
});

describe("addressKey", () => {
  it("counts IPv4 by address and IPv6 by /64 network", () => {
    expect(addressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("2001:db8:1:2::1")).toBe(addressKey("2001:DB8:1:2:ffff:ffff:ffff:ffff"));
    expect(addressKey("2001:db8:1:2::1")).not.toBe(addressKey("2001:db8:1:3::1"));
    expect(addressKey("::1")).toBe("0000:0000:0000:0000::/64");
    expect(addressKey("64:ff9b::192.0.2.1")).toBe("0064:ff9b:0000:0000::/64");
  });
});

describe("AttemptLimiter", () => {
  const rule = { attempts: 2, windowMs: 1000 };

  it("counts an attempt under all its keys or none", () => {
    let now = 0;
    const limiter = new AttemptLimiter({ now: () => now });
    const pair = { key: "pair", rule };
    const address = { key: "address", rule: { attempts: 3, windowMs: 1000 } };
    expect(limiter.take([pair, address]).ok).toBe(true);
    expect(limiter.take([pair, address]).ok).toBe(true);
    const refused = limiter.take([pair, address]);
    expect(refused).toEqual({ ok: false, retryAfterMs: 1000 });
    // The refused attempt was not counted under "address": one more is left there.
    expect(limiter.take([address]).ok).toBe(true);
    expect(limiter.take([address]).ok).toBe(false);
    now = 1000;
    expect(limiter.take([pair, address]).ok).toBe(true);
  });

  it("gives an attempt back once, and forgets a key when told", () => {
    const limiter = new AttemptLimiter({ now: () => 0 });
    const key = { key: "k", rule };
    const first = limiter.take([key]);
    expect(first.ok).toBe(true);
    if (first.ok) {
      first.giveBack();
      first.giveBack();
    }
    expect(limiter.take([key]).ok).toBe(true);
    expect(limiter.take([key]).ok).toBe(true);
    expect(limiter.take([key]).ok).toBe(false);
    limiter.clear("k");
    expect(limiter.take([key]).ok).toBe(true);
  });

  it("keeps at most maxKeys keys, dropping ended windows first, then the oldest", () => {
    let now = 0;
    const limiter = new AttemptLimiter({ now: () => now, maxKeys: 100 });
    for (let i = 0; i < 100; i++) limiter.take([{ key: `old-${i}`, rule }]);
    now = 5000;
    for (let i = 0; i < 1000; i++) limiter.take([{ key: `new-${i}`, rule }]);
    expect(limiter.size).toBeLessThanOrEqual(100);
    // The newest keys are still counted.
    limiter.take([{ key: "new-999", rule }]);
    expect(limiter.take([{ key: "new-999", rule }]).ok).toBe(false);
  });
});
