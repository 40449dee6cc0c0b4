/**
 * One sync, step by step: conditional manifest request, signature, expiry, version order, size
 * cap, download, SHA-256, schema and references, then the diff applied in one transaction. Any
 * failure throws a SyncError before the database is touched (or inside the one transaction, which
 * then rolls back), so a failed sync leaves the corpus and the notes as they were.
 */
import { validateCorpus } from '../corpus/validate';
import type { ContextDatabase } from '../db';
import { applyCorpus, type ApplyResult } from './apply';
import { retryDelay } from './backoff';
import { describeDiff, diffSize } from './diff';
import { fingerprintCorpus } from './fingerprint';
import { fetchWithTimeout, formatBytes, parseJsonBytes, readCapped, SyncError, type Fetcher } from './fetch';
import { type FeedKey, sha256Hex, verifySignature } from './keys';
import { FeedSignatureSchema, parseManifest, signatureUrl, type FeedManifest } from './manifest';
import * as v from 'valibot';
import { appendLog, DEFAULT_SIZE_CAP, parseSyncLog, parseSyncSettings, parseSyncState, SYNC_LOG_KEY, SYNC_SETTINGS_KEY, SYNC_STATE_KEY, type SyncLogEntry, type SyncProgress, type SyncState, type SyncTimings } from './state';

const MANIFEST_CAP = 64 * 1024;

/** Storage the sync keeps its settings, state and log in (storage.local in the extension). */
export interface SyncStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SyncDeps {
  db: ContextDatabase;
  fetcher: Fetcher;
  keys: readonly FeedKey[];
  store: SyncStore;
  now?: () => number;
  sizeCap?: number;
  timeoutMs?: number;
  /** Whether the extension may read from the feed's origin (optional host permission). */
  hasPermission?: (url: string) => Promise<boolean>;
  onProgress?: (progress: Omit<SyncProgress, 'startedAt'>) => void;
  /** After a new corpus is in: rebuild the matcher data, drop caches. */
  afterApply?: (result: ApplyResult) => Promise<void>;
  holdMs?: number;
}

type Step = { outcome: 'updated'; message: string; version: number; etag?: string; timings: SyncTimings } | { outcome: 'unchanged'; message: string; version?: number; etag?: string };

