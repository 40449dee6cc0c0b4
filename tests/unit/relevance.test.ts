import { describe, expect, it } from 'vitest';
import type { MatcherDataTerm } from '../../lib/matcher-data';
import { decideVisibility, type MentionFacts } from '../../lib/relevance';

const term = (id: string, specificity: 'specific' | 'generic', anchor?: MatcherDataTerm['anchor'], kind: MatcherDataTerm['kind'] = 'concept'): MatcherDataTerm => ({ id, label: id, kind, specificity, anchor, aliases: [{ text: id }] });
const TERMS = [
  term('north-korea', 'specific', 'north-korea'), // 0
  term('russia', 'generic', 'russia'), // 1
  term('sanctions', 'generic'), // 2
  term('vostochny-summit', 'specific', undefined, 'event'), // 3
  term('kim-jong-un', 'specific', 'north-korea'), // 4
];
const at = (term: number, standalone = true): MentionFacts => ({ term, standalone });
/** A mention in the one passage where an article's two sides meet ("Kim Jong Un met Putin"). */
const meet = (term: number): MentionFacts => ({ term, standalone: true, place: { region: 'main', passage: 'where-they-meet' } });
/** A mention in the article's own text, in the passage named. */
const inPassage = (term: number, passage: string, standalone = true): MentionFacts => ({ term, standalone, place: { region: 'main', passage } });
const rules = { hiddenTerms: [], firstMentionOnly: false };

