import { describe, expect, it } from 'vitest';
import type { MatcherDataTerm } from '../../lib/matcher-data';
import { decideVisibility, type MentionFacts } from '../../lib/relevance';

const term = (id: string, specificity: 'specific' | 'generic', anchor?: 'north-korea' | 'russia'): MatcherDataTerm => ({ id, label: id, kind: 'concept', specificity, anchor, aliases: [{ text: id }] });
const TERMS = [
  term('north-korea', 'specific', 'north-korea'), // 0
  term('russia', 'generic', 'russia'), // 1
  term('sanctions', 'generic'), // 2
  term('vostochny-summit', 'specific'), // 3
  term('kim-jong-un', 'specific', 'north-korea'), // 4
];
const at = (term: number, standalone = true): MentionFacts => ({ term, standalone });
const rules = { hiddenTerms: [], firstMentionOnly: false };

describe('relevance gate', () => {
  it('shows generic terms on a page that names both sides', () => {
    expect(decideVisibility([at(0), at(2), at(1)], TERMS, rules)).toEqual({ visible: [true, true, true], onTopic: true });
  });

  it('hides generic terms on a page about only one side (Iranian oil, European ammunition)', () => {
    expect(decideVisibility([at(1), at(2), at(2)], TERMS, rules)).toEqual({ visible: [false, false, false], onTopic: false });
  });

  it('shows specific terms anywhere, and generic ones only once a bilateral term opens the gate', () => {
    expect(decideVisibility([at(4), at(2)], TERMS, rules).visible).toEqual([true, false]);
    expect(decideVisibility([at(3), at(2)], TERMS, rules)).toEqual({ visible: [true, true], onTopic: true });
  });

  it('shows a bare alias only where the page names the term in full', () => {
    expect(decideVisibility([at(4, false), at(1)], TERMS, rules).visible).toEqual([false, false]);
    expect(decideVisibility([at(4, false), at(4), at(1)], TERMS, rules).visible).toEqual([true, true, true]);
  });

  it('does not let a bare alias open the gate', () => {
    expect(decideVisibility([at(4, false), at(1), at(2)], TERMS, rules).onTopic).toBe(false);
  });

  it('drops terms the reader hid, and repeats when only first mentions are wanted', () => {
    expect(decideVisibility([at(0), at(0), at(1), at(0)], TERMS, { hiddenTerms: ['russia'], firstMentionOnly: true }).visible).toEqual([true, false, false, false]);
  });
});
