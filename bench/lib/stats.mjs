// Percentiles and rounding for the figures the benchmarks print.

/** The q-quantile of ascending `sorted` by the nearest-rank method (exact, no interpolation); NaN when empty. */
export function percentile(sorted, q) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN;
}

/** The middle value of ascending `sorted` (the upper one of an even count). */
export function median(sorted) {
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds for a table: one decimal below 100, whole above. */
export function ms(value) {
  return Number(value.toFixed(value < 100 ? 1 : 0));
}

/** Requests per second for a table: two decimals below 10, one above. */
export function perSecond(value) {
  return Number(value.toFixed(value < 10 ? 2 : 1));
}
