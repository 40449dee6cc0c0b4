import { NotesTools } from '@/components/notes/NotesTools';
import { NotesView } from '@/components/notes/NotesView';
import { getDatabase } from '@/lib/db';

/** The All notes page: the popup's notes view with room to work, plus export, import and bulk delete. */
export function App() {
  const db = getDatabase();
  return (
    <main class="notes-page">
      <header>
        <h1>All notes</h1>
        <p class="muted small">Your notes stay in this browser. Export a JSON backup to keep them safe or move them to another browser.</p>
      </header>
      <NotesView db={db} listHeight={Math.max(320, window.innerHeight - 260)} tools={(shown, remove, total) => <NotesTools db={db} shown={shown} total={total} onDelete={remove} />} />
    </main>
  );
}
