/** Valid notes for tests, each with a new id and later times. */
import type { Note } from '../../lib/notes/schema';

let n = 0;
/** A valid note; each call a new id. */
export function makeNote(over: Partial<Note> = {}): Note {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt: 1_700_000_000_000 + n,
    updatedAt: 1_700_000_000_000 + n,
    termId: 'kim-jong-un',
    termLabel: 'Kim Jong Un',
    quote: 'Kim Jong Un arrived in Vladivostok.',
    pageUrl: 'https://www.reuters.com/world/asia/kim',
    pageTitle: 'Kim arrives',
    passageId: 'p-summits',
    passageText: 'Throughout 2023, the two leaders met.',
    passageSection: 'From friendship to formal partnership',
    comment: 'Interesting',
    tags: ['summit'],
    ...over,
  };
}
