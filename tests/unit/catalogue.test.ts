/**
 * The real catalogue (data/corpus.json) through the real matcher, on news sentences written for
 * these tests: every alias class finds its term, and off-topic text finds nothing specific.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../lib/corpus/schema';
import { compileAutomaton, findMatches } from '../../lib/matcher';
import { matcherTerms } from '../../lib/matcher-data';
import { NEWS_SENTENCES, OFF_TOPIC_SENTENCES, ON_TOPIC_NAMES } from '../fixtures/news-sentences';

const corpus: Corpus = JSON.parse(readFileSync(join(__dirname, '../../data/corpus.json'), 'utf8'));
// As the extension compiles it: the terms, then the stop phrases.
const automaton = compileAutomaton(matcherTerms(corpus));
const specific = new Set(corpus.terms.filter((t) => t.specificity === 'specific').map((t) => t.id));
/** Word classes ("talks", 회담) never show as themselves, only as the term that narrows them. */
const wordClasses = new Set(corpus.terms.filter((t) => t.narrowOnly).map((t) => t.id));
/** The terms a sentence names (as the page's verdict sees it). */
const found = (text: string) =>
  [
    ...new Set(
      findMatches(automaton, text)
        .filter((m) => m.standalone && !wordClasses.has(m.termId))
        .map((m) => m.termId),
    ),
  ].sort();

