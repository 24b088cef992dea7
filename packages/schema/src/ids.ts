/** Length of generated block ids (characters of base 36, about 62 bits). */
const ID_LENGTH = 12;
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Returns a new random block id. Uses the platform's crypto random source, in the
 * browser and in Node alike; `random` may be injected by tests for reproducibility.
 */
export function newBlockId(random: (bytes: Uint8Array) => Uint8Array = defaultRandom): string {
  const bytes = random(new Uint8Array(ID_LENGTH));
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

// The pure packages compile without DOM or Node typings; both platforms have Web Crypto.
interface WebCrypto {
  getRandomValues(bytes: Uint8Array): Uint8Array;
}

function defaultRandom(bytes: Uint8Array): Uint8Array {
  return (globalThis as unknown as { crypto: WebCrypto }).crypto.getRandomValues(bytes);
}

/** Whether `value` has the shape of a block id (what the server accepts from clients). */
export function isBlockId(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-z_-]{1,64}$/.test(value);
}
