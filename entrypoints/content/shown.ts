/**
 * Which mentions the page shows, kept up to date incrementally. The page's verdict (which terms
 * it names, whether its article is on the topic, the reader's hidden terms; lib/relevance.ts
 * decides, the one place its rules live) is taken from the first VERDICT_SAMPLE visible mentions
 * and every named term, and gives, per term and region (article or page furniture), whether a
 * mention shows; only when that changes is every mention looked at again. Otherwise an update costs what was added or removed, and a restyle costs the text
 * inside the restyled elements, spread over frames. At most `MAX_SHOWN` mentions show per page.
 */
import type { MatcherDataTerm } from '@/lib/matcher-data';
import { decideVisibility, shownTerm, type MentionFacts } from '@/lib/relevance';
import type { Settings } from '@/lib/settings';
import { mentionPlace } from './article-region';
import { precedes, type Mention, type MentionStore } from './mentions';

/** The most mentions one page highlights (a page beyond it says so in the popup). */
export const MAX_SHOWN = 3000;
/** The page's topic is judged from at most this many of its (visible) mentions, in the order found. */
const VERDICT_SAMPLE = 5000;

/** Where shown mentions go: the painter, one by one, or whole for the fallback painter. */
export interface ShownSink {
  added(mentions: Mention[]): void;
  removed(mentions: Mention[]): void;
  reset(mentions: Iterable<Mention>): void;
}

export class ShownMentions {
  readonly shown = new Set<Mention>();
  onTopic = false;
  /** More mentions qualify than the cap lets show. */
  capped = false;
  /** Terms whose mentions show, in the article and in the page's furniture. */
  private allowedMain = new Set<number>();
  private allowedFurniture = new Set<number>();
  /** Terms whose on-topic words (파병, "arms transfers") show: in the article, on a page on the topic. */
  private allowedTopical = new Set<number>();
  /** Terms that show as a narrower one in this article (the veto as the March 2024 veto). */
  private shownAs = new Map<number, number>();
  private key = '';
  /** Facts of the mentions the verdict is judged from; rebuilt when they may have changed. */
  private sample: MentionFacts[] = [];
  /** Terms with on-topic words (파병) in the sample's article, sorted: taken with the sample, not per decision. */
  private sampleTopicalTerms: number[] = [];
  private sampleDirty = true;
  /** The reader asked, from the popup, to mark this page though the verdict is off the topic (for this visit). */
  private readerMarksPage = false;
  /** With first-mention-only: the one shown per term. */
  private readonly firstOf = new Map<number, Mention>();
  /** Whether the page's CSS shows an element (asked once; forgotten when the element is restyled). */
  private cssVisible = new WeakMap<Element, boolean>();
  /** Restyled subtrees still to re-check, each with its place. */
  private readonly restyleQueue = new Map<Element, TreeWalker>();

  constructor(
    private readonly store: MentionStore,
    private readonly terms: readonly MatcherDataTerm[],
    private readonly settings: () => Settings,
    private readonly sink: ShownSink,
  ) {}

