import { useState } from 'preact/hooks';
import type { FlaggedNote } from '@/lib/sync/note-flags';
import { checkFeedUrl, INTERVAL_CHOICES_HOURS, type SyncLogEntry, type SyncProgress, type SyncSettings } from '@/lib/sync/state';
import { SyncLog } from './SyncLog';
import { SyncProgressBar } from '../sync/SyncProgressBar';

interface Props {
  settings: SyncSettings;
  /** "Version 3 (from the feed)". */
  corpusLabel: string;
  log: SyncLogEntry[];
  progress: SyncProgress | null;
  flagged: FlaggedNote[];
  /** Whether this build trusts any feed key (data/feed-keys.json). */
  hasKeys: boolean;
  error?: string;
  onSave(settings: SyncSettings): void;
  onSyncNow(): void;
  onReset(): void;
}

const hours = (h: number) => (h % 24 === 0 ? (h === 24 ? 'Daily' : h === 168 ? 'Weekly' : `Every ${h / 24} days`) : `Every ${h} hours`);

/** Corpus updates: the feed address, how often, Sync now with progress, Reset, the log, flagged notes. */
export function SyncPanel({ settings, corpusLabel, log, progress, flagged, hasKeys, error, onSave, onSyncNow, onReset }: Props) {
  const [url, setUrl] = useState(settings.feedUrl);
  const [interval, setInterval] = useState(settings.intervalHours);
  const urlProblem = checkFeedUrl(url.trim());
  const busy = !!progress?.running;
  return (
    <section class="sync" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Corpus updates</h2>
      <p>Installed: {corpusLabel}.</p>
      {!hasKeys && <p class="muted">This build trusts no publisher key yet (data/feed-keys.json), so every feed will be refused.</p>}
      <form
        class="settings"
        onSubmit={(e) => {
          e.preventDefault();
          if (!urlProblem) onSave({ feedUrl: url.trim(), intervalHours: interval });
        }}
      >
        <fieldset>
          <legend>Feed</legend>
          <label class="slider">
            Feed address (the publisher’s manifest.json; leave empty to use only the bundled corpus)
            <input type="url" name="feedUrl" value={url} placeholder="https://example.org/feed/manifest.json" onInput={(e) => setUrl(e.currentTarget.value)} aria-invalid={!!urlProblem} aria-describedby="feed-url-help" />
          </label>
          <small id="feed-url-help">{urlProblem ?? 'Saving asks your browser for permission to read from that one host. Updates are checked for a publisher signature before anything changes.'}</small>
          <label class="slider">
            Check for updates
            <select name="interval" value={String(interval)} onChange={(e) => setInterval(Number(e.currentTarget.value))}>
              {INTERVAL_CHOICES_HOURS.map((h) => (
                <option key={h} value={h}>
                  {hours(h)}
                </option>
              ))}
            </select>
          </label>
          <p>
            <button type="submit" class="primary" disabled={!!urlProblem}>
              Save feed settings
            </button>
          </p>
        </fieldset>
      </form>
      <p>
        <button type="button" onClick={onSyncNow} disabled={busy || !settings.feedUrl}>
          Sync now
        </button>{' '}
        <button type="button" onClick={onReset} disabled={busy}>
          Reset to the bundled corpus
        </button>
        <small>A feed that is still set brings its newer version back at the next check: clear the address to stay on the bundled corpus.</small>
      </p>
      <SyncProgressBar progress={progress} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {flagged.length > 0 && (
        <div class="sync-flagged">
          <h3>Notes whose passage changed in an update</h3>
          <p class="muted">Your notes are never edited by an update: each keeps the passage as you saved it.</p>
          <ul class="list">
            {flagged.map((n) => (
              <li key={n.id} data-note-id={n.id} data-status={n.status}>
                <strong>{n.termLabel}</strong>: {n.status === 'removed' ? 'the passage was removed from the corpus' : 'the passage was reworded'}.<blockquote>{n.snapshot}</blockquote>
              </li>
            ))}
          </ul>
        </div>
      )}
      <SyncLog entries={log} />
    </section>
  );
}
