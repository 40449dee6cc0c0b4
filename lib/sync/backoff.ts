/** When to try again after failed syncs: exponential, capped, never sooner than the schedule would. */

export const RETRY_BASE_MS = 5 * 60_000;
export const RETRY_CAP_MS = 24 * 60 * 60_000;

/**
 * Delay before the next attempt after `failures` consecutive failures (1 = the first): base,
 * 2×base, 4×base… up to `cap`. `jitter` in [0, 1) spreads readers out by up to a tenth more, so a
 * host that came back is not hit by everyone at once.
 */
export function retryDelay(failures: number, base = RETRY_BASE_MS, cap = RETRY_CAP_MS, jitter = 0): number {
  if (failures <= 0) return 0;
  const exponential = base * 2 ** Math.min(failures - 1, 30);
  return Math.min(cap, exponential) * (1 + Math.min(Math.max(jitter, 0), 0.999) / 10);
}