describe('relevance gate', () => {
  it('shows generic terms on a page that names both sides repeatedly, and together somewhere', () => {
    expect(decideVisibility([at(0), at(2), at(1), meet(0), meet(1)], TERMS, rules)).toEqual({ visible: [true, true, true, true, true], onTopic: true, shownAs: new Map() });
  });

  it('stays quiet where each side is named once in passing', () => {
    expect(decideVisibility([at(0), at(2), at(1)], TERMS, rules)).toEqual({ visible: [false, false, false], onTopic: false, shownAs: new Map() });
  });

  it('wants the two sides to meet somewhere when each is only named repeatedly (a story on Seoul’s rocket, built with Russia’s help, that names North Korea’s launches)', () => {
    const apart = [inPassage(0, 'p1'), inPassage(0, 'p2'), inPassage(0, 'p3'), inPassage(1, 'p4'), inPassage(1, 'p5')];
    expect(decideVisibility(apart, TERMS, rules).onTopic).toBe(false);
    // They meet in one passage, though by a bare name there (Kim obtained Russian help): on the topic.
    expect(decideVisibility([...apart, inPassage(4, 'p5', false)], TERMS, rules).onTopic).toBe(true);
  });

  it('reads a story about one side that names the other twice as about that side (Putin’s security council on the peninsula, North Korea named twice)', () => {
    const russiaTimes = (n: number, passage: string) => Array.from({ length: n }, () => inPassage(1, passage));
    // Russia ten times over four passages; North Korea once alone and once where Russia is named.
    const aboutRussia = [...russiaTimes(3, 'p1'), ...russiaTimes(3, 'p2'), ...russiaTimes(3, 'p3'), inPassage(0, 'p4'), inPassage(0, 'p5'), inPassage(1, 'p5')];
    expect(decideVisibility(aboutRussia, TERMS, rules).onTopic).toBe(false);
    // The same story with Russia named four times is about the two of them.
    const aboutBoth = [...russiaTimes(3, 'p1'), inPassage(0, 'p4'), inPassage(0, 'p5'), inPassage(1, 'p5')];
    expect(decideVisibility(aboutBoth, TERMS, rules).onTopic).toBe(true);
    // So is one that names North Korea a third time, however often it names Russia.
    expect(decideVisibility([...aboutRussia, inPassage(0, 'p6')], TERMS, rules).onTopic).toBe(true);
  });

  it('reads two passages that name both as passing where one side is named only there and the other many times (the Pyongyang marathon: Russia among the runners’ countries)', () => {
    const northKoreaTimes = (n: number, passage: string) => Array.from({ length: n }, () => inPassage(0, passage));
    const marathon = [...northKoreaTimes(3, 'p1'), ...northKoreaTimes(3, 'p2'), ...northKoreaTimes(1, 'p3'), inPassage(1, 'p3'), ...northKoreaTimes(1, 'p4'), inPassage(1, 'p4'), ...northKoreaTimes(3, 'p5')];
    expect(decideVisibility(marathon, TERMS, rules).onTopic).toBe(false);
    // Russia named in those two passages in a shorter story about the two: on the topic.
    const about = [...northKoreaTimes(2, 'p1'), ...northKoreaTimes(1, 'p3'), inPassage(1, 'p3'), ...northKoreaTimes(1, 'p4'), inPassage(1, 'p4')];
    expect(decideVisibility(about, TERMS, rules).onTopic).toBe(true);
  });

  it('counts an on-topic name of a side’s term ("the panel of experts") for that side only where the article names the side itself', () => {
    const N = [...TERMS, { ...term('panel', 'generic', 'north-korea') }]; // 5
    const panel = (passage: string): MentionFacts => ({ term: 5, standalone: false, topical: true, place: { region: 'main', passage } });
    const russiaIn = (passage: string): MentionFacts => ({ term: 1, standalone: true, place: { region: 'main', passage } });
    // Mali's panel of experts, which Russia ended: North Korea is never named.
    const mali = [russiaIn('p1'), panel('p1'), russiaIn('p2'), panel('p2'), panel('p3')];
    expect(decideVisibility(mali, N, rules).onTopic).toBe(false);
    // North Korea's panel: the headline names North Korea once, the body the panel and Russia's veto.
    const northKoreaInHeadline: MentionFacts = { term: 0, standalone: true, place: { region: 'main', passage: 'h1', headline: true } };
    expect(decideVisibility([northKoreaInHeadline, ...mali], N, rules).onTopic).toBe(true);
    // There, "the panel" shows too: the on-topic name named the term.
    const barePanel: MentionFacts = { term: 5, standalone: false, place: { region: 'main', passage: 'p4' } };
    expect(decideVisibility([northKoreaInHeadline, ...mali, barePanel], N, rules).visible.at(-1)).toBe(true);
  });

  it('counts a word class that names a side (Komsomolsk-on-Amur, Vladivostok) for that side, and never shows it', () => {
    const N = [...TERMS, { ...term('russian-places', 'generic', 'russia'), kind: 'place' as const, narrowOnly: true as const }]; // 5
    // Kim at an aircraft plant in Komsomolsk-on-Amur, as Russian news tells it: Russia itself is never named.
    const visit = [inPassage(4, 'h1'), inPassage(5, 'h1'), inPassage(0, 'p1'), inPassage(4, 'p1'), inPassage(5, 'p1'), inPassage(0, 'p2')];
    const verdict = decideVisibility(visit, N, rules);
    expect(verdict.onTopic).toBe(true);
    expect(verdict.visible).toEqual([true, false, true, true, false, true]);
    expect(decideVisibility(visit, TERMS.concat(term('elsewhere', 'generic')), rules).onTopic).toBe(false);
  });

  it('hides generic terms on a page about only one side (Iranian oil, European ammunition)', () => {
    expect(decideVisibility([at(1), at(2), at(2)], TERMS, rules)).toEqual({ visible: [false, false, false], onTopic: false, shownAs: new Map() });
  });

  it('reads a story of one side with a partner of its own (Kim and Xi in Beijing, Russia’s treaty with Iran) as theirs, however densely one passage recalls the other side', () => {
    // 5 China, 6 Iran (a word class that only tells the gate), 7 South Korea.
    const iran: MatcherDataTerm = { ...term('iran-words', 'generic', 'partner', 'state'), narrowOnly: true };
    // 8 the pair's own name, 9 drones.
    const pair: MatcherDataTerm = { ...term('nk-russia-partnership', 'specific'), pairOfStates: true };
    const terms = [...TERMS, term('china', 'generic', 'partner', 'state'), iran, term('south-korea', 'generic', undefined, 'state'), pair, term('drones', 'generic', undefined, 'weapon')];
    const headline = (t: number): MentionFacts => ({ term: t, standalone: true, place: { region: 'main', passage: 'h1', headline: true } });
    const northKoreaTimes = (n: number) => Array.from({ length: n }, (_, i) => inPassage(4, `p${i}`));
    // Kim Jong Un (4) and China in the headline; Russia recalled in one passage that names the two four times.
    const recalled = [inPassage(1, 'p9'), inPassage(1, 'p9'), inPassage(0, 'p9'), inPassage(0, 'p9')];
    const kimAndXi = [headline(4), headline(5), ...northKoreaTimes(5), ...recalled];
    expect(decideVisibility(kimAndXi, terms, rules).onTopic).toBe(false);
    // The same passage in a story whose headline is Kim's alone is dense enough to be about the two
    // (where North Korea fills five passages with it; in six, Russia's one passage is an aside).
    expect(decideVisibility([headline(4), ...northKoreaTimes(4), ...recalled], terms, rules).onTopic).toBe(true);
    // Russia and Iran in the headline, North Korea recalled in one passage: Russia's treaty with Iran.
    const russiaTimes = (n: number) => Array.from({ length: n }, (_, i) => inPassage(1, `r${i}`));
    expect(decideVisibility([headline(1), headline(6), ...russiaTimes(6), ...recalled], terms, rules).onTopic).toBe(false);
    // Not where the headline names the relationship (the summit) or another state (Seoul leaves the Khasan–Rajin project, Russia's coal goes to China)…
    expect(decideVisibility([...kimAndXi, headline(3)], terms, rules).onTopic).toBe(true);
    // (in four passages of Russia's: in six, with nothing of the relationship named, the one passage on North Korea is an aside)
    expect(decideVisibility([headline(1), headline(5), headline(7), ...russiaTimes(4), ...recalled], terms, rules).onTopic).toBe(true);
    // Recalled in three passages, Russia is still the aside ("even as North Korea draws closer to Russia")…
    expect(decideVisibility([...kimAndXi, inPassage(1, 'p1'), inPassage(1, 'p2')], terms, rules).onTopic).toBe(false);
    // …but not where it runs through the article, in more than three.
    expect(decideVisibility([...kimAndXi, inPassage(1, 'p1'), inPassage(1, 'p2'), inPassage(1, 'p3')], terms, rules).onTopic).toBe(true);
    // A headline names a side by a bare name as well ("Kim assures Xi …", in a story that names Kim Jong Un in full).
    const bareKim: MentionFacts = { term: 4, standalone: false, place: { region: 'main', passage: 'h1', headline: true } };
    expect(decideVisibility([bareKim, headline(5), ...northKoreaTimes(5), ...recalled], terms, rules).onTopic).toBe(false);
    // Nor where the headline names the pair, even by a name that counts only on the topic ("China uneasy as Kim deepens Korean–Russian alliance")…
    const topicalPair: MentionFacts = { term: 8, standalone: false, topical: true, place: { region: 'main', passage: 'h1', headline: true } };
    expect(decideVisibility([...kimAndXi, topicalPair], terms, rules).onTopic).toBe(true);
    // …or a weapon: a partner's adjective on it is not a partner's story ("Russia ramps up Iranian-designed drone production").
    expect(decideVisibility([headline(1), headline(6), headline(9), ...russiaTimes(4), ...recalled], terms, rules).onTopic).toBe(true);
  });

  it('marks a page the gate reads as off the topic when the reader asks, keeping hidden terms hidden', () => {
    // North Korea and Russia once each, in passing: off the topic.
    const passing = [inPassage(0, 'a'), inPassage(1, 'b'), inPassage(2, 'c')];
    expect(decideVisibility(passing, TERMS, rules).onTopic).toBe(false);
    const marked = decideVisibility(passing, TERMS, { ...rules, readerMarksPage: true });
    expect(marked.onTopic).toBe(true);
    expect(marked.visible).toEqual([true, true, true]);
    expect(decideVisibility(passing, TERMS, { ...rules, hiddenTerms: ['sanctions'], readerMarksPage: true }).visible).toEqual([true, true, false]);
  });

  it('reads a side recalled in one passage of a story that names the other in six as an aside, however densely that passage names the two', () => {
    const headline: MentionFacts = { term: 1, standalone: true, place: { region: 'main', passage: 'h1', headline: true } };
    const russiaIn = (n: number) => Array.from({ length: n }, (_, i) => inPassage(1, `r${i}`));
    // Putin showed Kim Jong Un the cosmodrome: North Korea twice and Russia twice in one passage.
    const recalled = [inPassage(1, 'k'), inPassage(0, 'k'), inPassage(1, 'k'), inPassage(0, 'k')];
    expect(decideVisibility([headline, ...russiaIn(5), ...recalled], TERMS, rules).onTopic).toBe(false);
    // In five passages of Russia's own and that one, the dense passage still opens the gate…
    expect(decideVisibility([headline, ...russiaIn(4), ...recalled], TERMS, rules).onTopic).toBe(true);
    // …and so does North Korea in the headline, a second passage, or a thing of the relationship.
    const northKoreaInHeadline: MentionFacts = { term: 0, standalone: true, place: { region: 'main', passage: 'h1', headline: true } };
    expect(decideVisibility([headline, northKoreaInHeadline, ...russiaIn(5), ...recalled], TERMS, rules).onTopic).toBe(true);
    expect(decideVisibility([headline, ...russiaIn(5), ...recalled, inPassage(0, 'r2')], TERMS, rules).onTopic).toBe(true);
    expect(decideVisibility([headline, ...russiaIn(5), ...recalled, inPassage(3, 'k')], TERMS, rules).onTopic).toBe(true);
  });

  it('reads a headline naming both sides beside a partner as the partner’s story where the body recalls one side in a single passage (Shoigu in Tehran, four days after Pyongyang)', () => {
    const iran: MatcherDataTerm = { ...term('iran-words', 'generic', 'partner', 'state'), narrowOnly: true }; // 5
    const terms = [...TERMS, iran];
    const headline = (t: number): MentionFacts => ({ term: t, standalone: true, place: { region: 'main', passage: 'h1', headline: true } });
    const shoiguInTehran = [headline(1), headline(0), headline(5), headline(1)];
    // Russia and Iran through the body; North Korea, and Kim, in one passage near its end.
    const body = ['p1', 'p2', 'p3', 'p4'].flatMap((p) => [inPassage(1, p), inPassage(5, p)]);
    const aside = [inPassage(0, 'p5'), inPassage(1, 'p5'), inPassage(0, 'p5'), inPassage(4, 'p5'), inPassage(0, 'p5')];
    expect(decideVisibility([...shoiguInTehran, ...body, ...aside], terms, rules).onTopic).toBe(false);
    // Where the body follows North Korea through a second passage, the two visits are the story.
    expect(decideVisibility([...shoiguInTehran, ...body, ...aside, inPassage(0, 'p6'), inPassage(1, 'p6')], terms, rules).onTopic).toBe(true);
    // Without the partner in the headline, a headline naming both sides says what the article is about.
    expect(decideVisibility([headline(1), headline(0), headline(1), ...body, ...aside], terms, rules).onTopic).toBe(true);
    // Nor where the body names the partner less than the aside (a visit to Pyongyang that stopped in Tehran on the way).
    const kimDense = ['p1', 'p2', 'p3'].flatMap((p) => [inPassage(1, p)]);
    expect(decideVisibility([...shoiguInTehran, ...kimDense, ...aside], terms, rules).onTopic).toBe(true);
  });

  it('does not count a partner’s leader as one of the topic’s concepts (Xi at a Beijing parade with world leaders)', () => {
    const terms = [...TERMS, term('xi-jinping', 'generic', 'partner', 'person')];
    const passing = [inPassage(0, 'p1'), inPassage(0, 'p1'), inPassage(1, 'p1')];
    expect(decideVisibility([...passing, inPassage(5, 'p2'), inPassage(5, 'p3')], terms, rules).onTopic).toBe(false);
    // Sanctions named twice are the topic's concepts, and open it.
    expect(decideVisibility([...passing, inPassage(2, 'p2'), inPassage(2, 'p3')], terms, rules).onTopic).toBe(true);
  });

  it('reads the pair’s name once as passing where a side is outnumbered or never named alone (China’s premier in Pyongyang, 북·러 leaders beside him); a thing of the relationship opens the gate alone', () => {
    // 5: the pair's own name (북·러, "North Korea–Russia ties"), a concept of neither side; 6: a
    // specific concept that is a thing of the relationship (the cash-for-weapons exchange).
    const terms = [...TERMS, { ...term('nk-russia-partnership', 'specific'), pairOfStates: true as const }, term('cash-for-weapons', 'specific')];
    const northKoreaTimes = (n: number) => Array.from({ length: n }, (_, i) => inPassage(0, `p${i}`));
    expect(decideVisibility([...northKoreaTimes(6), inPassage(5, 'p2')], terms, rules).onTopic).toBe(false);
    // Named twice, the pair is what the article is about…
    expect(decideVisibility([...northKoreaTimes(6), inPassage(5, 'p2'), inPassage(5, 'p4')], terms, rules).onTopic).toBe(true);
    // …and once, where Russia is named as well and not outnumbered.
    expect(decideVisibility([...northKoreaTimes(2), inPassage(1, 'p7'), inPassage(5, 'p8')], terms, rules).onTopic).toBe(true);
    // A thing of the relationship (the Vostochny summit, the cash-for-weapons exchange) needs nothing else.
    expect(decideVisibility([...northKoreaTimes(6), inPassage(3, 'p2')], terms, rules).onTopic).toBe(true);
    expect(decideVisibility([...northKoreaTimes(6), inPassage(6, 'p2')], terms, rules).onTopic).toBe(true);
  });

  it('reads a thing of the relationship that carries a side (the troops: 북한군) as that side’s own unless the other side or the war is named', () => {
    // 5: the troops, whose names carry North Korea; 6: a partner (China).
    const terms = [...TERMS, { ...term('nk-troops-in-russia', 'specific', undefined, 'event'), carriesSide: 'north-korea' as const }, { ...term('china', 'generic', 'partner'), kind: 'state' as const }];
    const northKoreaTimes = (n: number) => Array.from({ length: n }, (_, i) => inPassage(0, `p${i}`));
    const russiaTimes = (n: number) => Array.from({ length: n }, (_, i) => inPassage(1, `r${i}`));
    // North Korea's army at home, in a story that never names Russia…
    expect(decideVisibility([...northKoreaTimes(4), inPassage(5, 'p2')], terms, rules).onTopic).toBe(false);
    // …while a Russian story crediting the troops with Kursk, naming North Korea only through them, is theirs…
    expect(decideVisibility([...russiaTimes(3), inPassage(5, 'k')], terms, rules).onTopic).toBe(true);
    // …even beside a partner (China's foreign ministry asked about them).
    expect(decideVisibility([...russiaTimes(3), inPassage(6, 'k'), inPassage(5, 'k')], terms, rules).onTopic).toBe(true);
    // Named twice where nothing places them, they are still the North's army at home (soldiers
    // crossing the border, the thirteenth hostile review); named twice beside Russia, they are the story,
    // even where a partner shares their passage.
    expect(decideVisibility([...northKoreaTimes(4), inPassage(5, 'p2'), inPassage(5, 'p3')], terms, rules).onTopic).toBe(false);
    expect(decideVisibility([...northKoreaTimes(4), inPassage(1, 'r0'), inPassage(5, 'p2'), inPassage(5, 'p3')], terms, rules).onTopic).toBe(true);
    expect(decideVisibility([...russiaTimes(3), inPassage(6, 'k'), inPassage(5, 'k'), inPassage(5, 'k2')], terms, rules).onTopic).toBe(true);
    // Ukraine places it in the war (7, listed in placedBy): a prisoner-of-war story that never names Russia.
    const placedTerms = [...terms, { ...term('ukraine', 'generic'), kind: 'state' as const }];
    placedTerms[5] = { ...placedTerms[5]!, placedBy: ['ukraine'] };
    expect(decideVisibility([...northKoreaTimes(4), inPassage(5, 'p2'), inPassage(7, 'p3')], placedTerms, rules).onTopic).toBe(true);
    expect(decideVisibility([...northKoreaTimes(4), inPassage(5, 'p2')], placedTerms, rules).onTopic).toBe(false);
    // A thing that carries no side (the Vostochny summit) still opens the gate alone.
    expect(decideVisibility([...northKoreaTimes(4), inPassage(3, 'p2')], terms, rules).onTopic).toBe(true);
  });

  it('shows nothing off the topic, not even a specific name (Kim Jong Un in a story about Seoul’s politics); a bilateral term opens the gate', () => {
    expect(decideVisibility([at(4), at(2)], TERMS, rules).visible).toEqual([false, false]);
    expect(decideVisibility([at(3), at(2)], TERMS, rules)).toEqual({ visible: [true, true], onTopic: true, shownAs: new Map() });
  });

  it('shows a bare alias only where the page names the term in full', () => {
    const onTopic = [at(0), at(1), meet(0), meet(1)];
    expect(decideVisibility([...onTopic, at(4, false)], TERMS, rules).visible.slice(4)).toEqual([false]);
    expect(decideVisibility([...onTopic, at(4, false), at(4)], TERMS, rules).visible.slice(4)).toEqual([true, true]);
  });

  it('does not let a bare alias open the gate', () => {
    expect(decideVisibility([at(4, false), at(1), at(2)], TERMS, rules).onTopic).toBe(false);
  });

  it('shows an on-topic word (파병, "arms transfers") only in an article on the topic, without it naming the term', () => {
    const topical = (t: number): MentionFacts => ({ term: t, standalone: false, topical: true });
    // On the topic: shows although its term is never named in full.
    expect(decideVisibility([at(0), at(1), meet(0), meet(1), topical(3)], TERMS, rules).visible).toEqual([true, true, true, true, true]);
    // Off the topic (each side once): hidden, even for a specific term.
    expect(decideVisibility([at(0), at(1), topical(3)], TERMS, rules).visible).toEqual([false, false, false]);
    // In the page's furniture: hidden, however on-topic the article.
    const inNav: MentionFacts = { term: 3, standalone: false, topical: true, place: { region: 'boilerplate', passage: null } };
    expect(decideVisibility([at(0), at(1), meet(0), meet(1), inNav], TERMS, rules).visible[4]).toBe(false);
    // It names nothing: a bare alias of the same term stays hidden, and it opens no gate.
    expect(decideVisibility([topical(4), at(4, false), at(1)], TERMS, rules)).toEqual({ visible: [false, false, false], onTopic: false, shownAs: new Map() });
    // The reader's hidden terms still win.
    expect(decideVisibility([at(0), at(1), meet(0), meet(1), topical(3)], TERMS, { hiddenTerms: ['vostochny-summit'], firstMentionOnly: false }).visible[4]).toBe(false);
  });

  it('shows the veto as the March 2024 veto in an article that names the Panel of Experts, and only there', () => {
    const N = [
      ...TERMS,
      term('veto-power', 'generic'), // 5
      { ...term('march-2024-veto', 'generic'), narrows: [{ term: 'veto-power', whenArticleNames: ['panel'] }] }, // 6
      term('panel', 'generic', 'north-korea'), // 7
    ];
    const onTopic = [at(0), at(1), meet(0), meet(1)];
    // The article names the panel: every veto shows as the March 2024 veto.
    expect(decideVisibility([...onTopic, at(5), at(7)], N, rules).shownAs).toEqual(new Map([[5, 6]]));
    // No panel: the veto is just the veto.
    expect(decideVisibility([...onTopic, at(5)], N, rules).shownAs).toEqual(new Map());
    // The panel named only in the page's furniture (a "Most read" link) narrows nothing.
    const inAside: MentionFacts = { term: 7, standalone: true, place: { region: 'boilerplate', passage: null } };
    expect(decideVisibility([...onTopic, at(5), inAside], N, rules).shownAs).toEqual(new Map());
    // A bare alias of the panel does not name it.
    expect(decideVisibility([...onTopic, at(5), at(7, false)], N, rules).shownAs).toEqual(new Map());
    // The reader hides what they see: hiding the March 2024 veto hides the narrowed veto.
    const hidden = decideVisibility([...onTopic, at(5), at(7)], N, { hiddenTerms: ['march-2024-veto'], firstMentionOnly: false });
    expect(hidden.visible[4]).toBe(false);
  });

  it('does not narrow where the article also names a term the narrowing stands down for (a summit dated September 2023, in a story that names the 2024 treaty)', () => {
    const N = [
      ...TERMS,
      term('summit-words', 'generic'), // 5
      { ...term('vostochny-summit', 'specific'), narrows: [{ term: 'summit-words', whenArticleNames: ['dates'], unlessArticleNames: ['treaty'] }] }, // 6
      term('dates', 'generic'), // 7
      term('treaty', 'specific'), // 8
    ];
    const onTopic = [at(0), at(1), meet(0), meet(1)];
    expect(decideVisibility([...onTopic, at(5), at(7)], N, rules).shownAs).toEqual(new Map([[5, 6]]));
    expect(decideVisibility([...onTopic, at(5), at(7), at(8)], N, rules).shownAs).toEqual(new Map());
    // The treaty named only in the page's furniture does not stand the narrowing down.
    const inAside: MentionFacts = { term: 8, standalone: true, place: { region: 'boilerplate', passage: null } };
    expect(decideVisibility([...onTopic, at(5), at(7), inAside], N, rules).shownAs).toEqual(new Map([[5, 6]]));
  });

  it('reads a story that narrows a word to one of the topic’s own stories (the veto, where the Panel of Experts is named) as on the topic, where it names both sides', () => {
    const withVeto = (showsTopic: boolean) => [
      ...TERMS,
      term('veto-power', 'generic'), // 5
      { ...term('march-2024-veto', 'generic'), narrows: [{ term: 'veto-power', whenArticleNames: ['panel'], ...(showsTopic ? { showsTopic: true as const } : {}) }] }, // 6
      term('panel', 'generic', 'north-korea'), // 7
    ];
    const panel = (passage: string, headline = false): MentionFacts => ({ term: 7, standalone: false, topical: true, place: { region: 'main', passage, headline } });
    // The panel's mandate ends: the headline names the panel and North Korea, the body Russia once, with its veto.
    const headline: MentionFacts[] = [panel('h1', true), { term: 0, standalone: true, place: { region: 'main', passage: 'h1', headline: true } }];
    const story = [...headline, panel('p1'), inPassage(0, 'p2'), inPassage(1, 'p3'), inPassage(5, 'p3'), inPassage(2, 'p4')];
    expect(decideVisibility(story, withVeto(true), rules).onTopic).toBe(true);
    // Russia named once, with no veto: a passing mention, so the gate stays shut.
    expect(
      decideVisibility(
        story.filter((m) => m.term !== 5),
        withVeto(true),
        rules,
      ).onTopic,
    ).toBe(false);
    // A narrowing the catalogue does not mark as the topic's own story opens nothing.
    expect(decideVisibility(story, withVeto(false), rules).onTopic).toBe(false);
    // Mali's panel, which Russia vetoed: North Korea is never named, so the panel names no one's and nothing narrows.
    const mali = [panel('h1', true), panel('p1'), inPassage(1, 'p3'), inPassage(5, 'p3')];
    expect(decideVisibility(mali, withVeto(true), rules).onTopic).toBe(false);
    // The veto in a "Most read" link does not say what the article is about.
    const linked = [...story.filter((m) => m.term !== 5), { term: 5, standalone: true, place: { region: 'boilerplate', passage: null } } as MentionFacts];
    expect(decideVisibility(linked, withVeto(true), rules).onTopic).toBe(false);
    // A UN story that names a panel, a veto and each side once in passing is not about North Korea's
    // panel: its headline names someone else's experts (Gaza), and North Korea comes up elsewhere.
    const gaza = [panel('h1', true), inPassage(1, 'p1'), inPassage(5, 'p1'), inPassage(0, 'p2')];
    expect(decideVisibility(gaza, withVeto(true), rules).onTopic).toBe(false);
    // Nor is Mali's panel, ended by Russia's veto, where the text recalls North Korea's in passing.
    const maliRecallingNorthKorea = [panel('h1', true), panel('p1'), inPassage(1, 'p2'), inPassage(5, 'p2'), inPassage(0, 'p3'), panel('p3')];
    expect(decideVisibility(maliRecallingNorthKorea, withVeto(true), rules).onTopic).toBe(false);
  });

  it('does not narrow a term in an article whose headline names someone’s own (U.S. sanctions), only where the body does', () => {
    const N = [
      ...TERMS,
      term('sanctions', 'generic'), // 5
      { ...term('un-sanctions', 'generic'), narrows: [{ term: 'sanctions', whenArticleNames: ['un-sanctions'] }] }, // 6
    ];
    const onTopic = [at(0), at(1), meet(0), meet(1)];
    const own = (headline: boolean): MentionFacts => ({ term: 5, standalone: true, keepsTerm: true, place: { region: 'main', passage: headline ? 'h1' : 'p9', headline } });
    // A story citing the UN's sanctions: its bare sanctions are the UN's.
    expect(decideVisibility([...onTopic, at(5), at(6)], N, rules).shownAs).toEqual(new Map([[5, 6]]));
    // Its headline is about the US's own sanctions: the bare ones are sanctions.
    expect(decideVisibility([own(true), ...onTopic, at(5), at(6)], N, rules).shownAs).toEqual(new Map());
    // The body names the EU's in passing: the story is still about the UN's.
    expect(decideVisibility([...onTopic, at(5), own(false), at(6)], N, rules).shownAs).toEqual(new Map([[5, 6]]));
  });

  it('judges a name that keeps its term (the EU’s sanctions) by that term, not by the one its word class is narrowed to', () => {
    const N = [
      ...TERMS,
      term('sanctions', 'generic'), // 5
      { ...term('un-sanctions', 'generic'), narrows: [{ term: 'sanctions', whenArticleNames: ['un-sanctions'] }] }, // 6
    ];
    const onTopic = [at(0), at(1), meet(0), meet(1)];
    const euSanctions: MentionFacts = { term: 5, standalone: true, keepsTerm: true };
    // The reader hid the UN's sanctions: the bare ones (shown as the UN's) go, the EU's own stay.
    const hidingUn = decideVisibility([...onTopic, at(6), at(5), euSanctions], N, { hiddenTerms: ['un-sanctions'], firstMentionOnly: false });
    expect(hidingUn.visible.slice(4)).toEqual([false, false, true]);
    // The reader hid sanctions in general: the EU's go too, the UN's stay.
    const hidingOwn = decideVisibility([...onTopic, at(6), at(5), euSanctions], N, { hiddenTerms: ['sanctions'], firstMentionOnly: false });
    expect(hidingOwn.visible.slice(4)).toEqual([true, true, false]);
  });

  it('shows "North Koreans" as the troops in an article about them, and as the country elsewhere', () => {
    // Listed with the generic narrowing first, so the order of the catalogue does not decide.
    const N = [
      ...TERMS,
      { ...term('nk-people-words', 'generic'), narrowOnly: true as const }, // 5
      { ...term('north-korea-state', 'generic', 'north-korea'), narrows: [{ term: 'nk-people-words', whenArticleNames: ['north-korea-state'] }] }, // 6
      { ...term('nk-troops', 'specific'), narrows: [{ term: 'nk-people-words', whenArticleNames: ['nk-troops'] }] }, // 7
    ];
    const onTopic = [at(0), at(1), meet(0), meet(1)];
    // An article about the troops: the people are the troops, though it names the country too.
    expect(decideVisibility([...onTopic, at(6), at(7), at(5)], N, rules).shownAs).toEqual(new Map([[5, 7]]));
    // An article about students or workers: the people are the country's.
    const students = decideVisibility([...onTopic, at(6), at(5)], N, rules);
    expect(students.shownAs).toEqual(new Map([[5, 6]]));
    expect(students.visible[5]).toBe(true);
  });

  it('reads a treaty name Russia shares with others (its treaty with Iran) only in an article on the topic', () => {
    const N = [
      ...TERMS,
      { ...term('treaty', 'specific'), narrows: [{ term: 'summit-words', whenArticleNames: ['treaty'] }] }, // 5
      { ...term('summit-words', 'generic'), narrowOnly: true as const }, // 6
    ];
    const treatyName: MentionFacts = { term: 5, standalone: false, topical: true };
    // A Russia–Iran story: the shared name opens nothing and shows nothing.
    const iran = decideVisibility([at(1), treatyName, at(1), at(6)], N, rules);
    expect(iran.onTopic).toBe(false);
    expect(iran.visible).toEqual([false, false, false, false]);
    // A North Korea–Russia story: the name shows, and its summit is the treaty's.
    const korea = decideVisibility([at(0), at(1), meet(0), meet(1), treatyName, at(6)], N, rules);
    expect(korea.visible.slice(4)).toEqual([true, true]);
    expect(korea.shownAs.get(6)).toBe(5);
  });

  it('shows nothing for a word class narrowed to a subject the paper does not cover, whatever else narrows it', () => {
    const N = [
      ...TERMS,
      { ...term('treaty', 'specific'), narrows: [{ term: 'summit-words', whenArticleNames: ['treaty'] }] }, // 5
      { ...term('summit-words', 'generic'), narrowOnly: true as const }, // 6
      { ...term('beijing-talks', 'generic'), narrowOnly: true as const, narrows: [{ term: 'summit-words', whenArticleNames: ['beijing-talks'] }] }, // 7
    ];
    // A story on the treaty: the summit is the treaty's.
    const treaty = decideVisibility([at(0), at(1), meet(0), meet(1), at(5), at(6)], N, rules);
    expect(treaty.visible.slice(4)).toEqual([true, true]);
    // A story on the Beijing talks that also names the treaty: its summit is the Beijing one, and
    // shows nothing, nor do the Beijing talks' own names; the treaty still shows.
    const beijing = decideVisibility([at(0), at(1), meet(0), meet(1), at(7), at(5), at(6)], N, rules);
    expect(beijing.onTopic).toBe(true);
    expect(beijing.visible.slice(4)).toEqual([false, true, false]);
  });

  it('drops terms the reader hid, and repeats when only first mentions are wanted', () => {
    expect(decideVisibility([at(0), at(0), at(1), meet(0), meet(1)], TERMS, { hiddenTerms: ['russia'], firstMentionOnly: true }).visible).toEqual([true, false, false, false, false]);
  });
});

