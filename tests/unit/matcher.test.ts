import { describe, expect, it } from 'vitest';
import { compileAutomaton, findMatches, type MatcherTerm } from '../../lib/matcher';

// A small catalogue shaped like the real one, so each rule is tested in isolation.
const TERMS: MatcherTerm[] = [
  { id: 'russia', aliases: [{ text: 'Russia' }, { text: 'Россия', inflect: 'ru' }] },
  { id: 'russian', aliases: [{ text: 'Russian' }] },
  { id: 'kim-jong-un', aliases: [{ text: 'Kim Jong Un' }, { text: 'Kim', standalone: false }, { text: '김정은', inflect: 'ko' }] },
  { id: 'north-korea', aliases: [{ text: 'North Korea' }, { text: 'DPRK', case: 'exact' }, { text: 'Pyongyang' }, { text: '평양', inflect: 'ko' }, { text: 'Пхеньян', inflect: 'ru' }] },
  { id: 'vostochny', aliases: [{ text: 'Vostochny Cosmodrome' }] },
  { id: 'vostochny-town', aliases: [{ text: 'Vostochny' }] },
  { id: 'un', aliases: [{ text: 'UN', case: 'exact' }, { text: 'United Nations' }] },
  { id: 'shells-152', aliases: [{ text: '152-mm shells' }] },
  { id: 'es-11-1', aliases: [{ text: 'ES-11/1' }] },
  { id: 'putin', aliases: [{ text: 'Putin' }, { text: 'Путин', inflect: 'ru' }, { text: '푸틴', inflect: 'ko' }] },
  { id: 'people-republics', aliases: [{ text: 'People’s Republics' }] },
];
const automaton = compileAutomaton(TERMS);
const ids = (text: string) => findMatches(automaton, text).map((m) => m.termId);
const texts = (text: string) => findMatches(automaton, text).map((m) => m.text);

describe('matcher rules', () => {
  it.each([
    // [rule, text, expected term ids]
    ['plain name', 'Talks with Russia resumed.', ['russia']],
    ['not inside a longer word', 'Russian forces advanced.', ['russian']],
    ['not inside a word (prefix)', 'Prorussia rallies', []],
    ['straight possessive', "Russia's war", ['russia']],
    ['curly possessive', 'Russia’s war', ['russia']],
    ['ALL-CAPS headline', 'KIM JONG UN MEETS PUTIN IN RUSSIA', ['kim-jong-un', 'putin', 'russia']],
    ['lower case name', 'kim jong un said', ['kim-jong-un']],
    ['hyphenated spelling', 'Kim Jong-un said', ['kim-jong-un']],
    ['en dash spelling', 'Kim Jong–un said', ['kim-jong-un']],
    ['no-break space', 'Kim\u00A0Jong\u00A0Un said', ['kim-jong-un']],
    ['line break and indent', 'Kim\n      Jong Un said', ['kim-jong-un']],
    ['acronym as written', 'The DPRK said', ['north-korea']],
    ['acronym with dots', 'The D.P.R.K. said', ['north-korea']],
    ['acronym wrong case', 'the dprk said', []],
    ['UN only in capitals', 'The UN vote', ['un']],
    ['un in French text', 'un homme et une femme', []],
    ['U.N. dotted', 'the U.N. Security Council', ['un']],
    ['digit-unit hyphen', '152-mm shells', ['shells-152']],
    ['digit-unit joined', '152mm shells', ['shells-152']],
    ['digit-unit spaced', '152 mm shells', ['shells-152']],
    ['slash and digits', 'Resolution ES-11/1 passed', ['es-11-1']],
    ['longest wins', 'at the Vostochny Cosmodrome in', ['vostochny']],
    ['shorter alone', 'the Vostochny site', ['vostochny-town']],
    ['curly vs straight apostrophe inside alias', "People's Republics", ['people-republics']],
    ['Korean particle', '평양에서 열린 회의', ['north-korea']],
    ['Korean bare name', '김정은 위원장', ['kim-jong-un']],
    ['Korean subject particle', '김정은이 말했다', ['kim-jong-un']],
    ['Korean compound is not a particle', '평양냉면을 먹었다', []],
    ['Russian genitive', 'визит Путина в', ['putin']],
    ['Russian prepositional', 'в Пхеньяне прошли', ['north-korea']],
    ['Russian -ия noun', 'против России', ['russia']],
    ['Russian nominative', 'Россия и КНДР', ['russia']],
  ])('%s: %s', (_rule, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('reports exact offsets into the original text', () => {
    // Offsets counted by hand: "On 13 September, " is 17 characters, "Kim Jong‑un flew to " 20 more.
    const text = 'On 13 September, Kim Jong\u2011un flew to Vostochny Cosmodrome.';
    expect(findMatches(automaton, text).map(({ start, end }) => [start, end])).toEqual([[17, 28], [37, 57]]);
    expect(texts(text)).toEqual(['Kim Jong\u2011un', 'Vostochny Cosmodrome']);
    // Offsets stay right past characters that fold away (a no-break space, a curly apostrophe).
    const folded = 'Moscow\u00A0and Kim\u00A0Jong\u00A0Un’s Russia';
    expect(findMatches(automaton, folded).map(({ termId, start, end }) => [termId, start, end])).toEqual([['kim-jong-un', 11, 22], ['russia', 25, 31]]);
  });

  it('marks non-standalone aliases so the page can demand a full mention', () => {
    const [kim] = findMatches(automaton, 'Kim said');
    expect(kim).toMatchObject({ termId: 'kim-jong-un', standalone: false });
    expect(findMatches(automaton, 'Kim Jong Un said')[0]).toMatchObject({ standalone: true });
  });

  it('does not let a trailing dot of a dotted acronym swallow the sentence end', () => {
    expect(texts('It was the D.P.R.K. Then')).toEqual(['D.P.R.K.']);
  });
});
