import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContextDatabase } from '../../lib/db';
import { loadCorpusCache, lookup, type CorpusCache } from '../../lib/lookup';
import { rank, buildIndex, stem, tokenize } from '../../lib/ranking';
import { databaseWithCorpus } from '../support/db-factory';

let db: ContextDatabase;
let cache: CorpusCache;
beforeAll(async () => {
  db = await databaseWithCorpus();
  cache = (await loadCorpusCache(db))!;
});
afterAll(async () => {
  await db.delete();
});

describe('ranking passages by the sentence around a mention', () => {
  it('puts the 2023 summit first for a sentence about Kim’s visit to the cosmodrome', () => {
    const result = lookup(cache, 'kim-jong-un', 'Kim Jong Un toured the launch pads of the cosmodrome during his visit to Russia’s Far East.');
    expect(result.passages[0]!.id).toBe('p-summits');
  });

  it('puts the UN veto first for a sentence about the sanctions monitors', () => {
    const result = lookup(cache, 'sanctions', 'Russia blocked the renewal of the panel of sanctions monitors, leaving no one to watch Pyongyang.');
    expect(result.passages[0]!.id).toBe('p-ideological-front');
  });

  it('changes the order when the sentence changes', () => {
    const artillery = lookup(cache, 'north-korea', 'North Korea sent artillery shells and missiles in exchange for food and cash.');
    const un = lookup(cache, 'north-korea', 'North Korea voted against the UN General Assembly resolution condemning the invasion.');
    expect(artillery.passages[0]!.id).not.toBe(un.passages[0]!.id);
    expect(un.passages[0]!.id).toBe('p-initial-response');
  });

  it('shows at most three passages, each with its section, marking where the term is named', () => {
    const result = lookup(cache, 'vostochny-cosmodrome', 'Kim arrived at Vostochny.');
    expect(result.passages.length).toBeLessThanOrEqual(3);
    const [top] = result.passages;
    expect(top!.sectionHeading).toBe('From friendship to formal partnership');
    const [start, end] = top!.marks[0]!;
    expect(top!.text.slice(start, end)).toBe('Vostochny cosmodrome');
  });

  it('with no sentence to go on, prefers the passages that name the term most', () => {
    const result = lookup(cache, 'kim-jong-un', '');
    const named = (id: string) => (cache.passages.get(id)!.text.match(/Kim Jong Un/g) ?? []).length;
    expect(named(result.passages[0]!.id)).toBe(Math.max(...cache.terms.get('kim-jong-un')!.passages.map(named)));
  });

  it('returns the timeline with the term’s own events marked, related terms and the citation', () => {
    const result = lookup(cache, 'vostochny-cosmodrome', '');
    expect(result.timeline.filter((e) => e.mine).map((e) => e.date)).toContain('2023-09-13'); // the record's day (Kremlin), where the paper says "September 2023"
    expect(result.timeline.length).toBeGreaterThan(result.timeline.filter((e) => e.mine).length);
    expect(result.related.length).toBeGreaterThan(0);
    expect(result.citation).toMatchObject({ author: 'Edward Howell', publisher: 'Chatham House', published: '2024-12-04' });
  });

  it('refuses an unknown term with a readable message', () => {
    expect(() => lookup(cache, 'no-such-term', '')).toThrow(/no entry/);
  });
});

describe('tokens', () => {
  it('meets word forms the way a reader would', () => {
    expect(stem('monitors')).toBe(stem('monitoring'));
    expect(stem('vetoed')).toBe('veto');
    expect(tokenize('The Panel of Experts’ monitors')).toEqual(['panel', 'expert', 'monitor']);
  });

  it('scores a document with the query’s rare words above one with only common ones', () => {
    const index = buildIndex([
      { id: 'a', text: 'Russia and North Korea' },
      { id: 'b', text: 'Russia vetoed the panel' },
      { id: 'c', text: 'Russia Russia Russia' },
    ]);
    expect(rank(index, 'panel veto', ['a', 'b', 'c'])[0]!.id).toBe('b');
  });
});
