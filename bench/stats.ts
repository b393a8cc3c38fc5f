/** Summaries of samples (ms): nearest-rank percentiles. */
export interface Summary {
  n: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0, p50: NaN, p99: NaN, min: NaN, max: NaN };
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { n: sorted.length, p50: round(pick(0.5)), p99: round(pick(0.99)), min: round(sorted[0]!), max: round(sorted.at(-1)!) };
}

export function median(values: number[]): number {
  return summarize(values).p50;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
