/**
 * What the sync keeps in extension storage: the reader's feed settings, the last good ETag and the
 * failure count (for backoff), progress while a sync runs, and a bounded log. All read defensively.
 */

export const SYNC_SETTINGS_KEY = 'syncSettings';
export const SYNC_STATE_KEY = 'syncState';
export const SYNC_LOG_KEY = 'syncLog';
export const SYNC_PROGRESS_KEY = 'syncProgress';
/** The name of the alarm that runs scheduled syncs. */
export const SYNC_ALARM = 'corpus-sync';

export const INTERVAL_CHOICES_HOURS = [6, 12, 24, 72, 168] as const;
/** 20 MB: the paper's corpus is well under 1 MB; this leaves room to grow and none to abuse. */
export const DEFAULT_SIZE_CAP = 20 * 1024 * 1024;
export const LOG_KEPT = 50;

export interface SyncSettings {
  /** The manifest's URL; empty: no feed (the bundled corpus works offline). */
  feedUrl: string;
  intervalHours: number;
}

export const DEFAULT_SYNC_SETTINGS: Readonly<SyncSettings> = Object.freeze({ feedUrl: '', intervalHours: 24 });

export interface SyncState {
  /** ETag of the last manifest fully handled, for If-None-Match. */
  etag?: string;
  /** The feed the ETag belongs to. */
  etagUrl?: string;
  failures: number;
  lastAttemptAt?: number;
  nextRetryAt?: number;
  /** Set while a corpus is being written; found on start-up, it means the browser closed mid-apply. */
  applyingVersion?: number;
}

export type SyncOutcome = 'updated' | 'unchanged' | 'failed' | 'reset';

export interface SyncLogEntry {
  at: number;
  url: string;
  outcome: SyncOutcome;
  /** In words a reader understands. */
  message: string;
  version?: number;
  /** How long an update's steps took (the benchmark reads them). */
  timings?: SyncTimings;
}

export interface SyncTimings {
  downloadMs: number;
  /** SHA-256, JSON parse, schema, references, content hash, row fingerprints. */
  verifyMs: number;
  /** The one transaction: read the stored rows, diff, bulk writes, commit. */
  applyMs: number;
  /** Matcher data rebuilt and published to open tabs. */
  matcherMs: number;
  rowsWritten: number;
  /** Of applyMs, inside the transaction. */
  phases?: { readMs: number; diffMs: number; writeMs: number };
}

export interface SyncProgress {
  running: boolean;
  stage: 'manifest' | 'download' | 'verify' | 'apply' | 'matcher' | 'done';
  /** 0..1 within the stage where known. */
  fraction?: number;
  startedAt: number;
}

/** Only http(s) URLs without credentials; returns a reason when refused. */
export function checkFeedUrl(url: string): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'That is not a web address.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'The feed must be an https:// (or http://) address.';
  if (parsed.username || parsed.password) return 'The feed address must not contain a user name or password.';
  return null;
}

/** Keeps valid fields and defaults the rest. */
export function parseSyncSettings(value: unknown): SyncSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const feedUrl = typeof v.feedUrl === 'string' && v.feedUrl.length <= 2000 && checkFeedUrl(v.feedUrl) === null ? v.feedUrl : DEFAULT_SYNC_SETTINGS.feedUrl;
  const hours = Number(v.intervalHours);
  const intervalHours = Number.isFinite(hours) && hours >= 1 && hours <= 24 * 30 ? hours : DEFAULT_SYNC_SETTINGS.intervalHours;
  return { feedUrl, intervalHours };
}

/** Keeps what is well formed. */
export function parseSyncState(value: unknown): SyncState {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  const str = (x: unknown) => (typeof x === 'string' && x.length <= 2000 ? x : undefined);
  const out: SyncState = { failures: num(v.failures) ?? 0 };
  for (const [k, val] of [
    ['etag', str(v.etag)],
    ['etagUrl', str(v.etagUrl)],
  ] as const)
    if (val !== undefined) out[k] = val;
  for (const [k, val] of [
    ['lastAttemptAt', num(v.lastAttemptAt)],
    ['nextRetryAt', num(v.nextRetryAt)],
    ['applyingVersion', num(v.applyingVersion)],
  ] as const)
    if (val !== undefined) out[k] = val;
  return out;
}

/** The log's well-formed entries, newest first. */
export function parseSyncLog(value: unknown): SyncLogEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is SyncLogEntry => !!e && typeof e === 'object' && typeof e.at === 'number' && typeof e.url === 'string' && typeof e.message === 'string' && ['updated', 'unchanged', 'failed', 'reset'].includes(e.outcome))
    .slice(0, LOG_KEPT);
}

/** A new log with `entry` first, bounded. */
export function appendLog(log: readonly SyncLogEntry[], entry: SyncLogEntry): SyncLogEntry[] {
  return [entry, ...log].slice(0, LOG_KEPT);
}

/** The optional host permission a feed URL needs ("https://example.org/*"; ports are not part of a pattern). */
export function feedOriginPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** Test builds only: how long to hold the apply transaction open (storage key), for the mid-apply crash test. */
export const SYNC_TEST_HOLD_KEY = 'syncTestHoldMs';
/** Test builds only: a shorter network timeout (storage key), so the timeout case runs in seconds. */
export const SYNC_TEST_TIMEOUT_KEY = 'syncTestTimeoutMs';