  /** Applies the store's changes; with `force` (settings changed), looks at every mention again. */
  update(force = false): void {
    const changes = this.store.drain();
    const settings = this.settings();
    if (changes.reset || changes.removed.length || (changes.added.length && this.sample.length < VERDICT_SAMPLE)) this.sampleDirty = true;
    const key = this.decide(settings);
    if (force || changes.reset || key !== this.key) {
      this.key = key;
      this.recomputeAll(settings);
      return;
    }
    const removed: Mention[] = [];
    const refill = new Set<number>();
    for (const m of changes.removed) {
      if (!this.shown.delete(m)) continue;
      removed.push(m);
      if (this.firstOf.get(m.term) === m) {
        this.firstOf.delete(m.term);
        refill.add(m.term);
      }
    }
    if (removed.length) this.sink.removed(removed);
    // Elements of new mentions are asked afresh: they may have moved into a hidden part.
    const asked = new Set<Element>();
    const added: Mention[] = [];
    for (const m of changes.added) {
      if (settings.firstMentionOnly) {
        refill.add(m.term);
        continue;
      }
      // Past the cap or not allowed: nothing to ask the page (most of a storm's mentions). An
      // on-topic word has its own allowance: its term need not be named (a live update naming
      // "the Panel of Experts" shows as one there at load does).
      if (m.topical ? !this.allowedTopical.has(m.term) : !this.allowedMain.has(m.term) && !this.allowedFurniture.has(m.term)) continue;
      if (this.shown.size >= MAX_SHOWN) {
        this.capped = true;
        continue;
      }
      if (this.shown.has(m) || !this.allowed(m)) continue;
      const el = m.startNode.parentElement;
      if (el && !asked.has(el)) {
        asked.add(el);
        this.cssVisible.delete(el);
      }
      this.consider(m, added);
    }
    for (const term of refill) this.refillFirst(term, added, removed);
    if (added.length) this.sink.added(added);
  }

  /** The page changed classes or styles on these elements: re-check the mentions inside them. */
  restyled(elements: readonly Element[]): void {
    for (const el of elements) this.restyleQueue.set(el, document.createTreeWalker(el, NodeFilter.SHOW_TEXT));
  }

