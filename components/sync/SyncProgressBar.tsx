import type { SyncProgress } from '@/lib/sync/state';

const STAGE: Record<SyncProgress['stage'], string> = {
  manifest: 'Checking the feed…',
  download: 'Downloading the new corpus…',
  verify: 'Checking signature, hash and contents…',
  apply: 'Applying the changes…',
  matcher: 'Updating the highlights…',
  done: 'Done.',
};

/** A sync's progress while it runs; nothing otherwise. */
export function SyncProgressBar({ progress }: { progress: SyncProgress | null }) {
  if (!progress?.running) return null;
  return (
    <p class="sync-progress" role="status">
      {STAGE[progress.stage]} <progress max={1} {...(progress.fraction !== undefined ? { value: progress.fraction } : {})} aria-label="Sync progress" />
    </p>
  );
}
