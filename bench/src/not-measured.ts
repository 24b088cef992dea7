/** A workload that was not run, and why (a missing feature, a missing browser, a failure). */
export interface NotMeasured {
  measured: false;
  reason: string;
}

/** A {@link NotMeasured} for `reason`. */
export function notMeasured(reason: string): NotMeasured {
  return { measured: false, reason };
}

/** Whether `value` is a {@link NotMeasured} rather than a result. */
export function isNotMeasured(value: unknown): value is NotMeasured {
  return typeof value === "object" && value !== null && (value as { measured?: unknown }).measured === false;
}