/** Fetches, checks and applies the feed at `url`; throws a SyncError on any failure. */
export async function fetchAndApply(deps: SyncDeps, url: string, state: SyncState): Promise<Step> {
  const now = (deps.now ?? Date.now)();
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const sizeCap = deps.sizeCap ?? DEFAULT_SIZE_CAP;
  const progress = deps.onProgress ?? (() => {});
  if (deps.hasPermission && !(await deps.hasPermission(url))) {
    throw new SyncError(`The extension has no permission to read from ${new URL(url).host}. Set the feed address again in the settings and allow access.`, 'permission');
  }

  progress({ running: true, stage: 'manifest' });
  const headers: Record<string, string> = { accept: 'application/json' };
  if (state.etag && state.etagUrl === url) headers['if-none-match'] = state.etag;
  // no-store: the browser's own cache would answer a revalidation itself; we want the 304 (or not) from the host.
  const response = await fetchWithTimeout(deps.fetcher, url, { headers, cache: 'no-store' }, timeoutMs, 'manifest');
  if (response.status === 304) {
    (response as Response & { done?: () => void }).done?.();
    return { outcome: 'unchanged', message: 'The feed has not changed since the last check (HTTP 304).' };
  }
  const etag = response.headers.get('etag') ?? undefined;
  const manifestBytes = await readCapped(response, MANIFEST_CAP, 'manifest');
  parseJsonBytes(manifestBytes, 'manifest', response.headers.get('content-type'));

  const sigResponse = await fetchWithTimeout(deps.fetcher, signatureUrl(url), { cache: 'no-store' }, timeoutMs, 'signature').catch((error: unknown) => {
    if (error instanceof SyncError && error.kind === 'http') throw new SyncError(`The feed's manifest is not signed (no signature at ${signatureUrl(url)}): ${error.message} Nothing was changed.`, 'signature');
    throw error;
  });
  const sigBytes = await readCapped(sigResponse, 4096, 'signature');
  const sig = v.safeParse(FeedSignatureSchema, parseJsonBytes(sigBytes, 'signature', sigResponse.headers.get('content-type')));
  if (!sig.success) throw new SyncError("The feed's signature file is malformed. Nothing was changed.", 'signature');
  const verified = await verifySignature(manifestBytes, sig.output.keyId, sig.output.signature, deps.keys);
  if (!verified.ok) throw new SyncError(verified.problem, verified.problem.includes('does not trust') ? 'unknown-key' : 'signature');

  // Only now, signed by a trusted key, is the manifest's content believed.
  const parsed = parseManifest(JSON.parse(new TextDecoder().decode(manifestBytes)));
  if (!parsed.ok) throw new SyncError(parsed.problem, 'manifest');
  const manifest = parsed.manifest;
  if (Date.parse(manifest.expires) <= now) {
    throw new SyncError(`The feed's manifest expired on ${manifest.expires}: the host may be replaying an old one. The publisher must sign a fresh manifest; nothing was changed.`, 'expired');
  }
  const stored = await deps.db.meta.get('corpus');
  if (stored && stored.version === manifest.corpusVersion) {
    return { outcome: 'unchanged', message: `Version ${manifest.corpusVersion} is already installed.`, version: manifest.corpusVersion, ...(etag ? { etag } : {}) };
  }
  if (stored && stored.version > manifest.corpusVersion) {
    throw new SyncError(`The feed offers version ${manifest.corpusVersion}, older than the installed version ${stored.version}. The extension never goes back (use “Reset to the bundled corpus” for that).`, 'older');
  }
  if (manifest.corpus.size > sizeCap) {
    throw new SyncError(`The new corpus is ${formatBytes(manifest.corpus.size)}, over the ${formatBytes(sizeCap)} limit, so it was not downloaded.`, 'too-large');
  }

  const corpusUrl = resolveCorpusUrl(url, manifest);
  progress({ running: true, stage: 'download', fraction: 0 });
  const clock = () => performance.now();
  const t0 = clock();
  const corpusResponse = await fetchWithTimeout(deps.fetcher, corpusUrl, {}, timeoutMs, 'corpus');
  const bytes = await readCapped(corpusResponse, manifest.corpus.size, 'corpus', (n) => progress({ running: true, stage: 'download', fraction: n / manifest.corpus.size }));
  if (bytes.byteLength !== manifest.corpus.size) {
    throw new SyncError(`The corpus download was cut short (${formatBytes(bytes.byteLength)} of ${formatBytes(manifest.corpus.size)}). Nothing was changed.`, 'network');
  }

  const t1 = clock();
  progress({ running: true, stage: 'verify' });
  const digest = await sha256Hex(bytes);
  if (digest !== manifest.corpus.sha256) {
    throw new SyncError('The corpus file does not match the SHA-256 in the signed manifest: it was altered or damaged on the way. Nothing was changed.', 'hash');
  }
  const parsedCorpus = parseJsonBytes(bytes, 'corpus', corpusResponse.headers.get('content-type'));
  // Between the long CPU steps, let the background answer waiting requests (lookups, status).
  await yieldToEvents();
  const check = await validateCorpus(parsedCorpus, 'the new corpus');
  await yieldToEvents();
  if (!check.ok) {
    const more = check.problems.length > 3 ? ` (and ${check.problems.length - 3} more)` : '';
    throw new SyncError(`The new corpus did not pass its checks, so it was refused: ${check.problems.slice(0, 3).join('; ')}${more}.`, 'corpus');
  }
  if (check.corpus.version !== manifest.corpusVersion) {
    throw new SyncError(`The manifest announces version ${manifest.corpusVersion} but the corpus file is version ${check.corpus.version}. Nothing was changed.`, 'manifest');
  }

  // Row fingerprints are content hashing like the checks above: done here, outside the transaction.
  const fingerprints = fingerprintCorpus(check.corpus);
  await yieldToEvents();
  progress({ running: true, stage: 'apply', fraction: 0 });
  // The marker a restart finds if the browser closes before the transaction commits.
  await deps.store.set({ [SYNC_STATE_KEY]: { ...state, applyingVersion: manifest.corpusVersion } });
  const t2 = clock();
  let result: ApplyResult;
  try {
    result = await applyCorpus(deps.db, check.corpus, {
      sourceUrl: url,
      now,
      fingerprints,
      ...(deps.holdMs ? { holdMs: deps.holdMs } : {}),
      onProgress: (written, total) => progress({ running: true, stage: 'apply', fraction: total ? written / total : 1 }),
    });
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new SyncError(`The new corpus could not be written (${(error as Error).message}); the previous one was kept whole.`, 'database');
  }
  const t3 = clock();
  progress({ running: true, stage: 'matcher' });
  await yieldToEvents();
  await deps.afterApply?.(result);
  const t4 = clock();
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    outcome: 'updated',
    version: result.version,
    ...(etag ? { etag } : {}),
    timings: {
      downloadMs: round(t1 - t0),
      verifyMs: round(t2 - t1),
      applyMs: round(t3 - t2),
      matcherMs: round(t4 - t3),
      rowsWritten: diffSize(result.diff),
      phases: { readMs: round(result.phases.readMs), diffMs: round(result.phases.diffMs), writeMs: round(result.phases.writeMs) },
    },
    message: `Updated from version ${result.previousVersion ?? 'none'} to ${result.version}: ${describeDiff(result.diff)}.`,
  };
}

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The corpus file's URL: relative to the manifest, and on the manifest's origin (its host permission). */
export function resolveCorpusUrl(manifestUrl: string, manifest: FeedManifest): string {
  let resolved: URL;
  try {
    resolved = new URL(manifest.corpus.url, manifestUrl);
  } catch {
    throw new SyncError('The manifest names a corpus address that is not valid.', 'manifest');
  }
  if (resolved.origin !== new URL(manifestUrl).origin) throw new SyncError(`The manifest names a corpus on another host (${resolved.host}); a feed must serve both from one host.`, 'manifest');
  return resolved.href;
}

