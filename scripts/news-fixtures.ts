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

/** A label with the span it covers in the page text. */
export type LocatedLabel = Label & { span: [number, number] };

/** A highlight the page shows: its span, its own term and the term a reader sees (narrowed or not). */
export interface ShownHighlight {
  start: number;
  end: number;
  term: string;
  shown: string;
}

/**
 * How eval:news scores one highlight. Right where a label of the term it shows covers it. A label
 * naming a word class (Far Eastern places, "North Koreans": never shown as themselves) names nothing
 * a reader could be shown: the word class itself on those words, shown as what the article resolves
 * it to, is unlabelled; another term there (Vostochny the port shown as the cosmodrome) is wrong, as
 * is anything on another label's words and anything on an off-topic page. Otherwise unlabelled.
 */
export function judgeHighlight(h: ShownHighlight, located: readonly LocatedLabel[], wordClasses: ReadonlySet<string>, onTopic: boolean): 'right' | 'wrong' | 'unlabelled' {
  const overlaps = (l: LocatedLabel) => h.start < l.span[1] && l.span[0] < h.end;
  const isWordClass = (l: LocatedLabel) => l.termId !== null && wordClasses.has(l.termId);
  if (located.some((l) => !isWordClass(l) && l.termId === h.shown && overlaps(l))) return 'right';
  const asWordClass = located.some((l) => isWordClass(l) && l.termId === h.term && overlaps(l));
  return (located.some(overlaps) && !asWordClass) || !onTopic ? 'wrong' : 'unlabelled';
}
