/**
 * Which mentions a page shows: only on pages about North Korea and Russia, judged from the article
 * rather than the page (off the topic, not even Kim Jong Un shows: a story on Seoul's politics or an
 * actress named 김정은 is no place for this paper's context). A non-standalone alias (a bare "Kim") shows only
 * where the page also names its term in full; an on-topic word (파병, "arms transfers") only in an
 * article on the topic. A term may narrow another in articles that name its context (the veto in a
 * story about the Panel of Experts shows as Russia's March 2024 veto). Pure, so the rules are
 * tested without a page.
 */
import type { MatcherDataTerm } from './matcher-data';

/** Where a mention sits: in the article or the page's furniture, and in which passage. */
export interface MentionPlace {
  region: 'main' | 'boilerplate';
  /** Any value that is the same for mentions in one passage (paragraph, list item), or null. */
  passage: unknown;
  /** The passage is the article's headline (its h1): what the article is about. */
  headline?: boolean;
}

export interface MentionFacts {
  term: number;
  /** Through an alias that names the term (not a bare "Kim", not an on-topic word). */
  standalone: boolean;
  /** Through an 'on-topic' alias (파병, "arms transfers"): shows only in an article on the topic. */
  topical?: boolean;
  /** Through an alias that keeps its term where the article narrows it (the EU's sanctions, 독자제재). */
  keepsTerm?: boolean;
  /** Through a name that places its side-carrying thing by itself (the troops' operation abroad, not 북한군). */
  placesItself?: boolean;
  /** Absent: treated as the article's own text, each mention in a passage of its own. */
  place?: MentionPlace;
}

export interface VisibilityRules {
  hiddenTerms: readonly string[];
  firstMentionOnly: boolean;
  /**
   * The reader asked, from the popup, to mark this page though the gate judged it off the topic
   * (the gate misreads some pages: a caption on a North Korean missile that hit Kyiv names no
   * Russia). The page then shows as one on the topic would; hidden terms stay hidden.
   */
  readerMarksPage?: boolean;
}

export interface Verdict {
  /** Per mention, in the order given: whether to highlight it. */
  visible: boolean[];
  onTopic: boolean;
  /**
   * Terms whose mentions show as a narrower term in this article (term index -> term index): the
   * veto in a story about the Panel of Experts is Russia's March 2024 veto. Empty when none.
   */
  shownAs: Map<number, number>;
}

/** A narrowing rule by term index: from, to, the terms that trigger it, and whether it names one of the topic's own stories. */
interface NarrowingRule {
  from: number;
  to: number;
  when: number[];
  /** Terms whose naming keeps the rule from applying. */
  unless: number[];
  showsTopic: boolean;
}

/** What the gate reads from a terms array's narrowings, worked out once per array (the content script's catalogue is one). */
interface Narrowings {
  /** Each narrowing rule by term index, the one that wins first. */
  rules: NarrowingRule[];
  /** The rules that name one of the topic's own stories (`showsTopic`). */
  storyRules: NarrowingRule[];
  /** The words those rules narrow (the veto): each tells one of the topic's stories. */
  storyWords: Set<number>;
  /** The word classes that show as a thing of the relationship where the article narrows them ("alliance"). */
  relationshipWords: Set<number>;
  /** Per side-carrying term, the terms that place it in the relationship beside the other side (`placedBy`). */
  placedBy: Map<number, number[]>;
}

const narrowingsByTerms = new WeakMap<readonly MatcherDataTerm[], Narrowings>();

function narrowingsOf(terms: readonly MatcherDataTerm[]): Narrowings {
  let narrowings = narrowingsByTerms.get(terms);
  if (!narrowings) {
    const index = new Map(terms.map((t, i) => [t.id, i]));
    const rules: NarrowingRule[] = [];
    terms.forEach((t, to) => {
      for (const narrowing of t.narrows ?? []) {
        const from = index.get(narrowing.term);
        if (from === undefined || from === to) continue;
        const when = narrowing.whenArticleNames.flatMap((id) => (index.has(id) ? [index.get(id)!] : []));
        const unless = (narrowing.unlessArticleNames ?? []).flatMap((id) => (index.has(id) ? [index.get(id)!] : []));
        if (when.length) rules.push({ from, to, when, unless, showsTopic: narrowing.showsTopic === true });
      }
    });
    // Where two narrowings of one word class apply ("North Koreans" in an article that names both
    // the country and its troops), the specific term wins, whatever the catalogue's order; and a
    // subject the paper does not cover wins over both: in a story about the Beijing talks, "the
    // meeting" is those talks, though the story also names the 2024 treaty.
    const rank = (to: number) => (terms[to]!.narrowOnly ? 2 : terms[to]!.specificity === 'specific' ? 1 : 0);
    rules.sort((a, b) => rank(b.to) - rank(a.to));
    narrowings = {
      rules,
      storyRules: rules.filter((rule) => rule.showsTopic),
      storyWords: new Set(rules.filter((rule) => rule.showsTopic).map((rule) => rule.from)),
      relationshipWords: new Set(rules.filter((rule) => terms[rule.from]!.narrowOnly && namesRelationship(terms[rule.to]!)).map((rule) => rule.from)),
      placedBy: new Map(terms.flatMap((t, i) => (t.placedBy ? [[i, t.placedBy.flatMap((id) => (index.has(id) ? [index.get(id)!] : []))] as [number, number[]]] : []))),
    };
    narrowingsByTerms.set(terms, narrowings);
  }
  return narrowings;
}

