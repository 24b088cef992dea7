import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/** The server was asked to listen beyond this machine while the demo accounts can be signed in to. */
export class DemoOnPublicInterfaceError extends Error {
  override name = "DemoOnPublicInterfaceError";
  readonly host: string;

  constructor(host: string) {
    super(
      `Refusing to serve the demo accounts on ${host}: their passwords are public, and this address can be reached ` +
        "from other machines. Listen on 127.0.0.1 (the default), start without the demo (--no-demo, or configure a " +
        "real facilitator, which disables the demo accounts), or allow it explicitly with --allow-public-demo " +
        "(PLENARY_ALLOW_PUBLIC_DEMO=1).",
    );
    this.host = host;
  }
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * Whether listening on `host` keeps the server on this machine: a loopback address, or a name
 * all of whose addresses are loopback ("localhost"). The wildcard addresses (0.0.0.0, ::) and
 * every other interface are reachable from elsewhere.
 */
export async function isLoopbackHost(host: string): Promise<boolean> {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  const family = isIP(bare);
  if (family !== 0) return isLoopbackAddress(bare, family);
  try {
    const addresses = await lookup(bare, { all: true });
    return addresses.length > 0 && addresses.every(({ address, family }) => isLoopbackAddress(address, family));
  } catch {
    return false;
  }
}

function isLoopbackAddress(address: string, family: number): boolean {
  return LOOPBACK.check(address, family === 4 ? "ipv4" : "ipv6");
}
