import { describe, expect, it } from 'vitest';
import { compileAutomaton, findMatches, type MatcherTerm } from '../../lib/matcher';
import { packAutomaton, unpackAutomaton } from '../../lib/matcher/pack';
import { MatchStream } from '../../lib/matcher/stream';

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
  { id: 'su-35', aliases: [{ text: 'Su-35' }, { text: 'Су-35' }] },
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
    // Some newsrooms type the possessive with the modifier letter apostrophe (U+02BC)
    ['modifier-letter possessive', 'Russia\u02BCs war', ['russia']],
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
    // a model name's hyphen between letters and number may be left out (Su35, Су35), but not the number
    ['model name hyphen', 'the Su-35 fighter', ['su-35']],
    ['model name joined', 'Su35·Su57 전투기', ['su-35']],
    ['model name joined, Cyrillic', 'истребители Су35', ['su-35']],
    ['model name, another number', 'the Su-350 rocket', []],
    ['slash and digits', 'Resolution ES-11/1 passed', ['es-11-1']],
    ['longest wins', 'at the Vostochny Cosmodrome in', ['vostochny']],
    ['shorter alone', 'the Vostochny site', ['vostochny-town']],
    ['curly vs straight apostrophe inside alias', "People's Republics", ['people-republics']],
    ['Korean particle', '평양에서 열린 회의', ['north-korea']],
    ['Korean bare name', '김정은 위원장', ['kim-jong-un']],
    ['Korean subject particle', '김정은이 말했다', ['kim-jong-un']],
    ['Korean compound is not a particle', '평양냉면을 먹었다', []],
    // made in: 산 with the particles a sentence puts after it (북한산이라는, 러시아산과는)
    ['Korean 산 + quoting particle', '미사일이 평양산이라는 주장', ['north-korea']],
    ['Korean 산 + contrast particle', '평양산과는 다르다', ['north-korea']],
    // headlines' hanja after a place: 行 bound for, 發 from (쇼이구 이란行, 모스크바發 보도)
    ['Korean headline 行 (bound for)', '김정은 평양行 열차', ['kim-jong-un', 'north-korea']],
    ['Korean headline 發 (from)', '평양發 보도', ['north-korea']],
    ['Korean 행 (bound for), in Hangul', '평양행 열차', ['north-korea']],
    // and 産, 製 (made in), the hanja of 산 and 제 (러시아産 석탄)
    ['Korean headline 産 (made in)', '평양産 석탄', ['north-korea']],
    ['Korean headline 製 (made in)', '평양製 포탄', ['north-korea']],
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
    expect(findMatches(automaton, text).map(({ start, end }) => [start, end])).toEqual([
      [17, 28],
      [37, 57],
    ]);
    expect(texts(text)).toEqual(['Kim Jong\u2011un', 'Vostochny Cosmodrome']);
    // Offsets stay right past characters that fold away (a no-break space, a curly apostrophe).
    const folded = 'Moscow\u00A0and Kim\u00A0Jong\u00A0Un’s Russia';
    expect(findMatches(automaton, folded).map(({ termId, start, end }) => [termId, start, end])).toEqual([
      ['kim-jong-un', 11, 22],
      ['russia', 25, 31],
    ]);
  });

  it('marks non-standalone aliases so the page can demand a full mention', () => {
    const [kim] = findMatches(automaton, 'Kim said');
    expect(kim).toMatchObject({ termId: 'kim-jong-un', standalone: false });
    expect(findMatches(automaton, 'Kim Jong Un said')[0]).toMatchObject({ standalone: true });
  });

  it('finds an alias that ends in a dot (N.K.) where a text node ends right after it', () => {
    const own = compileAutomaton([{ id: 'north-korea', aliases: [{ text: 'N.K.', case: 'exact' }] }]);
    const stream = new MatchStream(own);
    const got: [number, number][] = [];
    stream.beginBlock();
    for (const piece of ['sanctions on N.K.', 'PAJU, April 16']) stream.feed(piece);
    stream.endBlock((start, end) => {
      got.push([start, end]);
    });
    expect(got).toEqual([[13, 17]]);
  });

  it('reads a case-exact acronym in each spelling the catalogue lists, and in no other', () => {
    // The panel is "PoE" in one newsroom and "POE" in another; "Poe" is a poet.
    const own = compileAutomaton([
      {
        id: 'panel',
        aliases: [
          { text: 'PoE', case: 'exact' },
          { text: 'POE', case: 'exact' },
        ],
      },
    ]);
    for (const compiled of [own, unpackAutomaton(packAutomaton(own), own.termIds)!]) {
      const read = (text: string) => findMatches(compiled, text).map((m) => m.text);
      expect(read('the PoE said; the POE said; Poe wrote; the poe')).toEqual(['PoE', 'POE']);
      const stream = new MatchStream(compiled);
      const got: [number, number][] = [];
      stream.beginBlock();
      for (const piece of ['renewal of the P', 'OE and of the Po', 'E, not Poe']) stream.feed(piece);
      stream.endBlock((start, end) => {
        got.push([start, end]);
      });
      expect(got).toEqual([
        [15, 18],
        [30, 33],
      ]);
    }
  });

  it('does not let a trailing dot of a dotted acronym swallow the sentence end', () => {
    expect(texts('It was the D.P.R.K. Then')).toEqual(['D.P.R.K.']);
  });
});

