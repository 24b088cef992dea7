/** Percentiles of a set of samples (milliseconds, bytes, …). */
export interface Distribution {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Summarises `samples` by nearest-rank percentiles; throws on an empty set. */
export function distribution(samples: ArrayLike<number>): Distribution {
  if (samples.length === 0) throw new RangeError("No samples to summarise");
  const sorted = Float64Array.from(samples).sort();
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    min: sorted[0]!,
    p50: rank(0.5),
    p95: rank(0.95),
    p99: rank(0.99),
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}

/** The median of `samples`. */
export function median(samples: ArrayLike<number>): number {
  return distribution(samples).p50;
}
