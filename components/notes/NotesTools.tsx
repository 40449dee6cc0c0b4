import { useState } from 'preact/hooks';
import type { ContextDatabase } from '@/lib/db';
import { MAX_BACKUP_BYTES, mergeNotes, parseBackup } from '@/lib/notes/backup';
import { plainNote, toCsv, toJsonBackup, toMarkdown } from '@/lib/notes/export';
import type { IndexedNote } from '@/lib/notes/search';

interface Props {
  db: ContextDatabase;
  /** The notes the current search and filters show: what export and bulk delete act on. */
  shown: IndexedNote[];
  total: number;
  onDelete(ids: string[]): void;
}

/** Hands a file to the browser's downloads. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The All notes page's longer work: export (Markdown, CSV, JSON), import a JSON backup, bulk delete. */
export function NotesTools({ db, shown, total, onDelete }: Props) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const what = shown.length === total ? `all ${total}` : `the ${shown.length} shown`;
  const stamp = new Date().toISOString().slice(0, 10);

  const exportAs = async (kind: 'md' | 'csv' | 'json') => {
    const notes = shown.map(plainNote);
    if (kind === 'json') download(`notes-${stamp}.json`, 'application/json', toJsonBackup(notes, Date.now()));
    else if (kind === 'csv') download(`notes-${stamp}.csv`, 'text/csv', toCsv(notes));
    else download(`notes-${stamp}.md`, 'text/markdown', toMarkdown(notes, (await db.meta.get('corpus'))?.citation ?? null, Date.now()));
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMessage(null);
    if (file.size > MAX_BACKUP_BYTES) {
      setMessage({ error: true, text: `This file is too big to be a notes backup (${Math.round(file.size / 1e6)} MB). Nothing was imported.` });
      return;
    }
    setBusy(true);
    try {
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) {
        setMessage({ error: true, text: `Not imported: ${parsed.error}` });
        return;
      }
      const r = await mergeNotes(db, parsed.notes);
      setMessage({ error: false, text: `Imported ${file.name}: ${r.added} new, ${r.replaced} updated, ${r.kept} kept (yours were as new or newer).` });
    } catch (e) {
      setMessage({ error: true, text: `Not imported (nothing changed): ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="notes-tools" aria-label="Export, import and delete">
      <span class="muted small">Export {what}:</span>
      <button type="button" disabled={!shown.length} onClick={() => void exportAs('md')}>
        Markdown
      </button>
      <button type="button" disabled={!shown.length} onClick={() => void exportAs('csv')}>
        CSV
      </button>
      <button type="button" disabled={!shown.length} onClick={() => void exportAs('json')}>
        JSON backup
      </button>
      <label class="file-button">
        <span>{busy ? 'Importing…' : 'Import JSON backup'}</span>
        <input type="file" accept=".json,application/json" aria-label="Import a JSON backup" disabled={busy} onChange={(e) => void importFile(e.currentTarget)} />
      </label>
      <button type="button" class="danger" disabled={!shown.length} onClick={() => onDelete(shown.map((n) => n.id))}>
        Delete {what}
      </button>
      {message && (
        <p class={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid="import-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
