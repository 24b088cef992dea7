import { createHash, createHmac, randomBytes } from "node:crypto";

/** A new unguessable token (256 bits, base64url). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A short random id for records (not a secret). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString("base64url")}`;
}

/** What is stored in place of a token: its SHA-256, so a leaked database holds no usable tokens. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** A token derived from another with a server secret: the same input always gives the same token. */
export function derivedToken(secret: string, input: string): string {
  return createHmac("sha256", secret).update(input).digest("base64url");
}
