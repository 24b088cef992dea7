import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/** log2 of scrypt's N by default: OWASP's N=2^17, r=8, p=1 (128 MiB, ~0.3 s per hash on a small machine). */
export const DEFAULT_PASSWORD_COST = 17;
const MAX_MEMORY = 256 * 1024 * 1024;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((done, fail) => {
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, params, (error, key) => (error ? fail(error) : done(key)));
  });
}

/**
 * Hashes a password with scrypt (Node's built-in implementation) and a random
 * salt: "scrypt$N$r$p$salt$key". `cost` is log2 of N; the parameters travel in
 * the hash, so the cost can be raised later without breaking old hashes.
 */
export async function hashPassword(password: string, cost = DEFAULT_PASSWORD_COST): Promise<string> {
  const params = { N: 2 ** cost, r: 8, p: 1, maxmem: MAX_MEMORY };
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Whether `password` matches a hash made by {@link hashPassword}; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
