/** The labelled news fixtures (tests/fixtures/news*), as eval:news, eval:agreement and the labelling kit read them. */
import { Window } from 'happy-dom';

export interface Label {
  text: string;
  termId: string | null;
  occurrence: number;
}

export interface Fixture {
  id: string;
  lang: string;
  onTopic: boolean;
  source: { query: string; url: string };
  note?: string;
  html: string;
  mentions: Label[];
}

/** Where a label sits in the page's text: its `occurrence`-th appearance. */
export function locate(text: string, label: Label): [number, number] {
  let seen = -1;
  for (let k = 0; k <= text.length - label.text.length; k++) {
    if (text.startsWith(label.text, k) && ++seen === label.occurrence) return [k, k + label.text.length];
  }
  throw new Error(`label "${label.text}" #${label.occurrence} not found`);
}

/** The page's text as eval:news reads it, where a label's `occurrence` counts: the text content of the body. */
export function pageText(html: string): string {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document.body.textContent ?? '';
}