/**
 * Real-world page shapes (from tests/fixtures/news): where each mention sits, and in which
 * passage. p(n) is the n-th paragraph of the article; nav/aside are the page's furniture.
 */
describe('relevance gate on page shapes', () => {
  const T = [
    ...TERMS,
    term('missiles', 'generic'), // 5
    term('china', 'generic'), // 6
    term('dprk', 'generic', 'north-korea'), // 7: the country's name, as the catalogue has it (generic)
    term('dpr', 'generic', 'russia'), // 8: the so-called Donetsk People's Republic, on Russia's side
    term('putin', 'specific', 'russia'), // 9
  ];
  T[6] = { ...T[6]!, kind: 'state' };
  T[7] = { ...T[7]!, kind: 'state' };
  const main = (t: number, passage: number): MentionFacts => ({ term: t, standalone: true, place: { region: 'main', passage } });
  const headline = (t: number): MentionFacts => ({ term: t, standalone: true, place: { region: 'main', passage: 'h1', headline: true } });
  const furniture = (t: number, passage: number): MentionFacts => ({ term: t, standalone: true, place: { region: 'boilerplate', passage: `aside-${passage}` } });
  const NK = 0,
    RU = 1,
    SANCTIONS = 2,
    KIM = 4,
    MISSILES = 5,
    CHINA = 6,
    DPRK = 7,
    DPR = 8,
    PUTIN = 9;
  const cases: { name: string; mentions: MentionFacts[]; onTopic: boolean; shown?: boolean[] }[] = [
    { name: 'an article naming both sides twice', mentions: [main(NK, 1), main(RU, 1), main(NK, 2), main(RU, 3), main(SANCTIONS, 3)], onTopic: true },
    {
      name: 'an alliance story listing “North Korea, China and Russia” once among many mentions of North Korea',
      mentions: [main(NK, 1), main(CHINA, 2), main(NK, 2), main(MISSILES, 2), main(NK, 3), main(CHINA, 3), main(RU, 3)],
      onTopic: false,
      shown: [false, false, false, false, false, false, false], // North Korea too: off the topic, nothing shows
    },
    {
      name: 'a film review naming Russia, beside a “Most read” link about North Korea',
      mentions: [main(RU, 1), main(RU, 2), furniture(NK, 1), furniture(KIM, 1)],
      onTopic: false,
      shown: [false, false, false, false], // even specific terms in a sidebar stay quiet off the topic
    },
    { name: 'both sides named often, but only in navigation and sidebars', mentions: [furniture(NK, 1), furniture(RU, 1), furniture(NK, 2), furniture(RU, 2), main(SANCTIONS, 1)], onTopic: false },
    { name: 'both sides together in one passage, one named again, with the topic’s concepts', mentions: [main(NK, 1), main(MISSILES, 1), main(RU, 1), main(MISSILES, 2), main(NK, 2)], onTopic: true },
    { name: 'a live-blog line naming both sides three times (Kim Jong Un at the Vostochny Cosmodrome, Russian media said)', mentions: [main(KIM, 1), main(RU, 1), main(RU, 1)], onTopic: true },
    { name: 'both sides together in two passages', mentions: [main(NK, 1), main(RU, 1), main(RU, 2), main(NK, 2)], onTopic: true },
    {
      name: 'an alliance story whose one passage names North Korea twice and lists it with Russia and China',
      mentions: [main(DPRK, 1), main(DPRK, 2), main(DPRK, 2), main(RU, 2), main(CHINA, 2)],
      onTopic: false,
    },
    {
      name: 'a passage naming the sides five times (Pyongyang recognised the DPR, Russia’s envoy was told)',
      mentions: [main(DPRK, 1), main(DPRK, 1), main(DPR, 1), main(DPRK, 1), main(RU, 1)],
      onTopic: true,
    },
    {
      name: 'a passage on Putin in Hanoi naming him and Russia four times and North Korea once, where he came from',
      mentions: [main(PUTIN, 1), main(RU, 1), main(RU, 1), main(PUTIN, 1), main(DPRK, 1), main(RU, 2), main(PUTIN, 3)],
      onTopic: false,
    },
    { name: 'the same passage naming Kim Jong Un, not only his country', mentions: [main(PUTIN, 1), main(RU, 1), main(RU, 1), main(PUTIN, 1), main(KIM, 1), main(RU, 2), main(PUTIN, 3)], onTopic: true },
    {
      name: 'a headline naming both sides, one named again in the text (holidays in North Korea for Russians)',
      mentions: [headline(DPRK), headline(RU), main(DPRK, 1), main(DPRK, 2)],
      onTopic: true,
    },
    { name: 'a headline naming both sides, neither named again', mentions: [headline(DPRK), headline(RU), main(SANCTIONS, 1)], onTopic: false },
    {
      name: 'a headline listing a third state (“North Korea, China and Russia”), one side named again',
      mentions: [headline(DPRK), headline(CHINA), headline(RU), main(RU, 1)],
      onTopic: false,
    },
    { name: 'the same mentions with both sides in a body passage, not the headline', mentions: [main(DPRK, 1), main(RU, 1), main(DPRK, 2), main(DPRK, 3)], onTopic: false },
    { name: 'a bilateral term in the article opens the gate on its own', mentions: [main(3, 1), main(SANCTIONS, 2)], onTopic: true },
    { name: 'a bilateral term only in a sidebar does not', mentions: [furniture(3, 1), main(SANCTIONS, 2)], onTopic: false, shown: [false, false] },
  ];
  it.each(cases)('$name', ({ mentions, onTopic, shown }) => {
    const verdict = decideVisibility(mentions, T, rules);
    expect(verdict.onTopic).toBe(onTopic);
    if (shown) expect(verdict.visible).toEqual(shown);
  });
});

