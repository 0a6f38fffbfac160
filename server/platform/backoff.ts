/** Capped exponential backoff with jitter: after the n-th failure in a row, a delay in [½, 1] × min(cap, base·2^(n−1)). */
export function backoffMs(failures: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(ceiling * (0.5 + random() / 2));
}
