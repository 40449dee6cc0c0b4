/**
 * Benchmark-only hooks of the background: lookup timings, and the `diagnostics` request that
 * reads them. Used only behind `BENCH_BUILD` (lib/build-flags.ts), so a production build carries
 * none of this (tests/e2e/contract.e2e.ts checks the built files).
 */
import type { Envelope } from '@/lib/messages';

/** The last lookups' durations (in the service worker's memory only; gone when it sleeps). */
const lookupTimings: number[] = [];
const TIMINGS_KEPT = 500;

/** Appends to a bounded list of recent timings. */
export function remember(list: number[], ms: number): void {
  list.push(ms);
  if (list.length > TIMINGS_KEPT) list.splice(0, list.length - TIMINGS_KEPT);
}

/** Records one lookup's duration. */
export function recordLookup(ms: number): void {
  remember(lookupTimings, ms);
}

/** Answers `{ type: 'diagnostics' }` from an extension page; anything else is not a bench request (null). */
export function answerBenchRequest(message: unknown, fromExtensionPage: boolean): Envelope<{ lookupMs: number[] }> | null {
  if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== 'diagnostics') return null;
  if (!fromExtensionPage) return { ok: false, error: 'Only an extension page can read diagnostics.' };
  return { ok: true, value: { lookupMs: [...lookupTimings] } };
}
