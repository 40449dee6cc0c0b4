import { render } from 'preact';
import '@/components/shared/page.css';
import '@/components/notes/notes.css';
import './popup.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
