/** How many attempts a key may make in a window. */
export interface LimitRule {
  attempts: number;
  windowMs: number;
}

/** One key to count an attempt under, with its rule. */
export interface LimitKey {
  key: string;
  rule: LimitRule;
}

/** What {@link AttemptLimiter.take} gives: a taken attempt (which can be given back), or a refusal. */
export type Attempt = { ok: true; giveBack(): void } | { ok: false; retryAfterMs: number };

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Counts attempts per key in fixed windows that start with a key's first attempt. An attempt is
 * counted under all its keys at once, synchronously, before the work it guards begins, so that
 * requests arriving together cannot all pass a limit they would break together. Memory is bounded:
 * past `maxKeys`, windows that have ended are dropped, then the oldest.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(options: { now?: () => number; maxKeys?: number } = {}) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /**
   * Counts one attempt under every key, or under none when any of them has used up its window:
   * then the refusal says how long until the last of those windows ends.
   */
  take(keys: readonly LimitKey[]): Attempt {
    const now = this.now();
    let retryAfterMs = 0;
    for (const { key, rule } of keys) {
      const window = this.current(key, now);
      if (window && window.count >= rule.attempts) retryAfterMs = Math.max(retryAfterMs, window.endsAt - now);
    }
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    const taken: Window[] = keys.map(({ key, rule }) => this.count(key, rule, now));
    let givenBack = false;
    return {
      ok: true,
      giveBack: () => {
        if (givenBack) return;
        givenBack = true;
        for (const window of taken) window.count = Math.max(0, window.count - 1);
      },
    };
  }

  /** Forgets the attempts counted under `key` (e.g. an account's failures once its owner signs in). */
  clear(key: string): void {
    this.windows.delete(key);
  }

  /** How many keys are being counted (for tests of the memory bound). */
  get size(): number {
    return this.windows.size;
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private count(key: string, rule: LimitRule, now: number): Window {
    let window = this.current(key, now);
    if (!window) {
      window = { count: 0, endsAt: now + rule.windowMs };
      this.windows.set(key, window);
      if (this.windows.size > this.maxKeys) this.prune(now);
    }
    window.count += 1;
    return window;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
