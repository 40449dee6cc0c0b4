import { useEffect, useState } from 'preact/hooks';
import { getDatabase } from '@/lib/db';
import { askBackground } from '@/lib/messages';
import { trustedKeys } from '@/lib/sync/keys';
import { flaggedNotes, type FlaggedNote } from '@/lib/sync/note-flags';
import { DEFAULT_SYNC_SETTINGS, feedOriginPattern, parseSyncLog, parseSyncSettings, SYNC_LOG_KEY, SYNC_PROGRESS_KEY, SYNC_SETTINGS_KEY, type SyncLogEntry, type SyncProgress, type SyncSettings } from '@/lib/sync/state';
import { SyncPanel } from './SyncPanel';

/** SyncPanel wired to extension storage, the database and the background (mounted by the options page). */
export function SyncSection() {
  const [settings, setSettings] = useState<SyncSettings | null>(null);
  const [log, setLog] = useState<SyncLogEntry[]>([]);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [flagged, setFlagged] = useState<FlaggedNote[]>([]);
  const [corpusLabel, setCorpusLabel] = useState('…');
  const [error, setError] = useState<string | undefined>();

  const refreshCorpus = async () => {
    const meta = await getDatabase()
      .meta.get('corpus')
      .catch(() => undefined);
    setCorpusLabel(meta ? `version ${meta.version} (${meta.source === 'sync' ? `from the feed, ${new Date(meta.loadedAt).toLocaleString()}` : 'bundled with the extension'})` : 'not loaded yet');
    setFlagged(await flaggedNotes(getDatabase()).catch(() => []));
  };

  useEffect(() => {
    void browser.storage.local.get([SYNC_SETTINGS_KEY, SYNC_LOG_KEY, SYNC_PROGRESS_KEY]).then((v) => {
      setSettings(parseSyncSettings(v[SYNC_SETTINGS_KEY]));
      setLog(parseSyncLog(v[SYNC_LOG_KEY]));
      setProgress((v[SYNC_PROGRESS_KEY] as SyncProgress | undefined) ?? null);
    });
    void refreshCorpus();
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (SYNC_LOG_KEY in changes) {
        setLog(parseSyncLog(changes[SYNC_LOG_KEY]!.newValue));
        void refreshCorpus();
      }
      if (SYNC_PROGRESS_KEY in changes) setProgress((changes[SYNC_PROGRESS_KEY]!.newValue as SyncProgress | undefined) ?? null);
      if (SYNC_SETTINGS_KEY in changes) setSettings(parseSyncSettings(changes[SYNC_SETTINGS_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const syncNow = async () => {
    setError(undefined);
    try {
      await askBackground({ type: 'sync-now' });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const save = async (next: SyncSettings) => {
    setError(undefined);
    try {
      // Asked here, in the click's own turn (the browser needs the reader's gesture), never at install.
      if (next.feedUrl && !(await browser.permissions.request({ origins: [feedOriginPattern(next.feedUrl)] }))) {
        setError(`Access to ${new URL(next.feedUrl).host} was not granted, so the feed was not saved.`);
        return;
      }
      await browser.storage.local.set({ [SYNC_SETTINGS_KEY]: next });
      setSettings(next);
      if (next.feedUrl) await syncNow();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const reset = async () => {
    setError(undefined);
    try {
      await askBackground({ type: 'sync-reset' });
      await refreshCorpus();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!settings) return null;
  return (
    <SyncPanel
      key={settings.feedUrl}
      settings={settings ?? DEFAULT_SYNC_SETTINGS}
      corpusLabel={corpusLabel}
      log={log}
      progress={progress}
      flagged={flagged}
      hasKeys={trustedKeys().length > 0}
      error={error}
      onSave={(s) => void save(s)}
      onSyncNow={() => void syncNow()}
      onReset={() => void reset()}
    />
  );
}
