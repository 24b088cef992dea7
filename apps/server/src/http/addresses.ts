import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP, isIPv4 } from "node:net";

/** The header a trusted reverse proxy puts the client's address in. */
export type ProxyHeader = "x-forwarded-for" | "forwarded";

/** An entry of the trusted-proxy setting that is not an address, a range or a keyword. */
export class ProxySettingError extends Error {
  override name = "ProxySettingError";
}

/**
 * Which reverse proxies are believed when they say who the client is. With no proxy trusted
 * (the default), forwarded headers are ignored and the client is the peer of the TCP connection.
 */
export interface ProxyTrust {
  proxies: BlockList;
  /** Whether any proxy is trusted at all. */
  any: boolean;
  header: ProxyHeader;
}

/** Trusts no proxy: the client's address is the connection's. */
export const TRUST_NO_PROXY: ProxyTrust = { proxies: new BlockList(), any: false, header: "x-forwarded-for" };

/**
 * Reads the trusted-proxy setting: addresses and CIDR ranges separated by commas or spaces
 * ("127.0.0.1, 10.0.0.0/8, fd00::/8"), or the keyword `loopback` (127.0.0.0/8 and ::1).
 * Throws {@link ProxySettingError} naming an entry it cannot read.
 */
export function proxyTrust(setting: string | readonly string[], header: ProxyHeader = "x-forwarded-for"): ProxyTrust {
  const entries = (typeof setting === "string" ? setting.split(/[\s,]+/) : setting).filter(Boolean);
  const proxies = new BlockList();
  for (const entry of entries) addEntry(proxies, entry);
  return { proxies, any: entries.length > 0, header };
}

function addEntry(proxies: BlockList, entry: string): void {
  if (entry === "loopback") {
    proxies.addSubnet("127.0.0.0", 8, "ipv4");
    proxies.addAddress("::1", "ipv6");
    return;
  }
  const [address = "", bits, extra] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) {
    throw new ProxySettingError(`"${entry}" is not an IP address, a CIDR range or "loopback".`);
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  if (bits === undefined) {
    proxies.addAddress(address, type);
    return;
  }
  const prefix = Number(bits);
  if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) {
    throw new ProxySettingError(`"${entry}" has an invalid prefix length.`);
  }
  proxies.addSubnet(address, prefix, type);
}

/**
 * The address of the client that made a request. The TCP peer, unless it is a trusted proxy:
 * then the proxy's header is read from the right (the entry the proxy itself added) leftwards,
 * past further trusted proxies, to the first address that is not one. Entries a client wrote
 * itself sit further left and are never reached unless every proxy in between is trusted.
 * A malformed entry stops the walk at the last address that was believed.
 */
export function clientAddress(peer: string | undefined, headers: IncomingHttpHeaders, trust: ProxyTrust): string {
  let client = normalise(peer ?? "") ?? "unknown";
  if (!trust.any || !isTrusted(trust, client)) return client;
  const hops = trust.header === "forwarded" ? forwardedFor(headers.forwarded) : forwardedList(headers);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hopAddress(hops[i] ?? "");
    if (!hop) return client;
    client = hop;
    if (!isTrusted(trust, hop)) return hop;
  }
  return client;
}

/**
 * The key under which attempts from an address are counted: the address itself for IPv4, its
 * /64 network for IPv6 (one household or server usually holds a whole /64).
 */
export function addressKey(address: string): string {
  if (isIPv4(address) || isIP(address) !== 6) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function isTrusted(trust: ProxyTrust, address: string): boolean {
  return trust.proxies.check(address, isIPv4(address) ? "ipv4" : "ipv6");
}

function forwardedList(headers: IncomingHttpHeaders): string[] {
  const value = headers["x-forwarded-for"];
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  return text.split(",").map((entry) => entry.trim());
}

// RFC 7239: `Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"`.
function forwardedFor(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(",").map((element) => {
    for (const pair of element.split(";")) {
      const [name, ...rest] = pair.split("=");
      if (name?.trim().toLowerCase() === "for")
        return rest
          .join("=")
          .trim()
          .replace(/^"(.*)"$/, "$1");
    }
    return "";
  });
}

// One entry of a forwarded header: an address, possibly with a port ("203.0.113.7:5000",
// "[2001:db8::1]:4711"); "unknown", obfuscated names and anything else give undefined.
function hopAddress(entry: string): string | undefined {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return isIP(bracketed[1] ?? "") === 6 ? normalise(bracketed[1] ?? "") : undefined;
  const withPort = /^([\d.]+):\d+$/.exec(entry);
  if (withPort) return isIPv4(withPort[1] ?? "") ? withPort[1] : undefined;
  return isIP(entry) ? normalise(entry) : undefined;
}

// IPv4 clients of a dual-stack socket appear as "::ffff:203.0.113.7".
function normalise(address: string): string | undefined {
  const mapped = /^::ffff:([\d.]+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1] ?? "")) return mapped[1];
  if (isIP(address) === 6) return address.toLowerCase();
  return isIPv4(address) ? address : undefined;
}

function expandIPv6(address: string): string[] {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  // An embedded IPv4 tail ("64:ff9b::192.0.2.1") stands for two groups.
  const width = (groups: string[]) => groups.length + (groups.at(-1)?.includes(".") ? 1 : 0);
  const fill = address.includes("::") ? 8 - width(left) - width(right) : 0;
  const groups = [...left, ...Array<string>(Math.max(fill, 0)).fill("0"), ...right];
  return groups.map((group) => group.padStart(4, "0"));
}
