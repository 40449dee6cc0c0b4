import { render } from 'preact';
import '@/components/shared/page.css';
import '@/components/notes/notes.css';
import './popup.css';
import { prefetchNotes } from '@/components/notes/use-live';
import { getDatabase } from '@/lib/db';
import { App } from './App';

// The newest notes are read while the page renders (the list's first paint waits for them).
prefetchNotes(getDatabase());
render(<App />, document.getElementById('app')!);