/**
 * The rules added for real news (issue 13), one table per miss class, each row a sentence shaped
 * like the news that showed the miss. Term ids name what a reader expects to see explained.
 */
describe('matcher rules from real news', () => {
  const NEWS: MatcherTerm[] = [
    { id: 'cosmodrome', aliases: [{ text: 'космодром Восточный', inflect: 'ru-head' }, { text: 'Vostochny Cosmodrome' }] },
    {
      id: 'north-korea',
      aliases: [{ text: '北', inflect: 'ko' }, { text: '북한', inflect: 'ko' }, { text: '북', inflect: 'ko', standalone: false }, { text: 'КНДР', case: 'exact' }, { text: 'North Korea' }],
    },
    {
      id: 'troops',
      aliases: [
        { text: '북한군', inflect: 'ko' },
        { text: '파병', inflect: 'ko', standalone: 'on-topic' },
        { text: 'arms transfers', standalone: 'on-topic' },
      ],
    },
    { id: 'russia', aliases: [{ text: '露', inflect: 'ko' }, { text: '러시아', inflect: 'ko' }, { text: 'Russia' }] },
    {
      id: 'panel',
      aliases: [
        { text: '전문가 패널', inflect: 'ko' },
        { text: 'группа экспертов ООН', inflect: 'ru-head' },
        { text: 'группа экспертов', inflect: 'ru-head' },
      ],
    },
    { id: 'icbm', aliases: [{ text: '화성-18형', inflect: 'ko' }] },
    { id: 'troops', aliases: [{ text: '北 포로', inflect: 'ko' }] },
    { id: 'missiles', aliases: [{ text: '단거리 탄도 미사일', inflect: 'ko' }, { text: 'KN-23' }, { text: 'SRBM', case: 'exact' }, { text: 'missiles' }] },
    { id: 'unsc', aliases: [{ text: 'Security Council' }, { text: 'Совет Безопасности', inflect: 'ru-head' }] },
    { id: 'kursk', aliases: [{ text: 'Курская область', inflect: 'ru-all' }, { text: 'Kursk' }] },
    { id: 'soldiers', aliases: [{ text: 'северокорейские военные', inflect: 'ru-all' }] },
    { id: 'sea', aliases: [{ text: 'Японское море', inflect: 'ru-all' }] },
    { id: 'primorye', aliases: [{ text: 'Приморье', inflect: 'ru' }] },
    { id: 'defence-pact', aliases: [{ text: 'соглашение по обороне', inflect: 'ru-head' }] },
    { id: 'partnership', aliases: [{ text: 'стратегическое партнёрство', inflect: 'ru-all' }] },
    { id: 'armed-forces', aliases: [{ text: 'вооружённые силы', inflect: 'ru-all' }] },
    {
      id: 'korean-troops',
      aliases: [
        { text: 'корейские войска', inflect: 'ru-all' },
        { text: 'войска Северной Кореи', inflect: 'ru-head' },
      ],
    },
    { id: 'international-sanctions', aliases: [{ text: 'международные санкции', inflect: 'ru-all' }] },
    { id: 'invaders', aliases: [{ text: 'российские захватчики', inflect: 'ru-all' }] },
    { id: 'allied-ties', aliases: [{ text: 'союзнические отношения', inflect: 'ru-all' }] },
    { id: 'britain', aliases: [{ text: 'Великобритания', inflect: 'ru' }] },
    { id: 'state-department', aliases: [{ text: 'Государственный департамент США', inflect: 'ru-all' }] },
    { id: 'dpr', aliases: [{ text: 'Donetsk' }] },
    { id: 'stop-security-councils', stop: true, aliases: [{ text: 'National Security Council' }, { text: 'Russia’s |Security Council' }, { text: '|Совет Безопасности| России', inflect: 'ru-head' }] },
    { id: 'russia-ru', aliases: [{ text: 'Россия', inflect: 'ru' }] },
    {
      id: 'treaty',
      aliases: [
        // The title alone is also Russia's treaty with Iran; followed by the parties it is this one.
        { text: 'Договор о стратегическом партнерстве', inflect: 'ru-head', standalone: 'on-topic' },
        { text: '|Договор о стратегическом партнерстве| между Россией и КНДР', inflect: 'ru-head' },
      ],
    },
    { id: 'stop-oblast', stop: true, aliases: [{ text: 'Donetsk Oblast' }] },
    {
      id: 'sappers',
      aliases: [
        { text: '북한 |공병', inflect: 'ko' },
        { text: 'Ким |Чен Ын', inflect: 'ru-head' },
        { text: 'the |North', case: 'exact' },
      ],
    },
    { id: 'stop-iskander', stop: true, aliases: [{ text: 'Iskander missiles' }] },
    { id: 'evasion', aliases: [{ text: 'обход санкций', inflect: 'ru-head' }] },
    // Made-up names for the reader rule's edges (a review's counterexamples).
    { id: 'reader-a', aliases: [{ text: 'alpha beta gamma |delta epsilon' }, { text: 'one two three |four five' }] },
    { id: 'reader-b', aliases: [{ text: 'beta |gamma' }] },
    { id: 'name-k', aliases: [{ text: 'alpha beta gamma delta' }, { text: 'one two three four' }] },
    { id: 'name-c', aliases: [{ text: 'two three four five six' }] },
    { id: 'own-list', aliases: [{ text: 'unilateral sanctions' }, { text: 'unilateral |sanctions| list' }] },
    {
      id: 'special-forces',
      aliases: [
        { text: 'северокорейские спецназовцы', inflect: 'ru-all' },
        { text: 'бойцы КНДР', inflect: 'ru-head' },
      ],
    },
    { id: 'un-sanctions', aliases: [{ text: 'обход |санкций ООН', inflect: 'ru-head' }, { text: 'sanctions' }] },
    {
      id: 'stop-north-sea',
      stop: true,
      aliases: [
        { text: '북해', inflect: 'ko' },
        { text: '북서', inflect: 'ko' },
      ],
    },
    { id: 'satellites', aliases: [{ text: '정찰위성' }] },
    { id: 'partnership', aliases: [{ text: '포괄적 전략적 동반자 관계', inflect: 'ko' }] },
    { id: 'treaty', aliases: [{ text: '포괄적 전략적 동반자 관계에 관한 조약', inflect: 'ko' }] },
    { id: 'ties', aliases: [{ text: '북·러 관계', inflect: 'ko' }] },
    {
      id: 'own-sanctions',
      aliases: [
        { text: '|제재| 부과했다', inflect: 'ko' },
        { text: '|제재| 대상으로', inflect: 'ko' },
      ],
    },
  ];
  const a = compileAutomaton(NEWS);
  const found = (text: string) => findMatches(a, text).map((m) => [m.termId, m.text]);

  it.each([
    // «guillemets» and „quotes“ are as transparent as spaces inside a name
    ['guillemets', 'на космодроме «Восточный» прошли', [['cosmodrome', 'космодроме «Восточный']]],
    ['low-high quotes', 'на космодром „Восточный“ прибыл', [['cosmodrome', 'космодром „Восточный']]],
    ['straight double quotes', 'на космодроме "Восточный"', [['cosmodrome', 'космодроме "Восточный']]],
    ['curly double quotes around an English name', 'the “Vostochny Cosmodrome” summit', [['cosmodrome', 'Vostochny Cosmodrome']]],
    // between two Korean words a double quote opens or closes a quotation: no space inside a name
    ['a quotation opening inside a Korean name', '북·러 "관계 개선" 촉구', [['north-korea', '북']]],
    // a quotation that closes inside the name, or right where it ends, quotes part of the name
    ['a quotation closing inside a Korean name', '"북·러" 관계', [['ties', '북·러" 관계']]],
    ['a word quoted inside a Korean name', '북·러 "관계" 개선', [['ties', '북·러 "관계']]],
    ['a Korean name quoted whole', '"북·러 관계" 개선', [['ties', '북·러 관계']]],
  ])('quotes: %s', (_rule, text, expected) => expect(found(text)).toEqual(expected));

  it.each([
    // hanja headline abbreviations as aliases, with particles
    ['北 alone', '北 미사일 발사', [['north-korea', '北']]],
    [
      '北·露 pair',
      '北·露 밀착',
      [
        ['north-korea', '北'],
        ['russia', '露'],
      ],
    ],
    ['hanja with a particle', '北은 부인했다', [['north-korea', '北은']]],
    // a headline's hanja is a word of its own before the Hangul noun it is written against (北나진항:
    // North Korea's Rajin port), and that noun starts a word; not so after Hangul or inside hanja
    ['hanja fused before a Hangul noun', '北나진항 경유', [['north-korea', '北']]],
    [
      'the Hangul noun after it starts a word',
      '北단거리 탄도미사일 발사',
      [
        ['north-korea', '北'],
        ['missiles', '단거리 탄도미사일'],
      ],
    ],
    ['a hanja after Hangul is no word start', '러시아北 교류', []],
    // only a hanja that starts a word stands for a name: inside a Hangul word (진행中이란) it is part of it
    [
      'a Hangul word after a hanja that starts a word',
      '北러시아 교류',
      [
        ['north-korea', '北'],
        ['russia', '러시아'],
      ],
    ],
    ['but not after a hanja inside a word', '진행北러시아 교류', []],
    ['a hanja compound is one word', '北京 방문', []],
  ])('hanja: %s', (_rule, text, expected) => expect(found(text)).toEqual(expected));

  it.each([
    // every middle dot newsrooms use between the two states is the one the alias is written with
    ['the Latin middle dot', '북·러 관계가 깊어졌다', [['ties', '북·러 관계가']]],
    ['the Hangul ㆍ that Korean newsrooms type', '북ㆍ러 관계가 깊어졌다', [['ties', '북ㆍ러 관계가']]],
    ['the katakana ・', '북・러 관계를 두고', [['ties', '북・러 관계를']]],
    ['the bullet operator ∙', '북∙러 관계', [['ties', '북∙러 관계']]],
    // ㆍ is punctuation there, not a letter: the name after it starts a word, as after ·
    ['a name after ㆍ', '중국ㆍ러시아 정상', [['russia', '러시아']]],
    ['a name after ·', '중국·러시아 정상', [['russia', '러시아']]],
  ])('middle dots: %s', (_rule, text, expected) => expect(found(text)).toEqual(expected));

  it.each([
    // a claimed Korean word takes its particle before the words its alias reads but leaves to others
    ['no particle', '미국은 제재 부과했다', [['own-sanctions', '제재']]],
    ['the object particle', '영국이 제재를 부과했다', [['own-sanctions', '제재를']]],
    ['도, also', '일본도 제재도 부과했다', [['own-sanctions', '제재도']]],
    ['the genitive before a noun tail', '은행 5곳을 제재의 대상으로 지정했다', [['own-sanctions', '제재의']]],
    ['no particle after the tail: it would be the tail’s', '제재 대상으로는', []],
  ])('claimed Korean words: %s', (_rule, text, expected) => expect(found(text)).toEqual(expected));

  it.each([
    // the two states as one modifier, straight before a subject, are part of its name (guideline G8)
    ['Korean pair before a subject', '북러 군사협력이 깊어졌다', [['cooperation', '북러 군사협력이']]],
    ['dotted pair, subject with a particle', '북·러 군사협력을 규탄', [['cooperation', '북·러 군사협력을']]],
    ['English pair before a document', 'the Russia-DPRK partnership agreement', [['treaty', 'Russia-DPRK partnership agreement']]],
    [
      'pair before a word that is no subject',
      '북러 관계와 군사협력',
      [
        ['pair', '북러'],
        ['cooperation', '군사협력'],
      ],
    ],
    [
      'the states joined by a word are two',
      'Russia and North Korea military cooperation',
      [
        ['russia', 'Russia'],
        ['north-korea', 'North Korea'],
        ['cooperation', 'military cooperation'],
      ],
    ],
    [
      'a pair before a state is not joined',
      'Russia-DPRK Russia',
      [
        ['pair', 'Russia-DPRK'],
        ['russia', 'Russia'],
      ],
    ],
  ])('pairs of states: %s', (_rule, text, expected) => {
    const automaton = compileAutomaton([
      { id: 'pair', joins: 'pair', aliases: [{ text: '북러', inflect: 'ko' }, { text: '북·러', inflect: 'ko' }, { text: 'Russia–DPRK' }] },
      { id: 'cooperation', joins: 'after-pair', aliases: [{ text: '군사협력', inflect: 'ko' }, { text: 'military cooperation' }] },
      { id: 'treaty', joins: 'after-pair', aliases: [{ text: 'partnership agreement' }] },
      { id: 'russia', aliases: [{ text: 'Russia' }] },
      { id: 'north-korea', aliases: [{ text: 'North Korea' }] },
    ]);
    expect(findMatches(automaton, text).map((m) => [m.termId, m.text])).toEqual(expected);
  });

  it.each([
    // spaces inside a Korean compound are optional
    ['written with its spaces', '전문가 패널 보고서', [['panel', '전문가 패널']]],
    ['written without', '전문가패널 보고서', [['panel', '전문가패널']]],
    ['some spaces dropped', '단거리 탄도미사일을 쐈다', [['missiles', '단거리 탄도미사일을']]],
    ['all spaces dropped', '단거리탄도미사일 발사', [['missiles', '단거리탄도미사일']]],
    // so is the hyphen between a Korean name and its number (화성-18형, 화성18형)
    // and so is a space between a headline's hanja and Hangul (北 포로: 北포로)
    ['hanja and Hangul spaced', '北 포로 영상', [['troops', '北 포로']]],
    ['hanja and Hangul fused', '北포로 영상', [['troops', '北포로']]],
    ['hyphen before a number kept', '화성-18형을 쐈다', [['icbm', '화성-18형을']]],
    ['hyphen before a number dropped', '화성18형 ICBM', [['icbm', '화성18형']]],
    ['spaced before a number', '화성 18형 발사', [['icbm', '화성 18형']]],
    // up to four spaces, counted from the end: a long treaty name fused in its middle, spaced at its end
    ['the middle of a long name fused', '포괄적 전략적동반자관계에 관한 조약을 맺었다', [['treaty', '포괄적 전략적동반자관계에 관한 조약을']]],
  ])('Korean compounds: %s', (_rule, text, expected) => expect(found(text)).toEqual(expected));

  it.each([
    // particles after any alias in a Korean sentence
    [
      'after a Latin-script name',
      'KN-23은 북한이 만든',
      [
        ['missiles', 'KN-23은'],
        ['north-korea', '북한이'],
      ],
    ],
    ['after an acronym', 'SRBM을 건넸다', [['missiles', 'SRBM을']]],
    [
      '에서부터',
      '러시아에서부터 북한까지',
      [
        ['russia', '러시아에서부터'],
        ['north-korea', '북한까지'],
      ],
    ],
    ['으로부터', '북한으로부터 받은', [['north-korea', '북한으로부터']]],
    ['not a particle: a compound', '북한산 미사일', [['north-korea', '북한산']]],
    // the plural 들, alone or before a particle (북한군들이, 북한군들의)
    ['plural', '북한군들 수천 명', [['troops', '북한군들']]],
    ['plural before a particle', '북한군들이 싸웠다', [['troops', '북한군들이']]],
    ['plural is not any syllable', '북한군단 편성', []],
    // 측 or 만 before a particle, and two particles together
    ['측 and a particle', '러시아측이 앞서 맺은', [['russia', '러시아측이']]],
    ['만 and a particle', '러시아만은 예외로', [['russia', '러시아만은']]],
    [
      '만큼 and 만큼은',
      '단거리 탄도 미사일만큼은 불량 걱정이 없고 러시아만큼 많이',
      [
        ['missiles', '단거리 탄도 미사일만큼은'],
        ['russia', '러시아만큼'],
      ],
    ],
    ['로서 and 는', '러시아로서는 넘기기 어렵다', [['russia', '러시아로서는']]],
    ['으로 and 까지', '북한으로까지 넓혀지거나', [['north-korea', '북한으로까지']]],
    ['뿐 and a copula', '세계에서 북한뿐이라며', [['north-korea', '북한뿐이라며']]],
    [
      'a verb ending on a noun, then 다가',
      '러시아에 파병됐다가 숨진',
      [
        ['russia', '러시아에'],
        ['troops', '파병됐다가'],
      ],
    ],
    ['a syllable that only starts a combination is not one', '러시아측근 인사', []],
    // nouns news fuses onto a state's name: a style, a language, an ambassador, its people
    ['a style', '러시아식 액체엔진', [['russia', '러시아식']]],
    ['a language, with a particle', '러시아어를 가르친다', [['russia', '러시아어를']]],
    ['an ambassador, with a particle', '주북한 러시아대사가 참석했다', [['russia', '러시아대사가']]],
    ['its people, with a particle', '북한인들이 일한다', [['north-korea', '북한인들이']]],
    ['a version of', '러시아판 롤스로이스', [['russia', '러시아판']]],
    ['made by, then a copula', '그 미사일은 북한제였다', [['north-korea', '북한제였다']]],
    ['made in, then a particle', '러시아산과 다르다', [['russia', '러시아산과']]],
    ['two particles: 에 then 만', '러시아에만 기댄다', [['russia', '러시아에만']]],
    ['a copula after a name', '배후는 러시아였다', [['russia', '러시아였다']]],
    ['a copula, then a quotative', '배후가 러시아였다고 밝혔다', [['russia', '러시아였다고']]],
    ['a fused noun is not any syllable', '러시아어휘 사전', []],
    // verb endings glued onto a Sino-Korean noun (하다, 되다)
    [
      '되다, past, quoted',
      '북한군이 쿠르스크에 파병됐다고 본다',
      [
        ['troops', '북한군이'],
        ['troops', '파병됐다고'],
      ],
    ],
    [
      '하다, present',
      '러시아에 파병하는 나라',
      [
        ['russia', '러시아에'],
        ['troops', '파병하는'],
      ],
    ],
    [
      '하다, past',
      '북한이 파병했다',
      [
        ['north-korea', '북한이'],
        ['troops', '파병했다'],
      ],
    ],
    ['not a verb ending: a longer word', '파병론자', []],
    ['the North Sea is not 북 with a verb ending', '북해 유전', []],
    ['a longer name beats a verb ending (북+한)', '북한 매체', [['north-korea', '북한']]],
    // any alias ending in Hangul takes particles, whether or not it asks for Korean inflection
    ['a Hangul alias without inflection', '정찰위성을 쐈다', [['satellites', '정찰위성을']]],
    // 서: 에서 after a vowel, as headlines write it
    [
      '서 after a vowel',
      '러시아서 돌아온 북한군',
      [
        ['russia', '러시아서'],
        ['troops', '북한군'],
      ],
    ],
    [
      '서 with a particle after it, as 에서 takes one (러시아서도, 러시아서는)',
      '러시아서도 북한 노동자가 늘었다. 러시아서는 드물다',
      [
        ['russia', '러시아서도'],
        ['north-korea', '북한'],
        ['russia', '러시아서는'],
      ],
    ],
    ['north-west is not 북 with 서', '북서 방향으로', []],
    ['nor with 서 and a particle (북서는, 북서도, 북서의)', '북서는 산이 많다. 북서도 비가 온다. 북서의 바람', []],
    // a particle that starts like a longer alias goes on: both readings are kept
    ['the longer alias, whole', '포괄적 전략적 동반자 관계에 관한 조약을 맺었다', [['treaty', '포괄적 전략적 동반자 관계에 관한 조약을']]],
    ['the shorter one with its particle, where the longer one stops short', '포괄적 전략적 동반자 관계에 대해 말했다', [['partnership', '포괄적 전략적 동반자 관계에']]],
    ['and with a particle that does not collide', '포괄적 전략적 동반자 관계로 격상', [['partnership', '포괄적 전략적 동반자 관계로']]],
    ['English after a Latin name stays a word boundary', 'KN-23s were fired', []],
  ])('Korean particles: %s', (_rule, text, expected) => expect(found(text)).toEqual(expected));

  it('keeps a longer name’s own particles where a shorter name’s particle runs into its branch (북측에서부터: not 북 + 측에서)', () => {
    // 북 + 측에서 is written into 북측's branch (the particle starts like the longer name goes on);
    // 북측 must still take the particles that start like that particle goes on (에서부터).
    const own = compileAutomaton([
      {
        id: 'north-korea',
        aliases: [
          { text: '북측', inflect: 'ko' },
          { text: '북', inflect: 'ko', standalone: false },
        ],
      },
    ]);
    for (const word of ['북측에서부터', '북측에서', '북측에게는', '북측으로부터']) expect(findMatches(own, `${word} 왔다`).map((m) => m.text)).toEqual([word]);
  });

  it('marks an alias that keeps its term where an article narrows it, and a packed automaton keeps the mark', () => {
    const terms: MatcherTerm[] = [{ id: 'sanctions', aliases: [{ text: 'sanctions' }, { text: 'EU |sanctions', keepsTerm: true }, { text: '독자 제재', inflect: 'ko', keepsTerm: true }] }];
    const own = compileAutomaton(terms);
    for (const compiled of [own, unpackAutomaton(packAutomaton(own), own.termIds)!]) {
      expect(findMatches(compiled, 'new sanctions').map((m) => m.keepsTerm)).toEqual([false]);
      expect(findMatches(compiled, 'the EU sanctions stay').map((m) => [m.text, m.keepsTerm])).toEqual([['sanctions', true]]);
      expect(findMatches(compiled, '독자제재를 부과').map((m) => [m.text, m.keepsTerm])).toEqual([['독자제재를', true]]);
    }
  });

  it('marks on-topic words, which neither name their term nor count as bare aliases', () => {
    expect(findMatches(a, 'looking into arms transfers between them')[0]).toMatchObject({ termId: 'troops', standalone: false, topical: true });
    expect(findMatches(a, '북한군이 파병됐다')[0]).toMatchObject({ termId: 'troops', standalone: true, topical: false });
    expect(findMatches(a, '북이 말했다')[0]).toMatchObject({ termId: 'north-korea', standalone: false, topical: false });
  });

  it.each([
    // the Russian head word declines in multi-word names
    ['genitive head', 'заседание Совета Безопасности вчера', [['unsc', 'Совета Безопасности']]],
    ['prepositional head', 'в Совете Безопасности', [['unsc', 'Совете Безопасности']]],
    ['head with a fixed tail', 'мандат группы экспертов ООН истёк', [['panel', 'группы экспертов ООН']]],
    ['instrumental head', 'с группой экспертов', [['panel', 'группой экспертов']]],
    ['adjective and noun both decline', 'бои в Курской области', [['kursk', 'Курской области']]],
    ['accusative of both', 'освободили Курскую область', [['kursk', 'Курскую область']]],
    ['plural adjective and noun, genitive', 'о потерях северокорейских военных', [['soldiers', 'северокорейских военных']]],
    ['neuter adjective', 'учения в Японском море', [['sea', 'Японском море']]],
    ['plural adjective and noun, instrumental', 'вместе с северокорейскими военными', [['soldiers', 'северокорейскими военными']]],
    ['an unrelated word is not a form', 'Советский союз', []],
    ['a neuter noun in -ние declines as a noun', 'ратифицировали соглашения по обороне', [['defence-pact', 'соглашения по обороне']]],
    ['a neuter noun in -ство, with its adjective', 'о стратегическом партнёрстве говорили', [['partnership', 'стратегическом партнёрстве']]],
    ['a plural noun in -ы, genitive', 'командование вооружённых сил', [['armed-forces', 'вооружённых сил']]],
    ['a plural noun in -ы, instrumental', 'вместе с вооружёнными силами', [['armed-forces', 'вооружёнными силами']]],
    ['a plural noun in -ии, genitive', 'в обход международных санкций', [['international-sanctions', 'международных санкций']]],
    ['a plural noun in -ии, dative', 'вопреки международным санкциям', [['international-sanctions', 'международным санкциям']]],
    // a plural noun in -ки, -ги, -хи: захватчиков, захватчикам, захватчиками, захватчиках
    ['a plural noun in -ки, genitive', 'потери российских захватчиков', [['invaders', 'российских захватчиков']]],
    ['a plural noun in -ки, dative', 'помощь российским захватчикам', [['invaders', 'российским захватчикам']]],
    ['a plural noun in -ки, instrumental', 'вместе с российскими захватчиками', [['invaders', 'российскими захватчиками']]],
    // a noun in -ния is a neuter plural (отношения: отношений) or a feminine singular (Великобритания: Великобритании)
    ['a neuter plural in -ния, genitive', 'в развитии союзнических отношений между', [['allied-ties', 'союзнических отношений']]],
    ['a neuter plural in -ния, instrumental', 'доволен союзническими отношениями', [['allied-ties', 'союзническими отношениями']]],
    ['a feminine singular in -ния still declines as one', 'санкции Великобритании', [['britain', 'Великобритании']]],
    // words in capitals stay as they are, though a name that is not case-exact is stored in lower case
    ['an acronym inside a name declined whole', 'по данным Государственного департамента США', [['state-department', 'Государственного департамента США']]],
    // войска is plural troops, not a feminine noun in -ка: войск, войскам, войсками, войсках
    ['войска, genitive', 'отправка корейских войск', [['korean-troops', 'корейских войск']]],
    ['войска, prepositional', 'слова Путина о корейских войсках', [['korean-troops', 'корейских войсках']]],
    ['войска, instrumental, as the head', 'вместе с войсками Северной Кореи', [['korean-troops', 'войсками Северной Кореи']]],
    ['войска, no feminine singular', 'служил в войске Северной Кореи', []],
    // a neuter noun in -ье (Приморье, Подмосковье): Приморья, Приморью, Приморьем
    // a plural in -цы after a stem of two or more syllables takes -цев (спецназовцев, китайцев);
    // a one-syllable stem keeps its stressed -цов (бойцов)
    ['a plural in -цы, genitive', 'около 1500 северокорейских спецназовцев', [['special-forces', 'северокорейских спецназовцев']]],
    ['a plural in -цы, dative', 'медали северокорейским спецназовцам', [['special-forces', 'северокорейским спецназовцам']]],
    ['a one-syllable stem, genitive', 'память бойцов КНДР', [['special-forces', 'бойцов КНДР']]],
    ['a neuter noun in -ье, genitive', 'туристический бизнес Приморья', [['primorye', 'Приморья']]],
    ['a neuter noun in -ье, instrumental', 'граница с Приморьем', [['primorye', 'Приморьем']]],
    ['a neuter noun in -ье, prepositional', 'живут в Приморье', [['primorye', 'Приморье']]],
    // ё is often written е (and е sometimes ё): either spelling is the same word, whichever the alias has
    ['ё in the alias, е in the text', 'о стратегическом партнерстве говорили', [['partnership', 'стратегическом партнерстве']]],
    ['ё in the alias, е in the text, declined', 'командование вооруженных сил', [['armed-forces', 'вооруженных сил']]],
    [
      'е in the alias, ё in the text',
      'ратифицировала Договор о стратегическом партнёрстве между Россией и КНДР',
      [
        ['treaty', 'Договор о стратегическом партнёрстве'],
        ['russia-ru', 'Россией'],
        ['north-korea', 'КНДР'],
      ],
    ],
    ['Ё in capitals', 'СТРАТЕГИЧЕСКОЕ ПАРТНЁРСТВО', [['partnership', 'СТРАТЕГИЧЕСКОЕ ПАРТНЁРСТВО']]],
    // every word of an ru-all name takes the same case: a mixed form is not Russian, and not a match
    ['words in different cases are no form', 'Курская области', []],
    ['nor are they with a plural', 'северокорейские военными', []],
  ])('Russian declension: %s', (_rule, text, expected) => expect(found(text)).toEqual(expected));

  it.each([
    // stop phrases claim their words (longest wins) and show nothing
    ['claims a longer phrase', 'the National Security Council said', []],
    ['leaves the words before its “|”', 'Russia’s Security Council met', [['russia', 'Russia']]],
    ['leaves the words after its second “|”', 'секретарь Совета Безопасности России Сергей Шойгу', [['russia-ru', 'России']]],
    ['and still lets the UN’s council match', 'в Совете Безопасности ООН', [['unsc', 'Совете Безопасности']]],
    ['the real name still matches elsewhere', 'the Security Council voted', [['unsc', 'Security Council']]],
    ['a region, not the republic', 'in Donetsk Oblast today', []],
    ['the republic itself', 'the so-called Donetsk republic', [['dpr', 'Donetsk']]],
    ['a longer alias that starts earlier still wins', 'North Korean missiles, not Iskander missiles', [['missiles', 'missiles']]],
  ])('stop phrases: %s', (_rule, text, expected) => expect(found(text)).toEqual(expected));

  it('ends a name at the Hangul after its last hanja however the text is split, when that hanja began a word', () => {
    // 北·露파병: the pair 北·露 ends before 파병, as 露 began a word after the dot; fed whole or in
    // two text nodes, the scanner must agree.
    const a = compileAutomaton([{ id: 'pair', aliases: [{ text: '北·露', inflect: 'ko' }] }]);
    expect(findMatches(a, '北·露파병 논란').map((m) => m.text)).toEqual(['北·露']);
    const stream = new MatchStream(a);
    const got: string[] = [];
    stream.beginBlock();
    for (const piece of ['北·露', '파병 논란']) stream.feed(piece);
    stream.endBlock((start, end) => {
      got.push('北·露파병 논란'.slice(start, end));
    });
    expect(got).toEqual(['北·露']);
  });

  it('lets a name that reads the words after it beat a longer name of another term starting with it', () => {
    // "Russian military" is Russia's forces as a noun, but before a noun it owns (a Russian military
    // delegation) it is an adjective: "|Russian| military delegation" shows Russia alone.
    const a = compileAutomaton([
      { id: 'forces', aliases: [{ text: 'Russian military' }] },
      { id: 'russia', aliases: [{ text: 'Russian' }, { text: '|Russian| military delegation' }] },
    ]);
    const shown = (text: string) => findMatches(a, text).map((m) => [m.termId, m.text]);
    expect(shown('A Russian military delegation arrived.')).toEqual([['russia', 'Russian']]);
    expect(shown('The Russian military said so.')).toEqual([['forces', 'Russian military']]);
    expect(shown('The Russian military delegations left.')).toEqual([['forces', 'Russian military']]);
  });

  it.each([
    // any alias may read words beyond what it shows: the parties say which treaty, and stay states
    [
      'shows the title and leaves the parties to match',
      'ратифицировала Договор о стратегическом партнерстве между Россией и КНДР.',
      [
        ['treaty', 'Договор о стратегическом партнерстве'],
        ['russia-ru', 'Россией'],
        ['north-korea', 'КНДР'],
      ],
      false,
    ],
    [
      'with its head declined',
      'ратификация договора о стратегическом партнерстве между Россией и КНДР',
      [
        ['treaty', 'договора о стратегическом партнерстве'],
        ['russia-ru', 'Россией'],
        ['north-korea', 'КНДР'],
      ],
      false,
    ],
    ['the title alone is only on the topic', 'Договор о стратегическом партнерстве с Ираном', [['treaty', 'Договор о стратегическом партнерстве']], true],
    // the claim counts canonical characters; the text's own runs of spaces and its quotes are walked off
    [
      'over a line break and indentation',
      'Договор о стратегическом партнерстве\n      между  Россией и КНДР',
      [
        ['treaty', 'Договор о стратегическом партнерстве'],
        ['russia-ru', 'Россией'],
        ['north-korea', 'КНДР'],
      ],
      false,
    ],
    [
      'with the title in guillemets',
      '«Договор о стратегическом партнерстве» между Россией и КНДР',
      [
        ['treaty', 'Договор о стратегическом партнерстве'],
        ['russia-ru', 'Россией'],
        ['north-korea', 'КНДР'],
      ],
      false,
    ],
    ['a prefix over a line break', 'the\n    North said', [['sappers', 'North']], false],
    // an alias that reads words before its claim beats a shorter name of another term starting in those
    // words and ending within what it read; names that run past it, or share its term, keep their span
    ['a read prefix beats a shorter name it starts with', 'обход санкций ООН', [['un-sanctions', 'санкций ООН']], false],
    ['the shorter name alone is itself', 'обход санкций США', [['evasion', 'обход санкций']], false],
    ['and the words a claim leaves still match', 'Russia’s Security Council', [['russia', 'Russia']], false],
    [
      'a reader claiming earlier does not hide one reading from further back',
      'alpha beta gamma delta epsilon',
      [
        ['reader-b', 'gamma'],
        ['reader-a', 'delta epsilon'],
      ],
      false,
    ],
    ['no name gives way to a reader that a longer name would hide', 'one two three four five six', [['name-k', 'one two three four']], false],
    ['a name of the same term keeps its whole span', 'the unilateral sanctions list', [['own-list', 'unilateral sanctions']], false],
    ['a longer name starting where the claim starts still wins', 'the North Korea talks', [['north-korea', 'North Korea']], false],
  ])('an alias’s claim: %s', (_rule, text, expected, topical) => {
    expect(found(text)).toEqual(expected);
    expect(findMatches(a, text)[0]).toMatchObject({ topical });
  });

  it('does not read a form whose unclaimed words were declined or fused away, rather than show it whole', () => {
    // "Кима Чен Ын": the unclaimed "Ким " no longer starts it; "북한공병": the space the claim starts after is gone.
    expect(found('у Кима Чен Ын')).toEqual([]);
    expect(found('북한공병이 왔다')).toEqual([]);
    expect(found('북한 공병이 왔다')).toEqual([
      ['north-korea', '북한'],
      ['sappers', '공병이'],
    ]);
  });
});
