import { describe, expect, it } from 'vitest';
import { judgeHighlight, type LocatedLabel } from '../../scripts/news-fixtures';

// "North Koreans crossed near Vostochny port": two labels on 0–13 and 27–36.
const wordClasses = new Set(['nk-people-words', 'russian-border-places']);
const label = (termId: string | null, span: [number, number]): LocatedLabel => ({ text: '', termId, occurrence: 0, span });

describe('how eval:news scores a highlight', () => {
  it('counts a highlight right on a label of the term it shows', () => {
    expect(judgeHighlight({ start: 0, end: 13, term: 'north-korea', shown: 'north-korea' }, [label('north-korea', [0, 13])], wordClasses, true)).toBe('right');
  });

  it('judges the word class itself, shown as the article resolves it, as unlabelled on a word-class label', () => {
    expect(judgeHighlight({ start: 0, end: 13, term: 'nk-people-words', shown: 'north-korea' }, [label('nk-people-words', [0, 13])], wordClasses, true)).toBe('unlabelled');
  });

  it('judges another term on a word-class label as wrong (Vostochny the port shown as the cosmodrome)', () => {
    expect(judgeHighlight({ start: 27, end: 36, term: 'vostochny-cosmodrome', shown: 'vostochny-cosmodrome' }, [label('russian-border-places', [27, 41])], wordClasses, true)).toBe('wrong');
  });

  it('judges a look-alike, a highlight inside another label and anything off the topic as wrong; words nobody labelled as unlabelled', () => {
    const h = { start: 0, end: 5, term: 'russia', shown: 'russia' };
    expect(judgeHighlight(h, [label(null, [0, 5])], wordClasses, true)).toBe('wrong');
    expect(judgeHighlight(h, [label('russian-forces', [0, 12])], wordClasses, true)).toBe('wrong');
    expect(judgeHighlight(h, [], wordClasses, false)).toBe('wrong');
    expect(judgeHighlight(h, [], wordClasses, true)).toBe('unlabelled');
  });
});
