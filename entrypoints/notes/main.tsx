import { render } from 'preact';
import '@/components/shared/page.css';
import '@/components/notes/notes.css';
import './notes-page.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