/**
 * Whether the article is one of the topic's own stories, told by a `showsTopic` narrowing: its
 * headline names the narrowing's trigger as the topic's (the Panel of Experts by a name of its own,
 * or an on-topic name such as "UN expert panel" beside the side it belongs to: "… monitoring N.
 * Korea sanctions"), and its text has the word narrowed (a veto: Russia's March 2024 veto). A UN
 * story whose headline is about Gaza's experts or Mali's panel, and which names North Korea in
 * passing, is not.
 */
function narrowsToTopicStory(mentions: readonly MentionFacts[], terms: readonly MatcherDataTerm[]): boolean {
  const rules = narrowingsOf(terms).storyRules;
  if (!rules.length) return false;
  let headlineSides = 0;
  for (const m of mentions) if (m.place?.headline === true && m.standalone) headlineSides |= sideOf(terms[m.term]!);
  const inHeadline = new Set<number>();
  for (const m of mentions) {
    if (m.place?.headline !== true) continue;
    const side = sideOf(terms[m.term]!);
    if (m.standalone || (m.topical === true && side !== 0 && (headlineSides & side) !== 0)) inHeadline.add(m.term);
  }
  const storyWords = new Set(rules.filter((rule) => rule.when.some((t) => inHeadline.has(t))).map((rule) => rule.from));
  return storyWords.size > 0 && mentions.some((m) => m.standalone && m.place?.region !== 'boilerplate' && storyWords.has(m.term));
}

/**
 * The term a mention shows as: the narrower one the article calls for (`Verdict.shownAs`), or its
 * own where there is none or where its alias keeps its term (독자제재 is never the UN's sanctions).
 */
export function shownTerm(shownAs: ReadonlyMap<number, number>, mention: { term: number; keepsTerm?: boolean }): number {
  return narrowedTerm(shownAs, mention) ?? mention.term;
}

/** The narrower term a mention shows as in this article, if any (never for a name that keeps its term). */
function narrowedTerm(shownAs: ReadonlyMap<number, number>, mention: { term: number; keepsTerm?: boolean }): number | undefined {
  return mention.keepsTerm ? undefined : shownAs.get(mention.term);
}

/** Whether a term is a thing of the relationship: specific, of neither side, not a partner's, not a word class. */
const namesRelationship = (term: MatcherDataTerm) => sideOf(term) === 0 && term.specificity === 'specific' && term.anchor !== 'partner' && !term.narrowOnly;

/**
 * The side a term names, as a bit: 1 North Korea, 2 Russia, 0 neither. A word class with a side
 * (Vladivostok, Хабаровский край: Russia's own places, which Russian news names instead of Russia)
 * names it too, though it never shows.
 */
function sideOf(term: MatcherDataTerm): 0 | 1 | 2 {
  return term.anchor === 'north-korea' ? 1 : term.anchor === 'russia' ? 2 : 0;
}

/** How many mentions of each side the article's own text needs (one of each is a passing mention). */
export const ANCHOR_REPEATS = 2;

/** In how many passages the other side must be named for a side recalled in one passage to be an aside. */
const ASIDE_AMONG = 6;

/** How many times as often the other side may be named where one is named only ANCHOR_REPEATS times. */
const OUTNUMBERED = 4;

