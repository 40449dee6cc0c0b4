import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ContextDatabase } from '@/lib/db';
import { passageStatus } from '@/lib/notes/passage-status';
import type { Note } from '@/lib/notes/schema';
import { facets, filterNotes, type IndexedNote, type NoteFilter } from '@/lib/notes/search';
import { deleteNotes, editNote, restoreNotes } from '@/lib/notes/store';
import { NoteDetail } from './NoteDetail';
import { NoteRow } from './NoteRow';
import { useCorpusView, useNotes } from './use-live';
import { VirtualList } from './VirtualList';

interface Props {
  db: ContextDatabase;
  /** The list's height in px (the popup is small; the full page gives it more). */
  listHeight: number;
  /** Shown above the list: the full page's export/import/bulk actions, given the filtered notes. */
  tools?(shown: IndexedNote[], remove: (ids: string[]) => void, total: number): ComponentChildren;
  /** Shown under the list: the popup's "All notes" link. */
  footer?: ComponentChildren;
}

const ROW_HEIGHT = 68;
/** How long an undo stays offered. */
const UNDO_MS = 12_000;

/**
 * The reader's notes: search, filters, a list that renders only what is visible, a note opened in
 * full to edit, and delete with undo. Keyboard: the search has focus on open, arrows move through
 * the list, Enter opens, Delete deletes; Escape goes back.
 */
export function NotesView({ db, listHeight, tools, footer }: Props) {
  const state = useNotes(db);
  const corpus = useCorpusView(db);
  const [filter, setFilter] = useState<NoteFilter>({ query: '' });
  const [selected, setSelected] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ notes: Note[]; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => search.current?.focus(), []);
  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const all = state?.notes ?? [];
  const shown = useMemo(() => filterNotes(all, filter), [all, filter]);
  const options = useMemo(() => facets(all), [all]);
  const open = openId ? all.find((n) => n.id === openId) : undefined;
  const index = Math.min(selected, shown.length - 1);

  const remove = async (ids: string[]) => {
    try {
      const gone = await deleteNotes(db, ids);
      if (!gone.length) return;
      clearTimeout(undoTimer.current);
      setUndo({ notes: gone, text: gone.length === 1 ? 'Note deleted.' : `${gone.length} notes deleted.` });
      undoTimer.current = setTimeout(() => setUndo(null), UNDO_MS);
      setOpenId(null);
    } catch (e) {
      setError(`Not deleted: ${(e as Error).message}`);
    }
  };
  const restore = async () => {
    if (!undo) return;
    try {
      await restoreNotes(db, undo.notes);
      setUndo(null);
      search.current?.focus();
    } catch (e) {
      setError(`Could not restore: ${(e as Error).message}`);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (open) return;
    const inText = (e.target instanceof HTMLInputElement && e.target.type !== 'search') || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
    if (inText) return;
    const last = shown.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      setSelected(Math.max(0, Math.min(last, to)));
    };
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') move(index - 1);
    else if (e.key === 'PageDown') move(index + Math.floor(listHeight / ROW_HEIGHT));
    else if (e.key === 'PageUp') move(index - Math.floor(listHeight / ROW_HEIGHT));
    else if (e.key === 'Enter' && shown[index]) {
      e.preventDefault();
      setOpenId(shown[index]!.id);
    } else if (e.key === 'Delete' && shown[index] && !(e.target instanceof HTMLInputElement && e.target.value)) {
      e.preventDefault();
      void remove([shown[index]!.id]);
    }
  };

  const setField = (patch: Partial<NoteFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setSelected(0);
  };
  const undoBar = undo && (
    <div class="undo" role="status">
      {undo.text}{' '}
      <button type="button" onClick={() => void restore()}>
        Undo
      </button>
    </div>
  );

  if (open) {
    return (
      <div class="notes-view">
        <NoteDetail
          note={open}
          status={passageStatus(open, corpus?.passages.get(open.passageId ?? ''))}
          citation={corpus?.citation ?? null}
          onSave={(change) => editNote(db, open.id, change)}
          onDelete={() => void remove([open.id])}
          onBack={() => {
            setOpenId(null);
            setTimeout(() => search.current?.focus());
          }}
        />
        {undoBar}
      </div>
    );
  }

  return (
    <div class="notes-view" onKeyDown={onKeyDown}>
      <input
        ref={search}
        type="search"
        class="notes-search"
        aria-label="Search notes"
        aria-controls="notes-list"
        placeholder="Search notes, quotes, pages, #tags"
        value={filter.query}
        onInput={(e) => setField({ query: e.currentTarget.value })}
      />
      <div class="row filters">
        <select aria-label="Filter by term" value={filter.termId ?? ''} onChange={(e) => setField({ termId: e.currentTarget.value || undefined })}>
          <option value="">All terms</option>
          {options.terms.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label} ({t.count})
            </option>
          ))}
        </select>
        <select aria-label="Filter by tag" value={filter.tag ?? ''} onChange={(e) => setField({ tag: e.currentTarget.value || undefined })}>
          <option value="">All tags</option>
          {options.tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              #{t.tag} ({t.count})
            </option>
          ))}
        </select>
        <select aria-label="Filter by site" value={filter.site ?? ''} onChange={(e) => setField({ site: e.currentTarget.value || undefined })}>
          <option value="">All sites</option>
          {options.sites.map((s) => (
            <option key={s.site} value={s.site}>
              {s.site} ({s.count})
            </option>
          ))}
        </select>
      </div>
      {tools?.(shown, (ids) => void remove(ids), all.length)}
      {state?.error && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!state ? (
        <p class="muted">Opening your notes…</p>
      ) : all.length === 0 ? (
        <div class="empty" data-testid="notes-empty">
          <p>
            <strong>No notes yet.</strong>
          </p>
          <p class="muted">
            On a news page, rest the pointer on a highlighted name or place. Its card shows what the paper says; choose <em>Save note</em> to keep the sentence, the paper’s passage and your thoughts here.
          </p>
        </div>
      ) : shown.length === 0 ? (
        <p class="muted" data-testid="notes-none">
          No note matches{state.complete ? '' : ' yet (still reading your notes)'}. Try fewer words, or clear the filters.
        </p>
      ) : (
        <VirtualList
          id="notes-list"
          label={`Notes, ${shown.length} shown`}
          items={shown}
          rowHeight={ROW_HEIGHT}
          height={Math.min(listHeight, shown.length * ROW_HEIGHT)}
          selected={index}
          keyOf={(n) => n.id}
          renderRow={(n) => <NoteRow note={n} />}
          onSelect={setSelected}
          onActivate={(i) => setOpenId(shown[i]!.id)}
        />
      )}
      <p class="muted small notes-count" aria-live="polite">
        {state ? `${shown.length === all.length ? '' : `${shown.length} of `}${all.length}${state.complete ? '' : '+'} ${all.length === 1 ? 'note' : 'notes'}` : ''}
        {shown.length > 0 && ' · ↑↓ to move, Enter to open, Delete to delete'}
      </p>
      {undoBar}
      {footer}
    </div>
  );
}
