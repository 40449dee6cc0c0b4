import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '@/lib/messages';
import { parseSyncLog, parseSyncSettings, SYNC_LOG_KEY, SYNC_PROGRESS_KEY, SYNC_SETTINGS_KEY, type SyncLogEntry, type SyncProgress } from '@/lib/sync/state';
import { SyncProgressBar } from './SyncProgressBar';

interface LineProps {
  feedUrl: string;
  last: SyncLogEntry | null;
  progress: SyncProgress | null;
  onSyncNow(): void;
}

/** One line for the popup: the last sync's outcome and a Sync now button; nothing without a feed. */
export function SyncStatusLine({ feedUrl, last, progress, onSyncNow }: LineProps) {
  if (!feedUrl) return null;
  return (
    <div class="sync-status">
      <p class={last?.outcome === 'failed' ? 'error' : 'muted'} data-outcome={last?.outcome ?? 'none'}>
        {last ? `Last sync ${new Date(last.at).toLocaleString()}: ${last.message}` : 'No sync yet.'}{' '}
        <button type="button" onClick={onSyncNow} disabled={!!progress?.running}>
          Sync now
        </button>
      </p>
      <SyncProgressBar progress={progress} />
    </div>
  );
}

/** SyncStatusLine wired to extension storage and the background (mounted by the popup). */
export function PopupSyncStatus() {
  const [feedUrl, setFeedUrl] = useState('');
  const [last, setLast] = useState<SyncLogEntry | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  useEffect(() => {
    const read = (values: Record<string, unknown>) => {
      if (SYNC_SETTINGS_KEY in values) setFeedUrl(parseSyncSettings(values[SYNC_SETTINGS_KEY]).feedUrl);
      if (SYNC_LOG_KEY in values) setLast(parseSyncLog(values[SYNC_LOG_KEY])[0] ?? null);
      if (SYNC_PROGRESS_KEY in values) setProgress((values[SYNC_PROGRESS_KEY] as SyncProgress | undefined) ?? null);
    };
    void browser.storage.local.get([SYNC_SETTINGS_KEY, SYNC_LOG_KEY, SYNC_PROGRESS_KEY]).then((v) => read({ [SYNC_SETTINGS_KEY]: undefined, [SYNC_LOG_KEY]: undefined, ...v }));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local') read(Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.newValue])));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return <SyncStatusLine feedUrl={feedUrl} last={last} progress={progress} onSyncNow={() => void askBackground({ type: 'sync-now' }).catch(() => {})} />;
}