/**
 * The page is on the topic when its article (not its navigation, sidebars or link lists) names
 * a specific term that belongs to neither side (the bilateral ones: the Vostochny summit, the
 * 2024 treaty; the troops, whose names carry North Korea, only where Russia, the war or their
 * operation abroad places them; the pair's own name, 북·러, only twice or beside both sides with neither outnumbered), or names both sides and is one of the topic's own stories (its headline names the
 * Panel of Experts as North Korea's, its text a veto), or names North Korea and Russia repeatedly:
 * each side at least ANCHOR_REPEATS times, the two meeting in some passage (by any name: Kim obtained Russian help); or both together in more than one passage, or in one passage that names them three times
 * or more (Kim Jong Un at the Vostochny Cosmodrome, Russian media said) with the side named less often named
 * by a person, a specific term or twice, or in one passage with the
 * topic's concepts (missiles, sanctions, a veto) discussed and a side or concept named again beyond it (where one side is named just once, outnumbered, and only by an event of its own, or named in two passages at most, each beside a partner, a passage where they meet must name a concept or a thing of the other side: Russia's invasion recalled as a date in a story of North Korea's launch opens nothing, nor do China and Russia as the sellers of North Korea's oil, while Seoul saying Russia helped the launch does; nor does such a list count as a side named repeatedly). A page that names each
 * once in passing, or lists them with others ("North Korea, China and Russia"), stays quiet; so
 * does one that names a side twice and the other more than OUTNUMBERED times as often, unless a
 * passage is dense. Only the article's own mentions show, and on a page off the topic none do. Mentions must be given in document order for `firstMentionOnly`.
 */
