/**
 * Figures in the results. Percentiles are nearest-rank everywhere, so every reported
 * p50/p99/max is a value that was observed: lateness percentiles are computed by the
 * database (`percentile_disc` in bench/decisions.ts) over every incident, and HTTP
 * latency percentiles come from the load generator's HDR histogram.
 */

/** Rounds for printing (1 decimal place unless told); null for a missing or non-finite figure. */
export const round = (v: number | null | undefined, places = 1): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** places) / 10 ** places;