/**
 * Runs a sync of the configured feed and records it: the log entry, the ETag on success, the
 * failure count and next retry time (exponential backoff) on failure. Returns the log entry, or
 * null when no feed is set.
 */
export async function syncNow(deps: SyncDeps): Promise<SyncLogEntry | null> {
  const now = deps.now ?? Date.now;
  const stored = await deps.store.get([SYNC_SETTINGS_KEY, SYNC_STATE_KEY, SYNC_LOG_KEY]);
  const { feedUrl } = parseSyncSettings(stored[SYNC_SETTINGS_KEY]);
  if (!feedUrl) return null;
  const state = parseSyncState(stored[SYNC_STATE_KEY]);
  let entry: SyncLogEntry;
  let next: SyncState;
  try {
    const step = await fetchAndApply(deps, feedUrl, state);
    entry = { at: now(), url: feedUrl, outcome: step.outcome, message: step.message, ...(step.version ? { version: step.version } : {}), ...('timings' in step ? { timings: step.timings } : {}) };
    next = { failures: 0, lastAttemptAt: entry.at, ...(step.etag ? { etag: step.etag, etagUrl: feedUrl } : state.etagUrl === feedUrl && state.etag ? { etag: state.etag, etagUrl: feedUrl } : {}) };
  } catch (error) {
    const message = error instanceof SyncError ? error.message : `The sync failed unexpectedly (${(error as Error).message}); nothing was changed.`;
    entry = { at: now(), url: feedUrl, outcome: 'failed', message };
    const failures = state.failures + 1;
    // A failed sync forgets the ETag, so the next try fetches the manifest again in full.
    next = { failures, lastAttemptAt: entry.at, nextRetryAt: entry.at + retryDelay(failures, undefined, undefined, Math.random()) };
  }
  const log = parseSyncLog((await deps.store.get([SYNC_LOG_KEY]))[SYNC_LOG_KEY]);
  await deps.store.set({ [SYNC_STATE_KEY]: next, [SYNC_LOG_KEY]: appendLog(log, entry) });
  deps.onProgress?.({ running: false, stage: 'done' });
  return entry;
}

/**
 * On start-up: if a write was under way when the browser closed, the transaction never committed;
 * log it so the reader knows the previous corpus was kept, and allow a retry.
 */
export async function recoverInterruptedApply(deps: Pick<SyncDeps, 'db' | 'store' | 'now'>): Promise<SyncLogEntry | null> {
  const stored = await deps.store.get([SYNC_SETTINGS_KEY, SYNC_STATE_KEY, SYNC_LOG_KEY]);
  const state = parseSyncState(stored[SYNC_STATE_KEY]);
  if (state.applyingVersion === undefined) return null;
  const { applyingVersion, ...rest } = state;
  const meta = await deps.db.meta.get('corpus');
  if (meta?.version === applyingVersion) {
    await deps.store.set({ [SYNC_STATE_KEY]: rest });
    return null;
  }
  const entry: SyncLogEntry = {
    at: (deps.now ?? Date.now)(),
    url: parseSyncSettings(stored[SYNC_SETTINGS_KEY]).feedUrl,
    outcome: 'failed',
    message: `The browser closed while version ${applyingVersion} was being applied. Nothing of it was kept: the previous corpus${meta ? ` (version ${meta.version})` : ''} is whole. The next sync will try again.`,
  };
  await deps.store.set({ [SYNC_STATE_KEY]: { failures: rest.failures, ...(rest.lastAttemptAt ? { lastAttemptAt: rest.lastAttemptAt } : {}) }, [SYNC_LOG_KEY]: appendLog(parseSyncLog(stored[SYNC_LOG_KEY]), entry) });
  return entry;
}