describe('narrowing rules from storage', () => {
  it('accepts well-formed rules and treats malformed ones as no corpus yet', async () => {
    const { parseMatcherData } = await import('../../lib/matcher-data');
    const data = (narrows: unknown) => ({ version: 1, hash: 'h', terms: [{ id: 'a', label: 'A', kind: 'event', specificity: 'generic', aliases: [{ text: 'a' }], narrows }] });
    expect(parseMatcherData(data([{ term: 'b', whenArticleNames: ['c'] }]))).not.toBeNull();
    expect(parseMatcherData(data(undefined))).not.toBeNull();
    expect(parseMatcherData(data({ term: 'b', whenArticleNames: ['c'] }))).toBeNull();
    expect(parseMatcherData(data([{ term: 'b', whenArticleNames: [7] }]))).toBeNull();
    expect(parseMatcherData(data([null]))).toBeNull();
    // A story narrowing is marked true or not at all; anything else in storage is malformed.
    expect(parseMatcherData(data([{ term: 'b', whenArticleNames: ['c'], showsTopic: true }]))).not.toBeNull();
    expect(parseMatcherData(data([{ term: 'b', whenArticleNames: ['c'], showsTopic: 'yes' }]))).toBeNull();
    expect(parseMatcherData(data([{ term: 'b', whenArticleNames: ['c'], showsTopic: false }]))).toBeNull();
    // The terms a narrowing stands down for are a list of ids, or absent: a bare id or a number would break the gate.
    expect(parseMatcherData(data([{ term: 'b', whenArticleNames: ['c'], unlessArticleNames: ['d'] }]))).not.toBeNull();
    expect(parseMatcherData(data([{ term: 'b', whenArticleNames: ['c'], unlessArticleNames: 'd' }]))).toBeNull();
    expect(parseMatcherData(data([{ term: 'b', whenArticleNames: ['c'], unlessArticleNames: [7] }]))).toBeNull();
  });

  it('accepts a side a thing of the relationship carries, and treats anything but a side as no corpus yet', async () => {
    const { parseMatcherData } = await import('../../lib/matcher-data');
    const data = (carriesSide: unknown) => ({ version: 1, hash: 'h', terms: [{ id: 'a', label: 'A', kind: 'event', specificity: 'specific', aliases: [{ text: 'a' }], carriesSide }] });
    expect(parseMatcherData(data('north-korea'))).not.toBeNull();
    expect(parseMatcherData(data(undefined))).not.toBeNull();
    expect(parseMatcherData(data('partner'))).toBeNull();
    expect(parseMatcherData(data(1))).toBeNull();
    // The terms that place it are a list of ids, or absent.
    const placed = (placedBy: unknown) => ({ version: 1, hash: 'h', terms: [{ id: 'a', label: 'A', kind: 'event', specificity: 'specific', aliases: [{ text: 'a' }], carriesSide: 'north-korea', placedBy }] });
    expect(parseMatcherData(placed(['ukraine']))).not.toBeNull();
    expect(parseMatcherData(placed('ukraine'))).toBeNull();
    expect(parseMatcherData(placed([3]))).toBeNull();
  });
});
