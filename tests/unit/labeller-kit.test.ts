import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFixtures } from '../../scripts/labeller-kit';

const fixture = (over: Record<string, unknown>) => ({
  id: 'en-kim-meets-putin-x',
  lang: 'en',
  onTopic: true,
  source: { query: 'q', url: 'https://example.org/a' },
  note: 'Reworded.',
  html: '<main><article><h1>Kim meets Putin</h1><p>Kim Jong Un met Putin; Kim &amp; Putin talked.</p></article></main>',
  mentions: [
    { text: 'Kim Jong Un', termId: 'kim-jong-un', occurrence: 0 },
    { text: 'Putin', termId: 'vladimir-putin', occurrence: 2 },
  ],
  ...over,
});

function folder(fixtures: Record<string, unknown>[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kit-'));
  for (const f of fixtures) writeFileSync(join(dir, `${f.id as string}.json`), JSON.stringify(f));
  return dir;
}

describe('the annotators’ checker (scripts/labeller-kit.ts)', () => {
  const terms = new Set(['kim-jong-un', 'vladimir-putin']);

  it('passes a well-formed fixture, counting occurrences in the text with tags removed and entities decoded', () => {
    expect(checkFixtures(folder([fixture({})]), terms)).toEqual([]);
  });

  it('refuses an id an earlier article’s fixture already has', () => {
    expect(checkFixtures(folder([fixture({})]), terms, new Set(['en-kim-meets-putin-x']))).toEqual(['en-kim-meets-putin-x.json: the id "en-kim-meets-putin-x" is taken by an earlier article\'s fixture; add a word to it']);
  });

  it('names each problem an annotator can make', () => {
    const problems = checkFixtures(
      folder([
        fixture({ id: 'en-one-x', mentions: [{ text: 'Putin', termId: 'vladimir-putin', occurrence: 3 }] }),
        fixture({ id: 'en-two-x', mentions: [{ text: 'Kim', termId: 'null', occurrence: 0 }] }),
        fixture({ id: 'en-off-three-x', onTopic: false, mentions: [{ text: 'Kim', termId: 'kim-jong-un', occurrence: 0 }] }),
        fixture({ id: 'en-four-x', onTopic: false, mentions: [] }),
      ]),
      terms,
    );
    expect(problems).toEqual([
      'en-four-x.json: an off-topic id starts "en-off-"',
      'en-off-three-x.json: "Kim" #0: an off-topic page carries only null labels',
      'en-one-x.json: "Putin" #3: the page text has only 3 of it',
      'en-two-x.json: "Kim" #0: no term "null" (a look-alike is null, not "null")',
    ]);
  });
});
