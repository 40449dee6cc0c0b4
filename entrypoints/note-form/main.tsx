import { render } from 'preact';
import '@/components/shared/page.css';
import './note-form.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
