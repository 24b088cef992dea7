import type { ServerResponse } from "node:http";

/**
 * The Content-Security-Policy of every response. The web app is built by Vite into files served
 * from this origin: its scripts, styles, fonts, images, the collaboration WebSocket and the service
 * worker all come from 'self', and it has no inline script. Inline style attributes are allowed
 * (`style-src-attr`), because the editor's collaboration carets set their colour in one; style
 * sheets themselves come only from this origin. Nothing may frame the app (clickjacking), and
 * forms and `<base>` cannot point elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // 'self' also covers ws: and wss: on this host (CSP Level 3), i.e. /collab.
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers sent with every response: API, web app, health check and refusals alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  // Invitation links carry their token in the path: never send the address to another site.
  "referrer-policy": "no-referrer",
  // For browsers that predate frame-ancestors.
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** Sets {@link SECURITY_HEADERS} on a response before anything else writes to it. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** The same headers as lines of a raw HTTP answer (for refusals written straight to a socket). */
export function securityHeaderLines(): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
}
