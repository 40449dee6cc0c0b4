/**
 * Corpus sync in the background: the schedule (alarms), "Sync now" and "Reset" requests, progress
 * in storage for the popup and options page, and after a new corpus the matcher data rebuilt so
 * open tabs highlight new terms without a reload. The steps themselves are in lib/sync.
 */
import type { ContextDatabase } from '@/lib/db';
import { isTestBuild, trustedKeys } from '@/lib/sync/keys';
import { resetToBundled } from '@/lib/sync/reset';
import { recoverInterruptedApply, syncNow, type SyncDeps } from '@/lib/sync/run';
import {
  appendLog,
  feedOriginPattern,
  parseSyncLog,
  parseSyncSettings,
  parseSyncState,
  SYNC_ALARM,
  SYNC_LOG_KEY,
  SYNC_PROGRESS_KEY,
  SYNC_SETTINGS_KEY,
  SYNC_STATE_KEY,
  SYNC_TEST_HOLD_KEY,
  SYNC_TEST_TIMEOUT_KEY,
  type SyncLogEntry,
  type SyncProgress,
} from '@/lib/sync/state';

const RETRY_ALARM = `${SYNC_ALARM}-retry`;

export interface SyncHooks {
  db: () => ContextDatabase;
  /** Waits for the bundled corpus set-up, so a sync never races the first load. */
  ready: () => Promise<unknown>;
  readBundled: () => Promise<unknown>;
  /** The corpus changed: republish matcher data, drop the lookup cache. */
  corpusChanged: () => Promise<void>;
  /** The feed address changed (its host permission must not turn into a site the content script runs on). */
  feedChanged?: () => Promise<unknown>;
}

let running: Promise<SyncLogEntry | null> | undefined;
/** The start-up check for an interrupted apply; a sync waits for it, so it never reads a live sync's marker. */
let recovered: Promise<unknown> = Promise.resolve();

const store: SyncDeps['store'] = {
  get: (keys) => browser.storage.local.get(keys),
  set: (items) => browser.storage.local.set(items),
};

/** Runs one sync (joining one already under way). */
export function runSync(hooks: SyncHooks): Promise<SyncLogEntry | null> {
  running ??= (async () => {
    await recovered;
    await hooks.ready();
    const startedAt = Date.now();
    let lastWrite = 0;
    const test = isTestBuild() ? await browser.storage.local.get([SYNC_TEST_HOLD_KEY, SYNC_TEST_TIMEOUT_KEY]) : {};
    const holdMs = Number(test[SYNC_TEST_HOLD_KEY]) || 0;
    const testTimeout = Number(test[SYNC_TEST_TIMEOUT_KEY]) || 0;
    const entry = await syncNow({
      db: hooks.db(),
      fetcher: (url, init) => fetch(url, init),
      keys: trustedKeys(),
      store,
      holdMs,
      ...(testTimeout ? { timeoutMs: testTimeout } : {}),
      hasPermission: (url) => browser.permissions.contains({ origins: [feedOriginPattern(url)] }),
      onProgress: (p) => {
        // Progress goes to storage for the pages to show; at most every 100 ms except stage changes.
        const now = Date.now();
        if (p.fraction !== undefined && p.fraction > 0 && p.fraction < 1 && now - lastWrite < 100) return;
        lastWrite = now;
        const progress: SyncProgress = { ...p, startedAt };
        void browser.storage.local.set({ [SYNC_PROGRESS_KEY]: progress });
      },
      afterApply: () => hooks.corpusChanged(),
    });
    await scheduleSync();
    return entry;
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** Puts the bundled corpus back (the only way to go to an older version), and logs it. */
export async function resetCorpus(hooks: SyncHooks): Promise<SyncLogEntry> {
  await running?.catch(() => {});
  const outcome = await resetToBundled(hooks.db(), await hooks.readBundled());
  if (outcome.status === 'rejected') throw new Error(`The bundled corpus did not pass its checks: ${outcome.problems[0]}`);
  await hooks.corpusChanged();
  const stored = await browser.storage.local.get([SYNC_LOG_KEY, SYNC_SETTINGS_KEY]);
  const entry: SyncLogEntry = {
    at: Date.now(),
    url: parseSyncSettings(stored[SYNC_SETTINGS_KEY]).feedUrl,
    outcome: 'reset',
    message: 'Reset to the corpus bundled with the extension.',
    ...(outcome.status === 'loaded' ? { version: outcome.version } : {}),
  };
  // Forget the ETag: the next sync must fetch the manifest in full to move forward again.
  await browser.storage.local.set({ [SYNC_LOG_KEY]: appendLog(parseSyncLog(stored[SYNC_LOG_KEY]), entry), [SYNC_STATE_KEY]: { failures: 0 } });
  return entry;
}

/** Arms the daily (or configured) alarm, plus a one-off retry after failures (exponential backoff). */
export async function scheduleSync(): Promise<void> {
  const stored = await browser.storage.local.get([SYNC_SETTINGS_KEY, SYNC_STATE_KEY]);
  const settings = parseSyncSettings(stored[SYNC_SETTINGS_KEY]);
  const state = parseSyncState(stored[SYNC_STATE_KEY]);
  if (!settings.feedUrl) {
    await browser.alarms.clear(SYNC_ALARM);
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  const periodInMinutes = settings.intervalHours * 60;
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes !== periodInMinutes) await browser.alarms.create(SYNC_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
  if (state.failures > 0 && state.nextRetryAt) await browser.alarms.create(RETRY_ALARM, { when: Math.max(state.nextRetryAt, Date.now() + 60_000) });
  else await browser.alarms.clear(RETRY_ALARM);
}

/** Registers the sync's listeners (synchronously, from the background's main). */
export function registerCorpusSync(hooks: SyncHooks): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void runSync(hooks);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SYNC_SETTINGS_KEY in changes) {
      void scheduleSync();
      void hooks.feedChanged?.();
    }
  });
  // A browser that closed mid-apply left a marker: say so in the log, then keep the schedule.
  recovered = recoverInterruptedApply({ db: hooks.db(), store })
    .then(() => scheduleSync())
    .catch((error) => console.error('[NK–RU Context] Sync start-up failed:', error));
}
