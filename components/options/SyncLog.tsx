import type { SyncLogEntry } from '@/lib/sync/state';

interface Props {
  entries: SyncLogEntry[];
}

const OUTCOME: Record<SyncLogEntry['outcome'], string> = { updated: 'Updated', unchanged: 'No change', failed: 'Failed', reset: 'Reset' };

/** The sync log, newest first: when, which feed, what happened, in words. */
export function SyncLog({ entries }: Props) {
  if (!entries.length) return <p class="muted">No sync yet.</p>;
  return (
    <table class="sync-log">
      <caption>Sync log</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Outcome</th>
          <th scope="col">What happened</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={`${e.at}-${e.message}`} data-outcome={e.outcome}>
            <td>{new Date(e.at).toLocaleString()}</td>
            <td class={e.outcome === 'failed' ? 'error' : ''}>{OUTCOME[e.outcome]}</td>
            <td>
              {e.message}
              {e.url && <small>{e.url}</small>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
