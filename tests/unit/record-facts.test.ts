/**
 * The public record as the cards and the timeline state it. Trust is the product: a background card
 * that drifts from the record (a kilometre count, a year, a date the issue corrected) misleads the
 * reader in the paper's name. Each fact here was checked against the sources its card cites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const corpus = JSON.parse(readFileSync(join(__dirname, '../../data/corpus.json'), 'utf8')) as {
  terms: { id: string; summary: string; grounding?: string; source?: string }[];
  events: { id: string; date: string; grounding?: string }[];
};
const term = (id: string) => corpus.terms.find((t) => t.id === id)!;
const event = (id: string) => corpus.events.find((e) => e.id === id)!;

describe('background cards keep to the public record', () => {
  it('the Khasan–Rajin railway: 54 km, reopened in September 2013, trial coal to South Korea in 2014–2015, Seoul out in 2016; the paper does not discuss it', () => {
    const railway = term('khasan-rajin-railway');
    expect(railway.grounding).toBe('background');
    for (const fact of ['54-km', 'Khasan', 'Rajin', 'September 2013', '2014–2015', '2016', 'The paper does not discuss it']) expect(railway.summary).toContain(fact);
    expect(railway.source).toMatch(/Russian Railways, September 2013/);
  });

  it('the Tumen road bridge: agreed in June 2024, work began on 30 April 2025', () => {
    expect(term('tumen-road-bridge').summary).toMatch(/June 2024.*30 April 2025/);
  });

  it('the first Kim–Putin summit, which shows nothing, is dated Vladivostok, 25 April 2019', () => {
    expect(term('vladivostok-summit-2019').summary).toContain('25 April 2019');
  });
});

describe('the timeline keeps the dates the issue corrected', () => {
  it.each([
    ['dpr-lpr-recognized', '2022-07-13'],
    ['crimea-annexed', '2014-03-18'],
    ['panel-of-experts-veto', '2024-03-28'],
    ['panel-of-experts-expires', '2024-04-30'],
    ['pyongyang-summit-2024', '2024-06-19'],
    ['treaty-in-force', '2024-12-04'],
  ])('%s on %s, from the record', (id, date) => {
    expect(event(id).date).toBe(date);
    expect(event(id).grounding).toBe('background');
  });
});