  /** Works through restyled subtrees until `deadline`; true when some are left for the next frame. */
  recheck(deadline: number): boolean {
    const settings = this.settings();
    const added: Mention[] = [];
    const removed: Mention[] = [];
    const refill = new Set<number>();
    let steps = 0;
    outer: for (const [root, walker] of this.restyleQueue) {
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of this.store.at(n as Text)) {
          const el = m.startNode.parentElement;
          if (el) this.cssVisible.delete(el);
          if (settings.firstMentionOnly) {
            refill.add(m.term);
            continue;
          }
          if (this.shown.has(m)) {
            if (!this.visible(m)) {
              this.shown.delete(m);
              removed.push(m);
            }
          } else {
            this.consider(m, added);
          }
        }
        // Out of time: this walker keeps its place for the next frame.
        if ((++steps & 63) === 0 && performance.now() >= deadline) break outer;
      }
      this.restyleQueue.delete(root);
    }
    for (const term of refill) this.refillFirst(term, added, removed);
    if (removed.length) this.sink.removed(removed);
    if (added.length) this.sink.added(added);
    return this.restyleQueue.size > 0;
  }

  /**
   * The page's verdict: sets the allowed terms per region; returns a key that changes with it.
   * Asks lib/relevance.ts with the sample's facts, one furniture-placed standalone fact per named
   * term (it names the term without counting towards the topic), and, per named term, one
   * non-standalone fact in the article and one in the furniture, and per term with on-topic words
   * in the sample's article one such fact there, whose answers are the allowances.
   */
  private decide(settings: Settings): string {
    if (this.sampleDirty) {
      this.sampleDirty = false;
      this.sample = [];
      const topical = new Set<number>();
      for (const m of this.store.all()) {
        if (this.sample.length >= VERDICT_SAMPLE) break;
        if (!this.visible(m)) continue;
        const place = mentionPlace(m.startNode);
        this.sample.push({ term: m.term, standalone: m.standalone, topical: m.topical, keepsTerm: m.keepsTerm, placesItself: m.placesItself, place });
        // An on-topic word shows only in the article, so only one there gets a probe in the
        // article: a probe for one in the furniture would tell the verdict the article names it.
        if (m.topical && place.region !== 'boilerplate') topical.add(m.term);
      }
      this.sampleTopicalTerms = [...topical].sort((a, b) => a - b);
    }
    const named = this.store.namedTerms().sort((a, b) => a - b);
    const facts: MentionFacts[] = [...this.sample];
    for (const term of named) facts.push({ term, standalone: true, place: { region: 'boilerplate', passage: null } });
    const probes = facts.length;
    for (const term of named) {
      facts.push({ term, standalone: false, place: { region: 'main', passage: {} } });
      facts.push({ term, standalone: false, place: { region: 'boilerplate', passage: {} } });
    }
    const topicalTerms = this.sampleTopicalTerms;
    for (const term of topicalTerms) facts.push({ term, standalone: false, topical: true, place: { region: 'main', passage: {} } });
    const topicalProbes = facts.length - topicalTerms.length;
    const verdict = decideVisibility(facts, this.terms, { hiddenTerms: settings.hiddenTerms, firstMentionOnly: false, readerMarksPage: this.readerMarksPage });
    this.onTopic = verdict.onTopic;
    this.shownAs = verdict.shownAs;
    this.allowedMain = new Set(named.filter((_, i) => verdict.visible[probes + 2 * i]));
    this.allowedFurniture = new Set(named.filter((_, i) => verdict.visible[probes + 2 * i + 1]));
    this.allowedTopical = new Set(topicalTerms.filter((_, i) => verdict.visible[topicalProbes + i]));
    return `${[...this.allowedMain].join(',')}|${[...this.allowedFurniture].join(',')}|${[...this.allowedTopical].join(',')}|${[...this.shownAs].join(';')}|${settings.firstMentionOnly}`;
  }

  /**
   * Marks the page as on the topic at the reader's request (or forgets that, when a single-page
   * app moves to another address: the mark was for the article the reader saw); call `update(true)` after.
   */
  markPage(marked = true): void {
    this.readerMarksPage = marked;
  }

  /** The term `m` shows as: its own, or the narrower one this article calls for. */
  termOf(m: Mention): number {
    return shownTerm(this.shownAs, m);
  }

  /** Whether the verdict lets `m` show (its term, where it sits). */
  private allowed(m: Mention): boolean {
    const furniture = mentionPlace(m.startNode).region === 'boilerplate';
    if (m.topical) return !furniture && this.allowedTopical.has(m.term);
    const set = furniture ? this.allowedFurniture : this.allowedMain;
    return set.has(m.term);
  }

  private recomputeAll(settings: Settings): void {
    this.shown.clear();
    this.firstOf.clear();
    this.capped = false;
    this.cssVisible = new WeakMap();
    this.restyleQueue.clear();
    const added: Mention[] = [];
    if (settings.firstMentionOnly) for (const term of new Set([...this.allowedMain, ...this.allowedFurniture, ...this.allowedTopical])) this.refillFirst(term, added, []);
    else
      for (const m of this.store.all()) {
        this.consider(m, added);
        if (this.capped) break;
      }
    this.sink.reset(added);
  }

  /** Shows `m` if its term is allowed, the page shows its text, and the cap leaves room. */
  private consider(m: Mention, added: Mention[]): void {
    if (this.shown.has(m) || !this.allowed(m)) return;
    if (this.shown.size >= MAX_SHOWN) {
      this.capped = true;
      return;
    }
    if (!this.visible(m)) return;
    this.shown.add(m);
    added.push(m);
  }

  /** First-mention-only: shows the earliest visible mention of `term` (its mentions only). */
  private refillFirst(term: number, added: Mention[], removed: Mention[]): void {
    let first: Mention | null = null;
    for (const m of this.store.ofTerm(term)) if ((!first || precedes(m, first)) && this.allowed(m) && this.visible(m)) first = m;
    const current = this.firstOf.get(term) ?? null;
    if (current === first) return;
    if (current && this.shown.delete(current)) removed.push(current);
    this.firstOf.delete(term);
    if (first && this.shown.size < MAX_SHOWN) {
      this.shown.add(first);
      this.firstOf.set(term, first);
      added.push(first);
    }
  }

  private visible(m: Mention): boolean {
    const el = m.startNode.parentElement;
    if (!el || typeof el.checkVisibility !== 'function') return true;
    let visible = this.cssVisible.get(el);
    if (visible === undefined) {
      visible = el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
      this.cssVisible.set(el, visible);
    }
    return visible;
  }
}
