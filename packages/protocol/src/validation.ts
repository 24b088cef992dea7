import { config } from "zod/v4/core";

/**
 * Makes the request schemas validate without generating code. Zod compiles object schemas with
 * `new Function` when it can, and probes whether it can; under a Content-Security-Policy without
 * 'unsafe-eval' (the web app's) that probe is refused and reported as a violation. Call once,
 * before the first validation, where such a policy applies.
 */
export function validateWithoutEval(): void {
  config({ jitless: true });
}