describe('the catalogue on news sentences', () => {
  it.each(NEWS_SENTENCES.map((s) => [s.note, s.text, s.expect] as const))('%s: “%s”', (_note, text, expected) => {
    expect(found(text)).toEqual([...expected].sort());
  });

  it.each(ON_TOPIC_NAMES)('finds “%s” naming %s only on the topic (“%s”)', (text, termId, matched) => {
    expect(findMatches(automaton, text).find((m) => m.termId === termId)).toMatchObject({ text: matched, standalone: false, topical: true });
  });

  it.each(OFF_TOPIC_SENTENCES.map((s) => [s]))('finds nothing specific off the topic: “%s”', (text) => {
    expect(found(text).filter((id) => specific.has(id))).toEqual([]);
  });

  it('reads no other army’s builders as North Korea’s troops, even in an article on the topic (hostile review)', () => {
    for (const text of ['Военные строители Военно-строительной компании уже возвели 12 объектов.', 'US military builders such as the Army Corps of Engineers'])
      expect(findMatches(automaton, text).filter((m) => m.termId === 'nk-troops-in-russia')).toEqual([]);
  });

  it('reads 북행 as northbound, not as North Korea with 행 (bound for) after it', () => {
    expect(findMatches(automaton, '서울역에서 북행 열차를 탔다.').map((m) => m.termId)).toEqual([]);
    // while a place bound for keeps its name
    expect(findMatches(automaton, '평양행 열차').map((m) => m.termId)).toEqual(['north-korea']);
  });

  // From the second hostile review of this round's aliases: each sentence must not show the term named.
  it.each([
    // (these two from held-out 39: a bare Kim and the Kremlin show only beside other names, so only the matches tell)
    ['Colonel General Kim Hyong Ryong met the delegation.', 'kim-jong-un', 'another Kim, by his given name'],
    ['The Telegram channel Kremlin Snuffbox said so.', 'russia', 'a channel named after the Kremlin'],
    ['MOSCOW: North Korea is to send builders to Kursk.', 'russia', 'a dateline with a colon'],
    ['Seoul (AFP) - North Korea fired a missile.', 'south-korea', 'a dateline in mixed case'],
    ['Western Australian Premier Roger Cook spoke.', 'the-west', 'Western Australia'],
    ['the Western Ukrainian city of Lviv', 'the-west', 'western Ukraine'],
    ['Ukraine Strikes Western Russian Region', 'the-west', 'western Russia, headline-cased'],
    ['North Korean Troops Spotted in Western Kursk', 'the-west', 'western Kursk, headline-cased'],
    ['the Western Conference finals', 'the-west', 'a sports conference'],
    ['PJSC NK Rosneft signed the deal.', 'north-korea', 'NK, an oil company’s prefix'],
    ['NK cells attack tumours.', 'north-korea', 'natural killer cells'],
    ['주말 북한산도 등산객으로 붐볐다.', 'north-korea', 'Bukhansan, the mountain'],
    ['북한산 국립공원에 단풍이 들었다.', 'north-korea', 'Bukhansan National Park'],
    ['Ukrainian sappers cleared mines near Kharkiv.', 'nk-troops-in-russia', 'Ukraine’s sappers'],
    ['Russian deminers worked beside them.', 'nk-troops-in-russia', 'Russia’s deminers'],
    ['유럽의 우크라이나 군대 파견 논의가 이어졌다.', 'nk-troops-in-russia', 'Europe’s troops for Ukraine'],
    ['Россия ведёт переброску войск из Херсона.', 'nk-troops-in-russia', 'Russia’s own troop transfers'],
    // (the sixth hostile review: words this round nearly made names)
    ['金값 사상 최고…러시아 중앙은행도 매입', 'kim-jong-un', 'gold, in a hanja headline'],
    ['특검, 金 여사 의혹 수사 확대', 'kim-jong-un', 'another Kim, in a hanja headline'],
    ["Judo body's Federation Council suspends North Korea", 'russian-state-bodies', 'a sports federation’s council'],
    ['스위스 연방평의회, 대북 제재 강화', 'russian-state-bodies', 'Switzerland’s Federal Council'],
    ["Shelling hits Darfur's Kalma camp", 'north-korean-places', 'the Kalma camp in Darfur'],
    ['Rajin Saleh scored twice.', 'north-korean-places', 'a man named Rajin'],
    // (the fourteenth hostile review: 조러하다, "like that", is no pair's name whatever its ending)
    ['아이에게 조러하게 말하면 안 된다.', 'nk-russia-partnership', '조러하게, "like that"'],
    ['조러하지 않으려면 먼저 들어야 한다.', 'nk-russia-partnership', '조러하지'],
    ['조러한 말은 조러해서 나쁘다.', 'nk-russia-partnership', '조러한 and 조러해서'],
    // (the development set: Interfax files from Moscow, «Москва. 4 января. INTERFAX.RU —», 23 times, never labelled)
    ['Москва. 4 января. INTERFAX.RU — Военные КНДР испытали ракеты.', 'russia', 'Interfax’s dateline'],
    ['Москва. 16 августа. INTERFAX.RU — Вице-премьер заявил о ракетах КНДР.', 'russia', 'Interfax’s dateline in August'],
    // (held-out 67: Kim Yo Jong spelt Йо; her bare surname after it read as Kim Jong Un)
    ['Ким Йо Чжон заявила, что слухи распускают враждебные силы.', 'kim-jong-un', 'Kim Yo Jong spelt Йо'],
    // (the fourteenth hostile review: the Security Council's other panels of experts)
    ['The Council renewed the Panel of Experts on Mali for a year.', 'un-panel-of-experts', 'Mali’s panel'],
    ['Совбез продлил мандат группы экспертов по Ливии.', 'un-panel-of-experts', 'Libya’s panel'],
    ['안보리는 예멘 전문가 패널의 보고서를 받았다.', 'un-panel-of-experts', 'Yemen’s panel'],
    ['헝가리, 우크라이나와의 분쟁 격화', 'ukraine-war', 'Hungary’s dispute with Ukraine'],
    ['Группа мониторинга санкций ООН представила доклад.', 'msmt', 'the UN’s panel, not the MSMT'],
    ['미국과 사우디가 상호방위협정을 추진한다.', 'russia-dprk-treaty-2024', 'another pair’s defence pact'],
    // (held-out 50: annotators label a bare 발사체 null two times in three; in news it is mostly a projectile fired)
    ['북한이 동해상으로 발사체를 쐈다고 합참이 밝혔다.', 'satellite-technology', 'a projectile North Korea fired'],
    ['러시아가 북한에 발사체를 넘겨줄 가능성도 있다.', 'satellite-technology', 'a launch vehicle, which annotators do not read as satellite technology'],
  ])('does not show %s as %s (%s)', (text, termId) => {
    expect(findMatches(automaton, text).filter((m) => m.termId === termId)).toEqual([]);
  });

  it('reads "a new sanctions monitoring body" as sanctions the article may call the UN’s, not a country’s new sanctions', () => {
    // A country's own sanctions keep their term; a monitoring body's headline must not stop the article narrowing its sanctions.
    expect(findMatches(automaton, 'teams up on a new sanctions monitoring body').map((m) => [m.termId, m.keepsTerm === true])).toEqual([['sanctions', false]]);
    expect(findMatches(automaton, 'the US imposed new sanctions on Russia').find((m) => m.termId === 'sanctions')?.keepsTerm).toBe(true);
  });

  it('reads the third hostile review’s texts as a reader would', () => {
    const shown = (text: string) =>
      findMatches(automaton, text)
        .filter((m) => !wordClasses.has(m.termId))
        .map((m) => [m.text, m.termId]);
    // "might" as a verb: the Russian military (its forces) might run short
    expect(shown('Analysts warned that the Russian military might run short of shells.')).toEqual([
      ['Russian military', 'russian-forces'],
      ['shells', 'artillery-shells'],
    ]);
    // engineers at a factory or on a missile are North Korea's, not the troops in Russia
    expect(shown('North Korean engineers have been working at the Alabuga plant.')).toEqual([['North Korean', 'north-korea']]);
    expect(shown('Инженеры из КНДР работают на заводе.')).toEqual([['КНДР', 'north-korea']]);
    // the 2014 crisis is not the 2022 war
    expect(shown('until the 2014 Ukraine crisis pushed Moscow closer')).toEqual([
      ['Ukraine', 'ukraine'],
      ['Moscow', 'russia'],
    ]);
    // other Far Eastern names
    for (const text of ['the Far Eastern Air Forces bombed the North', 'wrote in the Far Eastern Economic Review', 'studied at Far Eastern University in Manila'])
      expect(
        findMatches(automaton, text).filter((m) => m.termId === 'russian-far-east'),
        text,
      ).toEqual([]);
    // a seminar's panel of North Korea experts is the UN's panel only in an article on the topic
    expect(findMatches(automaton, '세미나 2부는 대북 전문가 패널 토론으로 진행됐다').find((m) => m.termId === 'un-panel-of-experts')).toMatchObject({ standalone: false, topical: true });
    // the cosmodrome itself, driven out of, is still the cosmodrome
    expect(shown('The motorcade pulled out of Vostochny Cosmodrome at noon.')).toEqual([['Vostochny Cosmodrome', 'vostochny-cosmodrome']]);
    // northern places written with 北 are not North Korea
    for (const text of ['北극항로 개척', '北유럽 순방', '北대서양조약기구(NATO) 회의', '北아일랜드 평화', '北아프리카 난민'])
      expect(
        findMatches(automaton, text).filter((m) => m.termId === 'north-korea'),
        text,
      ).toEqual([]);
  });

  it('keeps a new batch of sanctions a country’s own', () => {
    expect(findMatches(automaton, 'the US government unveiled a new batch of sanctions').find((m) => m.termId === 'sanctions')?.keepsTerm).toBe(true);
  });

  it('keeps US-led and Western sanctions a country’s own, never the UN’s, and still shows who leads them', () => {
    for (const text of ['US-led sanctions had started to erode', 'faces Western sanctions over the war'])
      expect(
        findMatches(automaton, text).map((m) => [m.termId, m.keepsTerm === true]),
        text,
      ).toEqual([
        [text.startsWith('US') ? 'united-states' : 'the-west', false],
        ['sanctions', true],
      ]);
  });

  it('covers every kind, with 60 or more terms', () => {
    expect(corpus.terms.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.terms.map((t) => t.kind))).toEqual(new Set(['person', 'state', 'place', 'organisation', 'event', 'weapon', 'document', 'concept']));
  });

  // Each alias class the issue names, as a pattern over the page's words: for each, some news
  // sentence has such words, and the real matcher finds a term in exactly those words (not merely
  // elsewhere in the sentence), so the class is proven on the code, not on the fixture.
  it.each([
    ['Korean', /\p{Script=Hangul}+/gu],
    ['Russian', /\p{Script=Cyrillic}+(?: \p{Script=Cyrillic}+)*/gu],
    ['dotted abbreviations', /D\.P\.R\.K\.|U\.N\./g],
    ['number and unit forms', /152 ?mm|152-mm/g],
    ['an all-caps headline', /\b[A-Z]{4,}(?: [A-Z]{2,}){3,}/g],
    ['possessives', /\p{L}+(?:’s|'s)/gu],
  ] as const)('finds terms written as %s', (_class, pattern) => {
    const hits = NEWS_SENTENCES.flatMap((s) =>
      [...s.text.matchAll(pattern)].flatMap((span) => {
        const from = span.index!,
          to = from + span[0].length;
        return findMatches(automaton, s.text)
          .filter((m) => m.standalone && m.start < to && m.end > from)
          .map((m) => m.text);
      }),
    );
    expect(hits.length, 'no term found in words of this class').toBeGreaterThan(0);
  });

  it('finds declined Russian and particle-bearing Korean names', () => {
    expect(found('Визит Путина в Пхеньяне')).toEqual(['north-korea', 'vladimir-putin']);
    expect(found('김정은이 평양에서 푸틴과 만났다')).toEqual(['kim-jong-un', 'north-korea', 'vladimir-putin']);
  });

  it('reads a Korean compound name whole, written with its space or without (루간스크 인민공화국 = 루간스크인민공화국)', () => {
    const first = (text: string) => findMatches(automaton, text).map((m) => [m.termId, m.text])[0];
    expect(first('루간스크 인민공화국을 승인했다')).toEqual(['luhansk-peoples-republic', '루간스크 인민공화국을']);
    expect(first('루간스크인민공화국을 승인했다')).toEqual(['luhansk-peoples-republic', '루간스크인민공화국을']);
    expect(first('루한스크 인민공화국과')).toEqual(['luhansk-peoples-republic', '루한스크 인민공화국과']);
    expect(first('도네츠크 인민공화국과')).toEqual(['donetsk-peoples-republic', '도네츠크 인민공화국과']);
  });

  it('grounds every summary and timeline entry in passages that exist', () => {
    const passageIds = new Set(corpus.passages.map((p) => p.id));
    for (const t of corpus.terms) for (const p of t.passages) expect(passageIds).toContain(p);
    expect(corpus.events.length).toBeGreaterThanOrEqual(10);
    for (const e of corpus.events) expect(e.terms.length).toBeGreaterThan(0);
  });
});

/**
 * False positives the issue saw on real news (issue 13), in sentences written for this test:
 * each must not show the look-alike term, and where a real term is there, it still shows.
 */
describe('the catalogue does not mistake look-alikes', () => {
  const all = (text: string) => findMatches(automaton, text).map((m) => m.termId);
  it.each([
    ['the US National Security Council', 'A National Security Council spokesman spoke on Tuesday.', 'un-security-council', []],
    ['Russia’s Security Council', 'Russia’s Security Council met in Moscow.', 'un-security-council', ['russia']],
    ['Совбез России', 'Зампред Совбеза России выступил с заявлением.', 'un-security-council', []],
    ['Donetsk Oblast', 'Shelling hit a village in Donetsk Oblast overnight.', 'donetsk-peoples-republic', []],
    ['Донецкая область', 'Обстрел в Донецкой области продолжился.', 'donetsk-peoples-republic', []],
    ['space rockets', 'The Angara rocket lifted off with a satellite payload.', 'rockets', []],
    ['Russian Iskander', 'The debris resembled Iskander missiles.', 'missiles', []],
    ['Moscow 24', 'The footage aired on Moscow 24 last night.', 'russia', []],
    ['Kim Yo Jong', 'Kim Yo Jong issued a statement.', 'kim-jong-un', []],
    ['Kim Jong Il', 'Kim Jong Il died in 2011.', 'kim-jong-un', []],
    ['Ким Ё Чжон', 'Ким Ё Чжон выступила с заявлением.', 'kim-jong-un', []],
    ['a Kim with another given name', 'Former defence minister Kim Yong-hyun and Kim Keon-hee were charged.', 'kim-jong-un', []],
    ['Ким с другим именем', 'Бывший министр Ким Ён Хён предстал перед судом.', 'kim-jong-un', []],
    ['Ким Ир Сен', 'памятник Ким Ир Сену в Пхеньяне', 'kim-jong-un', ['north-korea']],
    ['the deputy chairman of Russia’s Security Council', 'Зампред Совета безопасности заявил, что…', 'un-security-council', []],
    ['a news agency named after Ukraine', 'Об этом сообщает РБК-Украина.', 'ukraine', []],
    ['another agency named after Ukraine', '인테르팍스-우크라이나 통신이 보도했다.', 'ukraine', []],
    ['Russia’s party', 'A delegation of United Russia arrived.', 'russia', []],
    ['Russia’s Iskander as a ballistic missile, in Korean', '러시아군이 이스칸데르-M 탄도미사일을 쐈다.', 'missiles', ['russian-forces']],
    ['the Donetsk region, in Korean', '도네츠크 지역에서 포격이 이어졌다.', 'donetsk-peoples-republic', []],
    ['North Korea’s own launch station', 'a rocket rose from the Sohae Satellite Launching Station', 'satellite-technology', []],
    ['a Russian military ID, not Russia’s forces', 'у него нашли российский военный билет', 'russian-forces', ['russia']],
    ['air-defence missiles', 'Russia handed over antiaircraft missiles to protect Pyongyang.', 'missiles', ['russia', 'north-korea']],
    ['지대공 미사일', '러시아가 북한에 지대공 미사일을 넘겼다.', 'missiles', ['russia', 'north-korea']],
    ['Vostochny port', 'Coal shipments left Vostochny port.', 'vostochny-cosmodrome', []],
    ['satellite imagery', 'Satellite imagery showed trains at the border.', 'satellite-technology', []],
    ['another foreign ministry', 'South Korea’s foreign ministry summoned the envoy.', 'nk-foreign-ministry', ['south-korea']],
    ['к западу от', 'Снег выпал к западу от города.', 'the-west', []],
    ['на западе России, a direction', 'Саперы работали на западе России.', 'the-west', ['russia']],
    ['Ukraine’s Donetsk and Luhansk regions', 'Moscow wants Ukraine to cede the Donetsk and Luhansk regions.', 'donetsk-peoples-republic', ['ukraine']],
    ['the Luhansk half of that phrase', 'Moscow wants Ukraine to cede the Donetsk and Luhansk regions.', 'luhansk-peoples-republic', []],
    ['a university named for the Far East', 'Students enrolled at Russia’s Far Eastern Federal University.', 'russian-far-east', []],
    ['a railway named for the Far East', 'A spokesman for the Far Eastern Railway said the train left.', 'russian-far-east', []],
    ['the 2019 Vladivostok summit', 'Preparing the Vladivostok summit took a year.', 'summit-words', []],
    ['Russia’s Iskander-M as a ballistic missile', 'It resembles Russia’s Iskander-M short-range ballistic missile.', 'missiles', ['russia']],
    ['Russia’s invasion of Ukraine, whole', 'из-за продолжающегося вторжения России в Украину', 'russia', ['russian-invasion-of-ukraine']],
    ['the Far East of Russia, whole', 'он прилетел на Дальний Восток России', 'russia', ['russian-far-east']],
    ['a rocket launch site', 'The two leaders met at the remote rocket launch site.', 'rockets', []],
    ['missiles the West supplies', 'Kyiv fired Western-supplied long-range missiles deep into Russia.', 'missiles', ['russia']],
    ['Russia’s Oreshnik', 'Moscow struck with its Oreshnik intermediate-range ballistic missiles.', 'missiles', ['russia']],
    ['Russia’s Security Council, quoted by Tass', 'Tass quoted the Security Council as saying the visit went well.', 'un-security-council', []],
    ['the UN Security Council’s panel, whole', 'an expert of the UN Security Council’s panel of experts on North Korea', 'un-security-council', ['un-panel-of-experts']],
    ['the Council’s resolutions show the Council (G12)', 'The shipments breach UN Security Council resolutions.', 'un-sanctions', ['un-security-council']],
    ['Resolution 1874', 'The shipments breach UN Security Council Resolution 1874.', 'un-security-council', ['un-sanctions']],
    ['the 2000 treaty, in Korean', '2000년에 체결된 북러 친선·선린 및 협조에 관한 조약은 효력을 잃는다', 'nk-russia-partnership', []],
    ['the 2000 joint declaration, in Korean', '김정일 위원장과 회담했고, 북러 공동선언을 발표했다', 'nk-russia-partnership', []],
    ['satellite pictures, in Korean', '두만강 일대를 찍은 인공위성 사진을 분석했다', 'satellite-technology', []],
    ['sanctions on Russia, whole', 'EU는 제13차 대러시아 제재안을 승인했다', 'russia', ['sanctions']],
    ['the panel under the sanctions committee, whole', '대북제재위 산하 전문가 패널의 임기를 늘리는 결의안', 'sanctions-committee-1718', ['un-panel-of-experts']],
    ['a channel named for Russia', 'The state channel Russia-1 reported that Putin showed Kim around.', 'russia', ['vladimir-putin']],
    ['the ports of Vostochny', 'Ships ran from Rajin to the Russian ports of Vostochny and Dunay.', 'vostochny-cosmodrome', []],
    ['the four annexed regions, in Korean', '러시아는 도네츠크, 루한스크, 헤르손, 자포리자 등 점령지에서 아이들을 데려갔다', 'donetsk-peoples-republic', ['russia']],
    ['the Hanoi summit with Trump', 'Talks have stalled since the Hanoi summit between Kim and Trump.', 'summit-words', []],
    ['152-mm shells spelled out, plural', 'свыше 6 миллионов 152-миллиметровых артиллерийских снарядов', 'artillery-shells', ['artillery-152mm']],
    ['Korean warriors, in Russian', 'увековечить подвиг корейских воинов', 'north-korea', ['nk-troops-in-russia']],
    ['Russian invaders, whole', 'evidence that the Russian invaders are using missiles made in North Korea', 'russia', ['russian-forces', 'missiles']],
    ['troops sent to Russia', 'Pyongyang has sent about 11,000 troops to Russia.', 'russian-forces', ['nk-troops-in-russia', 'russia']],
    ['the KPA’s overseas operations unit', 'Kim received commanders of the overseas operations unit.', 'russian-forces', ['nk-troops-in-russia']],
    ['nuclear and missile programmes, in Russian', 'санкции, призванные сдерживать ядерную и ракетную программу КНДР', 'cash-for-weapons', ['nuclear-weapons', 'missiles']],
    ['arms deals, in Russian', 'Ким Ё Чжон назвала абсурдными сообщения об оружейных сделках', 'kim-jong-un', ['cash-for-weapons']],
    ['Putin’s unilateral restrictive measures, in Russian', 'Небензя назвал их односторонними ограничительными мерами', 'un-sanctions', ['sanctions']],
    ['resolution 2375 by its Korean short name', '유엔 안보리는 2017년 대북결의 제2375호를 채택했다', 'un-sanctions', ['sanctions-2016-2017']],
    ['the 2001 declaration, in Korean', '2001년에는 북-러 선언을 발표했다', 'nk-russia-partnership', []],
    ['denuclearisation as the nuclear programme', 'Lavrov called North Korea’s denuclearization a closed issue.', 'united-nations', ['nuclear-weapons', 'sergey-lavrov']],
    ['Russia’s foreign ministry, in North Korea’s spelling', '최선희 외무상이 로씨야 외무성 대표단을 맞았다', 'nk-foreign-ministry', ['russia']],
    ['another spelling of Choe Son Hui', 'He was accompanied by his foreign minister, Choe Sun Hui.', 'kim-jong-un', ['choe-son-hui']],
    // Which meeting a bare summit word is, where the words around it say so.
    ['the 2019 summit, by its place', 'They wrapped up their first summit ever in Vladivostok.', 'summit-words', []],
    ['the 2019 summit, in Russian', 'к годовщине первого саммита лидеров', 'summit-words', []],
    ['talks at a spaceport are the Vostochny summit', 'Putin and Kim held a meeting at a Russian spaceport.', 'kim-putin-summits', ['vostochny-summit']],
    ['переговоры на космодроме', 'лидеры провели переговоры на космодроме Восточный', 'kim-putin-summits', ['vostochny-summit', 'vostochny-cosmodrome']],
    ['the June 2024 summit, by its date', '지난해 6월 정상회담에서 두 정상은 다리를 놓기로 했다', 'vostochny-summit', ['kim-putin-summits']],
    ['the June 2024 summit, by its place', 'They signed the pact at a summit in the North Korean capital.', 'vostochny-summit', ['kim-putin-summits', 'north-korea']],
  ])('%s', (_name, text, wrong, right) => {
    const ids = all(text);
    expect(ids).not.toContain(wrong);
    expect(ids).toEqual(expect.arrayContaining(right));
  });

  it('reads Putin’s full name in KCNA’s Korean spelling as one name, patronymic and all (held-out 56)', () => {
    expect(findMatches(automaton, '울라지미르 울라지미로비치 뿌찐 대통령에게').map((m) => [m.text, m.termId])).toEqual([['울라지미르 울라지미로비치 뿌찐', 'vladimir-putin']]);
  });

  it('matches words for talks, summits, rockets (in Russian and in English) and North Koreans as word classes, so an article can narrow them', () => {
    expect(findMatches(automaton, 'the talks began').map((m) => m.termId)).toEqual(['leaders-talks']);
    expect(findMatches(automaton, '정상회담을 열었다').map((m) => m.termId)).toEqual(['summit-words']);
    expect(findMatches(automaton, 'начали переговоры').map((m) => m.termId)).toEqual(['leaders-talks']);
    expect(findMatches(automaton, 'удары ракетами').map((m) => m.termId)).toEqual(['rocket-words']);
    expect(findMatches(automaton, 'two North Koreans were captured').map((m) => m.termId)).toEqual(['nk-people-words']);
    expect(findMatches(automaton, 'в плен попали северокорейцы').map((m) => m.termId)).toEqual(['nk-people-words']);
    // The Korean People's Army by itself too: the troops in their own story, North Korea's army (its honour guard) elsewhere.
    for (const text of ['рота почетного караула Корейской народной армии', 'командиры КНА', "the Korean People's Army", 'KPA officers']) expect(findMatches(automaton, text).map((m) => m.termId)).toEqual(['nk-people-words']);
    expect(findMatches(automaton, 'бойцы Корейской народной армии').map((m) => m.termId)).toEqual(['nk-troops-in-russia']);
    // A North Korean in the spelling without й (held-out 54) is one of North Korea's people, like северокорейец.
    expect(findMatches(automaton, 'в Россию въехал 13 221 северокореец').map((m) => m.termId)).toEqual(['russia', 'nk-people-words']);
    expect(findMatches(automaton, 'the rockets were fired').map((m) => m.termId)).toEqual(['rocket-munition-words']);
    // Beside shells, rockets are the munitions by name, whatever else the article names (satellite technology).
    expect(findMatches(automaton, 'shells and rockets').map((m) => m.termId)).toEqual(['artillery-shells', 'rockets']);
    expect([...wordClasses].sort()).toEqual([
      'beijing-talks-2025',
      'china-visit-words',
      'iran-words',
      'leaders-talks',
      'nk-people-words',
      'north-korean-places',
      'partnership-words',
      'rocket-munition-words',
      'rocket-words',
      'russian-border-places',
      'russian-state-bodies',
      'space-rocket-words',
      'stationed-in-north-korea',
      'summit-words',
      'vladivostok-summit-2019',
      'vostochny-summit-dates',
    ]);
    // Russia's own places near North Korea name no term the card shows; they tell the gate an article speaks of Russia.
    for (const text of ['Kim visited a plant in Komsomolsk-on-Amur', 'Ким Чен Ын побывал в Комсомольске-на-Амуре', 'поезд из Владивостока', '블라디보스토크에서 출발한 열차'])
      expect(findMatches(automaton, text).map((m) => m.termId)).toContain('russian-border-places');
    // North Korea's own places (Rason, the Wonsan-Kalma resort) tell the gate an article speaks of North Korea, and never show.
    for (const text of ['российские туристы в Расоне', 'a resort at Wonsan-Kalma', '나선경제특구를 찾은 러시아 관광객']) expect(findMatches(automaton, text).map((m) => m.termId)).toContain('north-korean-places');
    // …while a spiral (나선형) and a country of origin (원산지) are not places.
    for (const text of ['나선형 계단을 올랐다', '원산지 표시를 확인했다']) expect(findMatches(automaton, text).map((m) => m.termId)).not.toContain('north-korean-places');
    // Hasan Rouhani is not Khasan; Tehran names Iran, a partner of Russia's own, which tells the gate a headline is about Russia and Iran.
    expect(findMatches(automaton, 'Хасан Роухани выступил в Тегеране').map((m) => m.termId)).toEqual(['iran-words']);
    for (const text of ['Russia and Iran to sign a partnership treaty', '러시아와 이란이 조약을 비준했다', 'Россия и Иран подпишут договор']) expect(findMatches(automaton, text).map((m) => m.termId)).toContain('iran-words');
    // A mutual-defence clause is the 2024 treaty's only in an article on the topic: Russia's pact with Iran is said to lack one.
    expect(findMatches(automaton, 'the pact carries no mutual defense clause')).toMatchObject([{ termId: 'russia-dprk-treaty-2024', standalone: false, topical: true }]);
    // …and not the Korean particle 이란 after a name (북한이란 나라).
    expect(findMatches(automaton, '북한이란 나라는').map((m) => m.termId)).toEqual(['north-korea']);
    // The Beijing talks of 2025 claim their own talks, in every language.
    for (const text of ['bilateral talks in Beijing', '베이징 회담에서', 'переговоры в Пекине', 'at the Diaoyutai State Guesthouse', '댜오위타이 국빈관에서'])
      expect(findMatches(automaton, text).map((m) => m.termId)).toContain('beijing-talks-2025');
  });

  it('reads the AP’s Seoul reporters in a byline as other Kims, not Kim Jong Un (held-out 55)', () => {
    expect(findMatches(automaton, 'By HYUNG-JIN KIM and KIM TONG-HYUNG, Associated Press').map((m) => m.termId)).not.toContain('kim-jong-un');
  });

  it('reads another sanctions regime’s panel of experts as no Panel of Experts at all (Russia also ended Mali’s), and a bare one as the Panel only in an article on the topic', () => {
    // The fourteenth hostile review: Mali's panel showed as North Korea's in an article on the topic.
    for (const text of ['Russia vetoed the renewal of the UN panel of experts on Mali.', 'Россия заблокировала продление мандата группы экспертов ООН по Мали.', '러시아가 말리 제재 전문가 패널 연장에 반대했다.'])
      expect(findMatches(automaton, text).filter((m) => m.termId === 'un-panel-of-experts')).toEqual([]);
    for (const text of ['Russia vetoed the renewal of the UN panel of experts.', 'Россия заблокировала продление мандата группы экспертов ООН.', '러시아가 유엔 전문가 패널 연장에 반대했다.']) {
      const panel = findMatches(automaton, text).filter((m) => m.termId === 'un-panel-of-experts');
      expect(panel.length).toBe(1);
      expect(panel[0]).toMatchObject({ standalone: false, topical: true });
    }
    expect(findMatches(automaton, 'the UN Panel of Experts on North Korea').find((m) => m.termId === 'un-panel-of-experts')).toMatchObject({ text: 'UN Panel of Experts on North Korea', standalone: true });
  });

  it('keeps sanctions being imposed or announced now as a state’s own, since the UN has added none on North Korea since 2017', () => {
    const sanctionsIn = (text: string) =>
      findMatches(automaton, text)
        .filter((m) => m.termId === 'sanctions')
        .map((m) => [m.text, m.keepsTerm]);
    // An article that names the Panel of Experts narrows its bare "sanctions" to the UN's; these keep theirs.
    expect(sanctionsIn('The UK unveils new sanctions aimed at the arms-for-oil trade.')).toEqual([['sanctions', true]]);
    expect(sanctionsIn('The EU put sanctions on nine North Korean individuals.')).toEqual([['sanctions', true]]);
    expect(sanctionsIn('미 재무부는 은행 5곳을 제재 대상으로 지정했다')).toEqual([['제재', true]]);
    expect(sanctionsIn('일본 정부는 추가 제재를 발표했다')).toEqual([['제재를', true]]);
    expect(sanctionsIn('Канада ввела санкции против двух компаний')).toEqual([['санкции', true]]);
    expect(sanctionsIn('Под санкции попали шесть компаний')).toEqual([['санкции', true]]);
    // A headline's "Seoul and Tokyo impose sanctions" says whose the article's sanctions are.
    expect(sanctionsIn('South Korea, Japan impose sanctions over arms trade')).toEqual([['sanctions', true]]);
    expect(sanctionsIn('Japan announced a set of sanctions on nine firms')).toEqual([['sanctions', true]]);
    expect(sanctionsIn('The EU adopted its 16th package of sanctions')).toEqual([['sanctions', true]]);
    expect(sanctionsIn('Лондон наказал санкциями две компании')).toEqual([['санкциями', true]]);
    // Sanctions broken or evaded stay open to the article's reading (the UN's, in a story on the panel).
    expect(sanctionsIn('The shipments defy sanctions, the panel said.')).toEqual([['sanctions', false]]);
  });

  it('reads the sanctions committee’s full name, built from the Council’s and North Korea’s names, as the committee, not as its parts', () => {
    const shown = (text: string) => findMatches(automaton, text).map((m) => [m.termId, m.text]);
    expect(shown('The monitors informed the Security Council’s North Korea sanctions committee.')).toEqual([['sanctions-committee-1718', 'Security Council’s North Korea sanctions committee']]);
    expect(shown('The experts worked under the UN Security Council Sanctions Committee on North Korea until April.')).toEqual([['sanctions-committee-1718', 'UN Security Council Sanctions Committee on North Korea']]);
    expect(shown('A UN 1718 sanctions committee report')).toEqual([['sanctions-committee-1718', 'UN 1718 sanctions committee']]);
    expect(shown('по данным Комитета по санкциям в отношении КНДР при Совбезе ООН')).toEqual([['sanctions-committee-1718', 'Комитета по санкциям в отношении КНДР при Совбезе ООН']]);
    expect(shown('안보리 대북제재위는 보고서를 냈다')).toEqual([['sanctions-committee-1718', '안보리 대북제재위는']]);
    // The panel that worked for it is the panel, with either word Korean newsrooms use for it.
    expect(shown('유엔 대북 제재위원회 전문가단에서 일했던')).toEqual([['un-panel-of-experts', '유엔 대북 제재위원회 전문가단에서']]);
  });

  it('reads the Panel of Experts by any owner before any of its names, and its full names as the panel anywhere', () => {
    const panel = (text: string) => findMatches(automaton, text).map((m) => [m.termId, m.text, m.standalone, m.topical]);
    // Bare, these are common words for any UN body's experts: the panel only in an article on the topic.
    expect(panel('a report that United Nations sanctions monitors sent')).toEqual([['un-panel-of-experts', 'United Nations sanctions monitors', false, true]]);
    expect(panel('UN Security Council’s expert panel')).toEqual([['un-panel-of-experts', 'UN Security Council’s expert panel', false, true]]);
    // Named with North Korea, it is the panel anywhere.
    expect(panel('the Security Council’s panel of experts on sanctions against North Korea')).toEqual([['un-panel-of-experts', 'Security Council’s panel of experts on sanctions against North Korea', true, false]]);
    expect(panel('안보리 북한제재위원회 전문가패널은')).toEqual([['un-panel-of-experts', '안보리 북한제재위원회 전문가패널은', true, false]]);
  });

  it('reads the arms embargo on North Korea as the UN sanctions, and a state’s own, stand-alone or separate sanctions as its own', () => {
    expect(findMatches(automaton, 'which breaches the arms embargo on North Korea').map((m) => [m.termId, m.text])).toEqual([['un-sanctions', 'arms embargo on North Korea']]);
    // Another state's embargo is not the UN's on North Korea.
    expect(findMatches(automaton, 'the EU arms embargo on Russia').map((m) => m.termId)).not.toContain('un-sanctions');
    const keeps = (text: string) =>
      findMatches(automaton, text)
        .filter((m) => m.termId === 'sanctions')
        .map((m) => m.keepsTerm);
    expect(keeps('Seoul hit the ships with its own sanctions')).toEqual([true]);
    expect(keeps('the first stand-alone sanctions aimed at Russian ships')).toEqual([true]);
    expect(keeps('the separate sanctions that the US imposed')).toEqual([true]);
  });

  it('reads a bare “defence agreement” as the 2024 treaty only in an article on the topic, and leaves other invasions, partnerships and pairs alone', () => {
    const terms = (text: string) => findMatches(automaton, text).map((m) => m.termId);
    expect(findMatches(automaton, 'under a defence agreement he had signed with Putin').find((m) => m.termId === 'russia-dprk-treaty-2024')).toMatchObject({
      text: 'defence agreement',
      standalone: false,
      topical: true,
    });
    // Kursk was invaded by Ukraine; China and Russia have their own partnership.
    expect(terms('after Ukraine’s invasion of the Kursk region')).not.toContain('russian-invasion-of-ukraine');
    expect(terms('the China-Russia partnership')).not.toContain('nk-russia-partnership');
    // Russian puts the two states side by side in ordinary word order: two states, not a pair.
    expect(terms('в КНДР Россия направила делегацию')).toEqual(['north-korea', 'russia']);
  });

  it('shows the names Russia also gives its ties with Iran only in an article on the topic', () => {
    const text = 'Moscow and Tehran call their ties a comprehensive strategic partnership; the Comprehensive Strategic Partnership Treaty took effect in 2025.';
    const shared = findMatches(automaton, text).filter((m) => ['partnership-words', 'nk-russia-partnership', 'russia-dprk-treaty-2024'].includes(m.termId));
    // The level of relations is a word for a partnership (the pair's only where the article names
    // either state), the named treaty is the treaty — but neither names its term on its own, so
    // neither opens the gate on a story about Iran, nor says in a headline that it is the pair's.
    expect(shared.map((m) => [m.termId, m.text, m.standalone, m.topical])).toEqual([
      ['partnership-words', 'comprehensive strategic partnership', false, true],
      ['russia-dprk-treaty-2024', 'Comprehensive Strategic Partnership Treaty', false, true],
    ]);
    // Named with North Korea, the treaty names itself.
    expect(findMatches(automaton, 'the Russia-North Korea treaty').map((m) => [m.termId, m.standalone])).toEqual([['russia-dprk-treaty-2024', true]]);
  });

  it('reads “the North” as North Korea where the page names it in full, but not the North Caucasus or the North Sea', () => {
    const north = (text: string) =>
      findMatches(automaton, text)
        .filter((m) => m.termId === 'north-korea')
        .map((m) => [m.text, m.standalone]);
    expect(north('Seoul said the North’s troops had returned.')).toEqual([['North', false]]);
    // At the start of a sentence, as Yonhap writes it, and after an epithet.
    expect(north('The North is believed to have sent workers.')).toEqual([['North', false]]);
    expect(north('a rare trip to the nuclear-armed North.')).toEqual([['North', false]]);
    expect(north('the North Korean leader')).toEqual([['North Korean', true]]);
    expect(north('Units from the North Caucasus and the North Sea fleet')).toEqual([]);
    // Nor, now that "The North" starts a sentence, a brand, a region or another country's North.
    expect(north('The North Face opened a store. The North of England voted. The North Vietnamese army advanced.')).toEqual([]);
  });

  it('names North Korea’s troops in full where they are sent to Russia, and Choe Son Hui by another spelling', () => {
    // A bare "troops" only shows beside a full name of the term; sent to Russia, it is one.
    expect(findMatches(automaton, 'Pyongyang has sent about 11,000 troops to Russia.').find((m) => m.termId === 'nk-troops-in-russia')).toMatchObject({ text: 'troops', standalone: true });
    expect(findMatches(automaton, 'He was accompanied by his foreign minister, Choe Sun Hui.').find((m) => m.termId === 'choe-son-hui')).toMatchObject({ text: 'Choe Sun Hui', standalone: true });
  });

  it('leaves a rocket launch site and rocket engineering out of the word classes an arms story narrows to munitions', () => {
    for (const text of ['The two leaders met at the remote rocket launch site.', 'He was interested in rocket engineering.', 'Toy rockets were on sale.']) expect(findMatches(automaton, text)).toEqual([]);
  });

  it('still reads a bare Kim followed by an ordinary word (Kim in Pyongyang)', () => {
    expect(
      findMatches(automaton, 'Kim in Pyongyang met Kim Jong Un’s envoys.')
        .filter((m) => m.termId === 'kim-jong-un')
        .map((m) => m.text),
    ).toEqual(['Kim', 'Kim Jong Un']);
  });

  it('reads a bare Ким as Kim Jong Un only where the page also names him in full', () => {
    expect(
      findMatches(automaton, 'Шойгу и Ким говорили о сотрудничестве, встреча с Кимом прошла в Пхеньяне.')
        .filter((m) => m.termId === 'kim-jong-un')
        .map((m) => [m.text, m.standalone]),
    ).toEqual([
      ['Ким', false],
      ['Кимом', false],
    ]);
    expect(
      findMatches(automaton, 'Шойгу встретился с Ким Чен Ыном.')
        .filter((m) => m.termId === 'kim-jong-un')
        .map((m) => [m.text, m.standalone]),
    ).toEqual([['Ким Чен Ыном', true]]);
  });

  it('reads a lone 미 before a noun as the US only where the page names it in full (미 백악관), never inside a word', () => {
    expect(
      findMatches(automaton, '미 백악관은 러시아가 북한 미사일을 사용했다고 밝혔다.')
        .filter((m) => m.termId === 'united-states')
        .map((m) => [m.text, m.standalone]),
    ).toEqual([
      ['미', false],
      ['백악관은', true],
    ]);
    expect(findMatches(automaton, '미사일 미확인 미래').filter((m) => m.termId === 'united-states')).toEqual([]);
  });

  it('shows words that also name other states’ things only in an article on the topic', () => {
    // Each is this topic's thing in an article about North Korea and Russia, and someone else's
    // elsewhere (Russia's treaty with Iran, Seoul as "the Korean side", Ukraine's own offensive).
    const onTopicOnly: [string, string][] = [
      ['military deal', 'russia-dprk-treaty-2024'],
      ['comprehensive pact', 'russia-dprk-treaty-2024'],
      ['comprehensive cooperation treaty', 'russia-dprk-treaty-2024'],
      ['treaty on comprehensive partnership', 'russia-dprk-treaty-2024'],
      ['포괄적 전략동반자 협정', 'russia-dprk-treaty-2024'],
      ['포괄적 전략 동반자 관계에 대한 조약', 'russia-dprk-treaty-2024'],
      ['평양 정상회담', 'kim-putin-summits'],
      ['Ukraine offensive', 'ukraine-war'],
      ['military goods', 'cash-for-weapons'],
      ['군수 물자', 'cash-for-weapons'],
      ['low ammunition supplies', 'munitions-shortage'],
      ['корейско-российские', 'nk-russia-partnership'],
      ['Russian–Korean', 'nk-russia-partnership'],
      ['корейская сторона', 'north-korea'],
      ['эксперты по санкциям', 'un-panel-of-experts'],
      ['оборонные связи', 'military-cooperation'],
      ['North Korean engineering unit', 'nk-troops-in-russia'],
      ['North Korean military engineers', 'nk-troops-in-russia'],
      ['Far Eastern', 'russian-far-east'],
    ];
    for (const [text, termId] of onTopicOnly)
      expect(
        findMatches(automaton, text).map((m) => [m.termId, m.text, m.standalone, m.topical]),
        text,
      ).toEqual([[termId, text, false, true]]);
  });

  it('reads an all-out attack on something of Ukraine’s as one strike, not the 2022 invasion', () => {
    const invasion = (text: string) => findMatches(automaton, text).filter((m) => m.termId === 'russian-invasion-of-ukraine');
    expect(invasion('Russia launched an all-out attack on Ukraine’s power grid overnight.')).toEqual([]);
    expect(invasion('since Russia began its all-out attack on Ukraine in 2022').map((m) => m.text)).toEqual(['all-out attack on Ukraine']);
  });

  it('reads Japan’s 외무성 as Japan’s, not North Korea’s foreign ministry', () => {
    const ministries = (text: string) => findMatches(automaton, text).filter((m) => m.termId === 'nk-foreign-ministry');
    expect(ministries('일본 외무성 사무차관이 서울을 찾았다')).toEqual([]);
    // North Korea's own, in the same words Pyongyang uses, still reads as the ministry.
    expect(ministries('조선 외무성 대변인은 담화를 냈다').length).toBe(1);
  });

  it('keeps a bare 북 (a drum, a book, north) from standing alone', () => {
    const drum = findMatches(automaton, '풍물놀이에서 북을 친다.').filter((m) => m.termId === 'north-korea');
    expect(drum.every((m) => !m.standalone)).toBe(true);
  });
});