export function decideVisibility(mentions: readonly MentionFacts[], terms: readonly MatcherDataTerm[], rules: VisibilityRules): Verdict {
  const named = new Set<number>();
  /** Terms the article itself names: its main text, through an alias that names them (or, once the gate is open, an on-topic one). */
  const namedInArticle = new Set<number>();
  /** Terms the article mentions through an on-topic alias: they name it only once the gate is open. */
  const topicalInArticle = new Set<number>();
  /**
   * Terms whose own alias (U.S. sanctions, 독자제재) the headline names: the article is about that
   * owner's, so its bare mentions are not narrowed (the UN's sanctions, for a story citing the
   * Security Council's resolutions).
   */
  const ownedInHeadline = new Set<number>();
  /** The sides the article names by a name of their own (not a bare "Kim", not "the panel of experts"). */
  let sidesNamed = 0;
  for (const m of mentions) {
    const inArticle = m.place?.region !== 'boilerplate';
    if (m.standalone) {
      named.add(m.term);
      if (inArticle) {
        namedInArticle.add(m.term);
        sidesNamed |= sideOf(terms[m.term]!);
      }
      if (m.keepsTerm && m.place?.headline === true) ownedInHeadline.add(m.term);
    } else if (m.topical && inArticle) topicalInArticle.add(m.term);
  }
  let northKorea = 0;
  let russia = 0;
  /**
   * Mentions of the specific terms of neither side: things of the relationship (the 2024 treaty,
   * the troops in Kursk, the MSMT) and its names as a pair (북·러, "North Korea–Russia ties").
   */
  let bilateralThings = 0;
  let pairNames = 0;
  /** The side carried by the last thing of the relationship named that carries one (the troops: North Korea), and the term. */
  let carriedSide: 0 | 1 | 2 = 0;
  let carriedTerm = -1;
  let carriedThings = 0;
  let carriedPlacesItself = false;
  /**
   * Per place of the relationship (the Khasan–Rajin railway, the Tumen bridge), its mentions'
   * passages and whether the headline names it: a place counts as a thing of the relationship only
   * where the article dwells on it (see below), as histories of the Trans-Siberian, Hunchun's
   * logistics and Seoul's Eurasian rail plan each name the railway once, as one route among many.
   */
  const placesOfRelationship = new Map<number, { passages: Set<unknown>; mentions: number; headline: boolean }>();
  /** The article's first passage after the headline (its lead): where a brief names what it is about. A passage key is never undefined. */
  let leadPassage: unknown;
  /**
   * The headline names a partner of one side's own (China, Iran, or their leaders); which sides it
   * names; whether it names anyone or anything else (a third state, the summit, 북러, drones).
   */
  let headlineNamesPartner = false;
  /** The body's passages that name a partner, the headline's own passages, and passages naming a weapon. */
  const partnerPassages = new Set<unknown>();
  const headlinePassages = new Set<unknown>();
  const weaponPassages = new Set<unknown>();
  /** Passages naming a weapon by a name of its own (KN-23, shells), not a word class ("rocket"). */
  const namedWeaponPassages = new Set<unknown>();
  /** Passages naming a thing of the relationship by any of its names, an on-topic one too. */
  const relationshipPassages = new Set<unknown>();
  let headlineSides = 0;
  let headlineNamesMore = false;
  /** Per side, the passages that name it. */
  const passagesNaming: [Set<unknown>, Set<unknown>] = [new Set(), new Set()];
  /** Mentions of the topic's concepts (missiles, sanctions, veto), not of places. */
  let concepts = 0;
  /** Passages that name one of the topic's concepts. */
  const conceptPassages = new Set<unknown>();
  /** Passages of the headline that name a third state (North Korea, China and Russia): a list, not the subject. */
  let headlineNamesOthers = false;
  /** Per passage, each side's mentions (North Korea's, Russia's) and whether a specific term (Kim Jong Un) named it. */
  const sidesByPassage = new Map<unknown, { mentions: [number, number]; named: [boolean, boolean]; headline: boolean }>();
  /**
   * A name that means a side's term only in an article on the topic ("the panel of experts", 전문가
   * 패널) counts for that side once the article names the side itself: a story on North Korea's
   * panel names North Korea, while one on Mali's panel of experts never does.
   */
  const countsForSide = (m: MentionFacts, side: number) => side !== 0 && m.topical === true && (sidesNamed & side) !== 0;
  const namesTopicStory = sidesNamed === 3 && narrowsToTopicStory(mentions, terms);
  /**
   * Per passage, the sides it refers to by any name, a bare one included (Kim obtained Russian
   * help; Russian engineers entered the North): where the two sides meet in the article's text.
   */
  const referredByPassage = new Map<unknown, number>();
  const { relationshipWords } = narrowingsOf(terms);
  /**
   * The headline names a thing of the relationship, by a name of its own, an on-topic one, or a
   * word that shows as one in an article on the topic ("Putin vows to deepen the alliance"): a word
   * names no state and opens nothing, but says the article is about a relationship.
   */
  let headlineNamesRelationship = false;
  let sidesMeet = false;
  /** Per side, whether the article names it by anything but an event of its own (Russia's invasion of Ukraine). */
  const namedOtherThanByEvent: [boolean, boolean] = [false, false];
  mentions.forEach((m, i) => {
    if (m.place?.region === 'boilerplate') return;
    const term = terms[m.term]!;
    const side = sideOf(term);
    const counts = m.standalone || countsForSide(m, side);
    const key = m.place?.passage ?? i;
    if (side && (counts || !m.topical)) {
      const sides = (referredByPassage.get(key) ?? 0) | side;
      referredByPassage.set(key, sides);
      if (sides === 3) sidesMeet = true;
      // A headline refers to a side by a bare name too ("Kim assures Xi …", in a story naming Kim Jong Un).
      if (m.place?.headline === true) headlineSides |= side;
    }
    if (m.place?.headline === true) headlinePassages.add(key);
    else leadPassage ??= key;
    if (term.anchor === 'partner' && !m.topical) {
      if (m.place?.headline === true) headlineNamesPartner = true;
      else partnerPassages.add(key);
    }
    if (term.kind === 'weapon' && (m.standalone || m.topical)) {
      weaponPassages.add(key);
      if (!term.narrowOnly) namedWeaponPassages.add(key);
    }
    // A thing of the relationship by any name it has, an on-topic one too ("the Comprehensive Strategic Partnership Treaty").
    const namesThing = namesRelationship(term) && (m.standalone || m.topical);
    if (namesThing) relationshipPassages.add(key);
    if (m.place?.headline === true && (namesThing || relationshipWords.has(m.term))) headlineNamesRelationship = true;
    // The pair's name counts however it is written (an on-topic "Korean–Russian alliance" too).
    if ((m.standalone || (m.topical && term.pairOfStates)) && m.place?.headline === true && term.anchor !== 'partner' && !side && (term.kind === 'state' || term.specificity === 'specific' || term.kind === 'weapon'))
      headlineNamesMore = true;
    // A word class ("talks") says nothing about the topic, unless it names a side.
    if (term.narrowOnly && !side) return;
    if (!counts) return;
    if (side) passagesNaming[side - 1]!.add(key);
    if (side) namedOtherThanByEvent[side - 1] ||= term.kind !== 'event';
    if (side === 1) northKorea++;
    else if (side === 2) russia++;
    else if (term.specificity === 'specific') {
      if (term.pairOfStates) pairNames++;
      else if (term.kind === 'place' && !term.carriesSide) {
        let place = placesOfRelationship.get(m.term);
        if (!place) placesOfRelationship.set(m.term, (place = { passages: new Set(), mentions: 0, headline: false }));
        place.passages.add(key);
        place.mentions++;
        place.headline ||= m.place?.headline === true;
      } else {
        bilateralThings++;
        if (term.carriesSide) {
          carriedSide = term.carriesSide === 'north-korea' ? 1 : 2;
          carriedTerm = m.term;
          carriedThings++;
          if (m.placesItself) carriedPlacesItself = true;
        }
      }
    } else if (term.kind !== 'state' && term.kind !== 'place' && term.anchor !== 'partner') {
      concepts++;
      conceptPassages.add(key);
    } else if (term.kind === 'state' && m.place?.headline === true) headlineNamesOthers = true;
    if (side) {
      let passage = sidesByPassage.get(key);
      if (!passage) sidesByPassage.set(key, (passage = { mentions: [0, 0], named: [false, false], headline: m.place?.headline === true }));
      passage.mentions[side - 1]!++;
      if (term.specificity === 'specific') passage.named[side - 1] = true;
    }
  });
  // A place of the relationship named once counts only in the lead, where a brief names what it is
  // about (Russian Railways resumes trains on the Khasan–Tumangang line), or in a passage that names
  // both sides beside it (a family takes the Khasan–Tumangang train from Vladivostok into North
  // Korea); named in two passages or in the headline, it is what the article is about. A history
  // whose one sentence on the line names both countries still opens (the fifteenth review).
  for (const { passages, mentions: count, headline } of placesOfRelationship.values())
    if (headline || passages.size >= ANCHOR_REPEATS || passages.has(leadPassage) || [...passages].some((key) => referredByPassage.get(key) === 3)) bilateralThings += count;
  let together = 0;
  /** The passages where the two meet densely (Kim Jong Un at the Vostochny Cosmodrome, Russian media said). */
  const densePassages = new Set<unknown>();
  let headlineCount = 0;
  /** The passages where the two sides meet. */
  const meetingPassages = new Set<unknown>();
  for (const [
    key,
    {
      mentions: [ofNorth, ofRussia],
      named,
      headline,
    },
  ] of sidesByPassage) {
    if (!ofNorth || !ofRussia) continue;
    const count = ofNorth + ofRussia;
    together++;
    meetingPassages.add(key);
    if (headline) headlineCount = count;
    // Three mentions make a passage dense when one names a leader (Kim Jong Un at the Vostochny
    // Cosmodrome, Russian media said); countries' names alone need four, as a list ("North Korea's
    // denuclearisation … North Korea, Russia and China") names them three times in passing.
    // In the body, the side named less often must be named by a person or a specific term, or more
    // than once: a story on Putin in Hanoi that names him and Russia four times and "North Korea"
    // once (he came from there) is about Vietnam. A headline says what the article is about.
    const fewer = ofNorth < ofRussia ? 0 : ofRussia < ofNorth ? 1 : null;
    const inPassing = !headline && fewer !== null && Math.min(ofNorth, ofRussia) === 1 && !named[fewer];
    if (!inPassing && count > ANCHOR_REPEATS + (named[0] || named[1] ? 0 : 1)) densePassages.add(key);
  }
  // A headline that names both sides, and no other state, says what the article is about, once its
  // text names either side again ("Holidays in North Korea: how Russians reach Wonsan-Kalma"); a
  // passage in the body that names both may be a passing list, and so may a headline that lists
  // a third state.
  const headlineNamesBoth = headlineCount > 0 && !headlineNamesOthers && northKorea + russia > headlineCount;
  // Each side named repeatedly counts only where the two meet somewhere (sidesMeet): a story on Seoul's
  // rocket that names North Korea's launches and, elsewhere, Russia as the builder of a stage is not about them.
  // Neither that nor two passages naming both counts where one side is named only that often and
  // the other many times over: Putin convening his security council on the peninsula names Russia a
  // dozen times and North Korea twice; a story on the Pyongyang marathon names North Korea fourteen
  // times and Russia twice (among the runners' countries, and for its tourists since 2023).
  const fewer = Math.min(northKorea, russia);
  const outnumbered = fewer <= ANCHOR_REPEATS && Math.max(northKorea, russia) > OUTNUMBERED * fewer;
  // The side named less often is named only where a partner of one side's is too (in two passages at
  // most), as one of two (China and Russia sell North Korea its oil): a list, not a story of the two.
  const recalledBesideAPartner = () => {
    const lessNamed = passagesNaming[northKorea < russia ? 0 : 1];
    return northKorea !== russia && lessNamed.size <= ANCHOR_REPEATS && [...lessNamed].every((key) => partnerPassages.has(key));
  };
  const bothRepeated = fewer >= ANCHOR_REPEATS && sidesMeet && !recalledBesideAPartner();
  // Nor is a dense passage the story where it names a partner too, the side named less often is
  // recalled only beside that partner, and the headline does not name both: the guests at
  // Pyongyang's party anniversary, China's premier and Russia's Medvedev, seated either side of Kim
  // Jong Un. Putin and Kim's talks in Beijing, headlined on the two, are theirs.
  const dense = densePassages.size > 0 && !(headlineSides !== 3 && [...densePassages].every((key) => partnerPassages.has(key)) && recalledBesideAPartner());
  // The side named less often is recalled only by an event of its own (Russia's invasion of Ukraine, as a date).
  const recalledOnlyByAnEvent = northKorea !== russia && !namedOtherThanByEvent[northKorea < russia ? 0 : 1];
  // Whether a passage where the two sides meet also names one of the topic's concepts (Russia's help
  // with the satellite) or, by any name, a bare one too, a thing of the side named more often (the
  // panel, Kim Jong Un, the Kursk region): Russia blocked the panel. Walked only when a rule asks.
  // Where the side named less often is named once, in a list beside a partner, a concept there is not
  // enough: Washington's sanctions on North Korea's banks, whose staff work "in China, Russia, Libya
  // and the UAE", are not the topic's. A weapon or a thing of the other side by a name of its own
  // there is: the North Korean missile Russia fired, traced to parts from the US, Japan and China;
  // Kim Jong Un's limousines, traced through China and Russia. "UN experts" saw Russian and Chinese
  // ships carry North Korea's fuel, in a story on its arms for Syria, is not.
  const listedOnceBesideAPartner = () => outnumbered && fewer === 1 && recalledBesideAPartner();
  const topicWhereSidesMeet = (): boolean => {
    const listed = listedOnceBesideAPartner();
    if ([...meetingPassages].some((key) => (listed ? weaponPassages : conceptPassages).has(key))) return true;
    const moreNamedSide = northKorea > russia ? 1 : 2;
    const { storyWords } = narrowingsOf(terms);
    return mentions.some((m, i) => {
      if (m.place?.region === 'boilerplate' || !meetingPassages.has(m.place?.passage ?? i)) return false;
      // Listed or not, a word that tells one of the topic's stories is its own: China and Russia
      // vetoed new sanctions on North Korea (the fifteenth review).
      if (listed && m.standalone && storyWords.has(m.term)) return true;
      const term = terms[m.term]!;
      return sideOf(term) === moreNamedSide && term.kind !== 'state' && !term.narrowOnly && (!listed || m.standalone);
    });
  };
  // A thing of the relationship makes the article about it. A pair name once does only where both
  // sides are named and neither is outnumbered: China's premier in Pyongyang, with 북·러 leaders
  // beside him at a parade, names North Korea fifteen times and Russia never on its own.
  // A thing of the relationship whose names carry a side (the troops: 북한군, "North Korean special
  // forces", which news also uses for the North's army at home), the only kind of thing of the
  // relationship the article names, is that side's own where the article names neither the other
  // side (by any name of its own: Russia, Putin, Kursk, the war) nor a term that places it there
  // (Ukraine, Donbas: prisoners of war, builders bound for Donbas): soldiers crossing the border
  // into the South, special forces in a story of North Korea's ties with Mozambique. Russia's
  // general crediting the DPRK's units with freeing Kursk is the troops' story, and so is China's
  // foreign ministry asked about them: a partner beside the troops says nothing (the thirteenth
  // hostile review), so Russia's army games, which North Korea's army skipped, stay lit. A name
  // that places the troops by itself (their operation abroad: «зарубежная военная операция»,
  // 해외작전부대) needs neither: a KCNA story of Kim meeting the families of the fallen is theirs.
  const placed = () => carriedPlacesItself || (sidesNamed & (3 - carriedSide)) !== 0 || (narrowingsOf(terms).placedBy.get(carriedTerm) ?? []).some((t) => namedInArticle.has(t));
  const carriedInPassing = carriedSide !== 0 && carriedThings === bilateralThings && !placed();
  const bilateral = (bilateralThings > 0 && !carriedInPassing) || pairNames >= ANCHOR_REPEATS || (pairNames > 0 && fewer >= 1 && !outnumbered);
  // A story of one side with a partner of its own (Kim and Xi in Beijing, Russia's treaty with
  // Iran) that recalls the other side in three passages at most is about that partnership, however
  // densely a passage names the two: Russia "signed a similar treaty with North Korea".
  const unnamed = headlineSides === 1 ? 1 : headlineSides === 2 ? 0 : undefined;
  const partnerStory = headlineNamesPartner && !headlineNamesMore && unnamed !== undefined && passagesNaming[unnamed]!.size <= ANCHOR_REPEATS + 1 && bilateralThings < ANCHOR_REPEATS;
  // A headline naming both sides beside a partner (Shoigu in Tehran, four days after Pyongyang) is
  // the partner's story where the body refers to one side, by any name, in a single passage (or in
  // two that each name the partner too) naming no weapon and no thing of the relationship (not even by an on-topic name: the "strategic
  // partnership treaty" elsewhere may be Iran's), follows the partner through two passages of its
  // own or more, and names the relationship nowhere by a name of its own: that side is where the
  // traveller came from. A partner named where the two sides meet is a venue (Putin and Kim in
  // Beijing); North Korea's shells beside Iran's drones are the topic's own story.
  // The body's passages per side (North Korea's, Russia's) are walked once, and only when a rule
  // asks: a headline naming both sides and a partner, or a page otherwise on the topic (the aside
  // rule below). The content script asks this verdict on every page.
  let bodyPassages: [unknown[], unknown[]] | undefined;
  const bodyPassagesReferring = (side: 1 | 2): unknown[] => {
    if (!bodyPassages) {
      bodyPassages = [[], []];
      for (const [key, sides] of referredByPassage) {
        if (headlinePassages.has(key)) continue;
        if (sides & 1) bodyPassages[0].push(key);
        if (sides & 2) bodyPassages[1].push(key);
      }
    }
    return bodyPassages[side - 1];
  };
  const recallsOneSideAside = () => {
    const [northPassages, russiaPassages] = [bodyPassagesReferring(1), bodyPassagesReferring(2)];
    const asidePassages = northPassages.length <= russiaPassages.length ? northPassages : russiaPassages;
    // A weapon beside the side is the topic's own story (like Iran, North Korea sent Russia missiles),
    // by an on-topic word too: a writer who recalls one side beside the partner compares the two
    // suppliers ("Like Iran, North Korea has shipped weapons to Russia"; the fifteenth review).
    if (asidePassages.some((key) => weaponPassages.has(key) || relationshipPassages.has(key))) return false;
    // Recalled twice, each time beside the partner (Russia courts Iran and North Korea alike;
    // Shoigu met Kim, then flew to Tehran), the side is still the traveller's last stop. Twice on
    // its own, it is a story of its own.
    return asidePassages.length <= 1 || (asidePassages.length <= ANCHOR_REPEATS && asidePassages.every((key) => partnerPassages.has(key)));
  };
  const followsPartner = () => [...partnerPassages].filter((key) => referredByPassage.get(key) !== 3).length >= ANCHOR_REPEATS;
  const asideOfPartnerStory = headlineNamesPartner && headlineSides === 3 && !headlineNamesMore && bilateralThings === 0 && pairNames === 0 && followsPartner() && recallsOneSideAside();
  // Where the two meet in one passage only, the topic must reach beyond it (a side or a concept
  // named in another passage), or a thing of the relationship be named: a story on Seoul's summit
  // with Kuala Lumpur whose one passage on North Korea's missiles adds its military cooperation
  // with Russia names the topic in passing.
  const meetIn = (key: unknown) => passagesNaming[0].has(key) && passagesNaming[1].has(key);
  const topicBeyondMeeting = () => [...passagesNaming[0], ...passagesNaming[1], ...conceptPassages].some((key) => !meetIn(key));
  // A side the body recalls in one passage only, never in the headline, while the other side fills
  // ASIDE_AMONG passages or more, is an aside in that side's own story, however densely the one
  // passage names it (Russia's first Angara launch from Vostochny recalls, in a paragraph, Kim
  // Jong Un's tour of the site; Seoul's spy satellite story ends on the North's arms for Russia),
  // unless the article names a thing of the relationship by a name of its own (the Kim–Putin
  // summit) or names it in the headline ("Kim deepens Korean–Russian alliance"); an on-topic word
  // in that passage ("arms") does not make it the story. A weapon named there does, as in a
  // partner's story: a story on Russia's strikes on Kyiv whose one passage traces the KN-23 to North
  // Korea is about the arms the two trade. Not where the headline names a partner that the passage
  // names too: Iran's missiles for Russia, in a story whose one passage adds that Iran sent drones and
  // North Korea ammunition, are Iran's story, and the weapons in that passage are the two suppliers'.
  // Nor is it an aside where that one passage tells one of the topic's own stories and the article
  // follows it: the veto beside the panel it ended, the panel named in another passage too (Seoul,
  // Tokyo and Washington's new panel recalls, in a passage, that Russia vetoed the old one's
  // mandate). A missile launch that recalls the veto once, or a veto of something else, stays an aside.
  const tellsTopicStory = (key: unknown) => {
    const keyOf = (m: MentionFacts, i: number) => m.place?.passage ?? i;
    const names = (m: MentionFacts, term: number) => m.term === term && (m.standalone || countsForSide(m, sideOf(terms[term]!)));
    return narrowingsOf(terms).storyRules.some((rule) => {
      // The word itself (veto, vetoed the renewal, 거부권): the narrower term's own names include
      // procedural words ("renewal of the mandate", 임기 연장) that tell no veto (the fifteenth review).
      if (!mentions.some((m, i) => m.place?.region !== 'boilerplate' && keyOf(m, i) === key && m.standalone && m.term === rule.from)) return false;
      const triggerPassages = new Set<unknown>(mentions.flatMap((m, i) => (m.place?.region !== 'boilerplate' && rule.when.some((t) => names(m, t)) ? [keyOf(m, i)] : [])));
      return triggerPassages.has(key) && triggerPassages.size > 1;
    });
  };
  const sideAside = () =>
    bilateralThings === 0 &&
    pairNames === 0 &&
    !headlineNamesRelationship &&
    ([1, 2] as const).some((side) => {
      if ((headlineSides & side) !== 0) return false;
      const aside = bodyPassagesReferring(side);
      return aside.length === 1 && (!namedWeaponPassages.has(aside[0]) || (headlineNamesPartner && partnerPassages.has(aside[0]))) && bodyPassagesReferring(side === 1 ? 2 : 1).length >= ASIDE_AMONG && !tellsTopicStory(aside[0]);
    });
  const onTopic =
    rules.readerMarksPage === true ||
    namesTopicStory ||
    (!partnerStory &&
      !asideOfPartnerStory &&
      (bilateral ||
        headlineNamesBoth ||
        dense ||
        (!outnumbered && (bothRepeated || together >= 2)) ||
        (together >= 1 &&
          (!((outnumbered && fewer === 1 && recalledOnlyByAnEvent) || recalledBesideAPartner()) || topicWhereSidesMeet()) &&
          northKorea + russia > ANCHOR_REPEATS &&
          concepts >= ANCHOR_REPEATS &&
          (relationshipPassages.size > 0 || topicBeyondMeeting()))) &&
      !sideAside());
  // In an article on the topic, a name that shows only there (the "Treaty on Comprehensive
  // Strategic Partnership", which Russia also signed with Iran) names its term as well as any.
  // So does it for a bare alias ("the panel" after "the Panel of Experts").
  if (onTopic)
    for (const term of topicalInArticle) {
      namedInArticle.add(term);
      named.add(term);
    }
  const shownAs = new Map<number, number>();
  for (const rule of narrowingsOf(terms).rules)
    if (!shownAs.has(rule.from) && !ownedInHeadline.has(rule.from) && rule.when.some((t) => namedInArticle.has(t)) && !rule.unless.some((t) => namedInArticle.has(t))) shownAs.set(rule.from, rule.to);
  const hidden = new Set(rules.hiddenTerms);
  const seen = new Set<number>();
  const visible = mentions.map((m) => {
    // Off the topic, nothing shows.
    if (!onTopic) return false;
    // Judged as the term it shows as: a name that keeps its term (the EU's sanctions) is not the
    // narrower one its word class becomes here, so hiding that one leaves it alone.
    const narrowed = narrowedTerm(shownAs, m);
    if (narrowed === undefined && terms[m.term]!.narrowOnly) return false;
    const term = terms[narrowed ?? m.term]!;
    // Narrowed to a subject the paper does not cover: nothing to show.
    if (narrowed !== undefined && term.narrowOnly) return false;
    if (hidden.has(term.id)) return false;
    if (m.topical) {
      if (m.place?.region === 'boilerplate') return false;
    } else if (!named.has(m.term)) return false;
    if (rules.firstMentionOnly) {
      if (seen.has(m.term)) return false;
      seen.add(m.term);
    }
    return true;
  });
  return { visible, onTopic, shownAs };
}
