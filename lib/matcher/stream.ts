/**
 * Runs the automaton over a block of text that arrives in pieces (one per text node), so that a
 * mention split across inline elements (`Kim <b>Jong</b> Un`) is found without concatenating
 * strings. Matches start only at word starts. A candidate is followed through the trie in place,
 * inside its piece; one still under way where a piece ends becomes a cursor, and several cursors
 * run at once (one per word start still inside a possible alias) until the next piece settles
 * them. At the end of the block, overlapping candidates resolve to the leftmost, then longest; a
 * form that read words before its claim also wins against a shorter name starting in those words.
 * No allocation per character or per piece (an exact-case check past ASCII, or of an acronym
 * listed in two spellings, aside).
 */
import { HANJA_BIT, isDoubleQuote, isHangulSyllable, isKoreanScript, WORD_BIT } from './chars';
import { CLASS_SHIFT, JOIN_AFTER_PAIR, JOIN_PAIR, lettersOf, MAX_FORM_LENGTH, PARTICLE_END, SPELLING_SEPARATOR, quadgramHash, trigramHash, type Automaton } from './automaton';

const MAX_CURSORS = 64;
/** A class-table entry's word bits: 0 outside words, WORD_BIT in one, WORD_HANJA on a hanja. */
const WORD_KIND = WORD_BIT | HANJA_BIT;
const WORD_HANJA = WORD_BIT | HANJA_BIT;
const RING = 128; // power of two > MAX_FORM_LENGTH, plus room for collapsed space runs
const RING_MASK = RING - 1;

/**
 * Receives each resolved match: block offsets [start, end) and the form's index in the
 * automaton. Returning false refuses it (the caller's own rule, such as text in an editor), and
 * a shorter or later candidate in its place may then be offered.
 */
export type MatchSink = (start: number, end: number, form: number) => boolean | void;

export class MatchStream {
  private pos = 0;
  private prevWord = 0;
  private readonly cursorNode = new Int32Array(MAX_CURSORS);
  private readonly cursorStart = new Int32Array(MAX_CURSORS);
  /** For a cursor inside the particle sub-trie: the Korean name's form it came from. */
  private readonly cursorBase = new Int32Array(MAX_CURSORS);
  private cursorCount = 0;
  private readonly pendingStart = new Int32Array(MAX_CURSORS);
  private readonly pendingForm = new Int32Array(MAX_CURSORS);
  private pendingCount = 0;
  private pendingEnd = 0;
  private readonly ring = new Uint16Array(RING);
  private candStart = new Int32Array(64);
  private candEnd = new Int32Array(64);
  private candForm = new Int32Array(64);
  /** Where each candidate's reading starts and ends: its claim plus the words it read around it. */
  private candReadStart = new Int32Array(64);
  private candReadEnd = new Int32Array(64);
  private candCount = 0;
  /** endBlock's scratch: the candidates that read words before their claim, by where their reading starts. */
  private readers = new Int32Array(64);
  /** Scratch for walkWithin: where each match on the way ends, and its form. */
  private readonly walkEnd = new Int32Array(MAX_CURSORS);
  private readonly walkForm = new Int32Array(MAX_CURSORS);
  private order = new Int32Array(64);

  // The hot tables, held directly: feed() runs once per text node.
  private readonly classOf: Uint16Array;
  private readonly separatorClass: number;
  private readonly rootNext: Int32Array;
  private readonly bigram: Uint8Array;
  private readonly trigram: Uint8Array;
  private readonly quadgram: Uint8Array;
  private readonly formAt: Int32Array;
  private readonly classes: number;
  private readonly childStart: Int32Array;
  private readonly childClass: Uint16Array;
  private readonly childNode: Int32Array;
  private readonly formNeedsEnd: Uint8Array;
  private readonly firstParticleNode: number;
  private readonly particleAt: Uint8Array;
  /**
   * The particle sub-trie's first step, dense by class: every Latin name's end takes particles
   * now (KN-23은), so the step after a name (a space, mostly) would otherwise scan all its edges.
   */
  private readonly particleNext: Int32Array;
  /** No code unit up to the space is a word character or starts an alias (so a run of them skips). */
  private readonly spaceStartsNothing: boolean;

  constructor(private readonly automaton: Automaton) {
    this.classOf = automaton.classOf;
    // The class every separator (spaces, dashes, double quotes) shares: any alias with a space gives it one.
    this.separatorClass = automaton.classOf[0x20]! >> CLASS_SHIFT;
    this.rootNext = automaton.rootNext;
    this.bigram = automaton.bigram;
    this.trigram = automaton.trigram;
    this.quadgram = automaton.quadgram;
    this.formAt = automaton.formAt;
    this.classes = automaton.rootNext.length;
    this.childStart = automaton.childStart;
    this.childClass = automaton.childClass;
    this.childNode = automaton.childNode;
    this.formNeedsEnd = automaton.formNeedsEnd;
    this.firstParticleNode = automaton.firstParticleNode;
    this.particleAt = automaton.particleAt;
    this.particleNext = new Int32Array(this.classes);
    const particleRoot = automaton.firstParticleNode;
    if (particleRoot < automaton.formAt.length) {
      for (let e = automaton.childStart[particleRoot]!; e < automaton.childStart[particleRoot + 1]!; e++) this.particleNext[automaton.childClass[e]!] = automaton.childNode[e]!;
    }
    let starts = 0;
    for (let code = 0; code <= 0x20; code++) starts |= automaton.classOf[code]! & 3;
    this.spaceStartsNothing = starts === 0;
  }

  /** Starts a new block: nothing matches across a block boundary. */
  beginBlock(): void {
    this.pos = 0;
    this.prevWord = 0;
    this.cursorCount = 0;
    this.pendingCount = 0;
    this.candCount = 0;
  }

  /** Offset the next piece starts at, within the block. */
  get offset(): number {
    return this.pos;
  }

  /**
   * Whether a next piece starting with `code` could match differently if it were in another
   * block: a candidate is under way, or a word that could start an alias would continue the
   * last word. When false, ending the block here and starting a new one finds exactly the same.
   */
  continuesInto(code: number): boolean {
    return this.cursorCount !== 0 || this.pendingCount !== 0 || (this.prevWord !== 0 && (this.classOf[code]! & 3) === 3);
  }

  /** Feeds the next piece of the block's text. */
  feed(text: string): void {
    const { classOf, rootNext, bigram, trigram, formAt, classes, ring } = this;
    const base = this.pos;
    const length = text.length;
    let prevWord = this.prevWord;
    let busy = this.cursorCount !== 0 || this.pendingCount !== 0;
    let i = 0;
    while (i < length) {
      if (!busy) {
        // Nothing under way. Inside a word nothing can start, but for a Hangul syllable straight
        // after hanja that began a word (北나진항): run to either in a tight loop over the other
        // word characters. A hanja inside a word (진행中이란) begins nothing.
        if (prevWord !== 0) {
          let startsWord = false;
          for (;;) {
            if (prevWord === WORD_HANJA) {
              if (i === length) break;
              const code = text.charCodeAt(i);
              if (isHangulSyllable(code)) {
                startsWord = true;
                break;
              }
              prevWord = classOf[code]! & WORD_KIND;
              if (prevWord === 0) break;
              i++;
              continue;
            }
            let entry = 0;
            while (i < length && ((entry = classOf[text.charCodeAt(i)]!) & WORD_KIND) === WORD_BIT) i++;
            if (i === length || (entry & WORD_BIT) === 0) break;
            i++; // a hanja inside a word: still inside it
          }
          if (i === length) break;
          if (!startsWord) i++; // text[i] is not a word character, and no alias starts with one
        }
        // Then past spaces and punctuation, to the next word start.
        // Whitespace first, compared directly: most of a page's text is indentation between tags.
        if (this.spaceStartsNothing) while (i < length && text.charCodeAt(i) <= 0x20) i++;
        let entry = 0;
        while (i < length && ((entry = classOf[text.charCodeAt(i)]!) & 3) === 0) i++;
        if (i === length) {
          prevWord = 0;
          break;
        }
        // A word start, with a character some alias starts with, followed (when the next
        // characters are in this piece) by ones that alias continues with.
        if ((entry & 2) !== 0) {
          const cls = entry >> CLASS_SHIFT;
          const next = rootNext[cls]!;
          if (next !== 0 && (i + 1 === length || formAt[next]! >= 0 || this.startsAlias(text, i, cls, classes, classOf, bigram, trigram))) {
            // Most candidates die within a few characters: follow the trie right here. Only one
            // still under way where this piece ends goes on as a cursor into the next piece.
            if (!this.walkWithin(text, i, next, base)) {
              ring[(base + i) & RING_MASK] = text.charCodeAt(i);
              this.spawn(next, base + i);
              busy = true;
            }
          }
        }
        prevWord = entry & WORD_KIND;
        i++;
        continue;
      }
      const code = text.charCodeAt(i);
      const entry = classOf[code]!;
      const pos = base + i;
      ring[pos & RING_MASK] = code;
      // A word ends before a character that is none, or before a Hangul syllable after a hanja.
      const wordStart = prevWord === 0 || (prevWord === WORD_HANJA && isHangulSyllable(code));
      if (this.pendingCount !== 0) this.settlePending((entry & WORD_BIT) === 0 || wordStart, code);
      if (this.cursorCount !== 0) this.advance(entry >> CLASS_SHIFT, pos);
      if ((entry & 2) !== 0 && wordStart) {
        const cls = entry >> CLASS_SHIFT;
        const next = rootNext[cls]!;
        if (next !== 0 && (i + 1 === length || formAt[next]! >= 0 || this.startsAlias(text, i, cls, classes, classOf, bigram, trigram))) this.spawn(next, pos);
      }
      busy = this.cursorCount !== 0 || this.pendingCount !== 0;
      // Hanja keep WORD_HANJA only in a run that began a word.
      prevWord = (entry & WORD_BIT) === 0 ? 0 : (entry & HANJA_BIT) !== 0 && (prevWord === 0 || prevWord === WORD_HANJA) ? WORD_HANJA : WORD_BIT;
      i++;
    }
    this.pos = base + length;
    this.prevWord = prevWord;
  }

  /** The bigram, trigram and quadgram filters for a possible start at text[i] (of class c1). */
  private startsAlias(text: string, i: number, c1: number, classes: number, classOf: Uint16Array, bigram: Uint8Array, trigram: Uint8Array): boolean {
    const c2 = classOf[text.charCodeAt(i + 1)]! >> CLASS_SHIFT;
    const pair = bigram[c1 * classes + c2]!;
    if (pair !== 1) return pair === 2;
    if (i + 2 >= text.length) return true;
    const c3 = classOf[text.charCodeAt(i + 2)]! >> CLASS_SHIFT;
    const triple = trigram[trigramHash(c1, c2, c3)]!;
    if (triple !== 1) return triple === 2;
    if (i + 3 >= text.length) return true;
    return this.quadgram[quadgramHash(c1, c2, c3, classOf[text.charCodeAt(i + 3)]! >> CLASS_SHIFT)] === 1;
  }

  /** Starts a cursor at a word start. */
  private spawn(node: number, pos: number): void {
    if (this.cursorCount === MAX_CURSORS) return;
    this.cursorNode[this.cursorCount] = node;
    this.cursorStart[this.cursorCount] = pos;
    this.cursorBase[this.cursorCount] = -1;
    this.cursorCount++;
    const form = this.formAt[node]!;
    if (form >= 0) this.accept(pos, pos + 1, form);
  }

  /** Moves every cursor on by one character of class `cls`, dropping those with nowhere to go. */
  private advance(cls: number, pos: number): void {
    if (cls === 0) {
      this.cursorCount = 0;
      return;
    }
    let kept = 0;
    for (let c = 0; c < this.cursorCount; c++) {
      const node = this.cursorNode[c]!;
      const next = this.childOf(node, cls);
      if (next === 0) continue;
      const start = this.cursorStart[c]!;
      const base = this.particleBase(node, next, this.cursorBase[c]!);
      this.cursorNode[kept] = next;
      this.cursorStart[kept] = start;
      this.cursorBase[kept] = base;
      kept++;
      const form = this.formEndingAt(next, base);
      if (form >= 0) this.accept(start, pos + 1, form);
    }
    this.cursorCount = kept;
  }

  /** The trie node reached from `node` by a character of class `cls`, or 0. */
  private childOf(node: number, cls: number): number {
    const { childStart, childClass } = this;
    for (let e = childStart[node]!, end = childStart[node + 1]!; e < end; e++) {
      if (childClass[e] === cls) return this.childNode[e]!;
    }
    // A name's own continuation first (above); then a Korean particle glued to it.
    return this.particleAt[node] === 1 ? this.particleNext[cls]! : 0;
  }

  /**
   * Stepping from `node` to `next`: entering the shared particle sub-trie from a Korean name
   * remembers that name's form; staying in it keeps `base`; anywhere else there is none (-1).
   */
  private particleBase(node: number, next: number, base: number): number {
    const first = this.firstParticleNode;
    return next >= first ? (node < first ? this.formAt[node]! : base) : -1;
  }

  /** The form a match ending at `node` reports (a particle reports its name's), or -1. */
  private formEndingAt(node: number, base: number): number {
    const form = this.formAt[node]!;
    return form >= 0 ? form : form === PARTICLE_END ? base : -1;
  }

  /** Ends the block: settles pending matches (the block end is a boundary) and emits the winners. */
  endBlock(sink: MatchSink): void {
    if (this.pendingCount !== 0) this.settlePending(true, -1);
    this.cursorCount = 0;
    const n = this.candCount;
    if (n === 0) return;
    const order = this.order;
    const start = this.candStart;
    const end = this.candEnd;
    for (let i = 0; i < n; i++) order[i] = i;
    // Insertion sort by start, then longest first: a block has a handful of candidates.
    for (let i = 1; i < n; i++) {
      const item = order[i]!;
      let j = i - 1;
      while (j >= 0 && this.after(order[j]!, item)) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = item;
    }
    // The candidates that read words around their claim (обход |санкций ООН|, |Russian| military
    // delegation), by where their reading starts: nearly their claim order already, so the
    // insertion sort moves few.
    const readers = this.readers;
    const readStart = this.candReadStart;
    const readEnd = this.candReadEnd;
    let readerCount = 0;
    for (let i = 0; i < n; i++) {
      const k = order[i]!;
      if (readStart[k]! >= start[k]! && readEnd[k]! <= end[k]!) continue;
      let j = readerCount++;
      while (j > 0 && readStart[readers[j - 1]!]! > readStart[k]!) {
        readers[j] = readers[j - 1]!;
        j--;
      }
      readers[j] = k;
    }
    let firstReader = 0;
    let lastEnd = -1;
    const { formStop: stop, formJoin: join } = this.automaton;
    for (let i = 0; i < n; i++) {
      const k = order[i]!;
      if (start[k]! < lastEnd) continue;
      if (readerCount !== 0) {
        while (firstReader < readerCount && readStart[readers[firstReader]!]! < start[k]! - RING) firstReader++;
        if (this.beatenByReader(i, firstReader, readerCount)) continue;
      }
      const form = this.candForm[k]!;
      // The two states as one modifier, written straight before a subject they may name (북러
      // 군사협력, the Russia–DPRK partnership agreement): one mention of the subject (guideline G8).
      if (join[form] === JOIN_PAIR) {
        const next = this.nextCandidate(i, end[k]!);
        if (next >= 0 && join[this.candForm[next]!] === JOIN_AFTER_PAIR && sink(start[k]!, end[next]!, this.candForm[next]!) !== false) {
          lastEnd = end[next]!;
          continue;
        }
      }
      // A stop phrase claims its words and tells no one.
      if (stop[form] === 0 && sink(start[k]!, end[k]!, form) === false) continue;
      lastEnd = end[k]!;
    }
    this.candCount = 0;
  }

  /**
   * Whether the candidate at `order[i]` gives way to a form of another term that read words around
   * its claim and reads across it: the candidate starts in the words before the claim (*обход
   * санкций* in *обход |санкций ООН|*) and runs into it, or starts with the claim and runs past it
   * into the words after (*Russian military* in *|Russian| military delegation*), and it ends within
   * the reading, which is longer. That form takes the span. A name that runs past the reading
   * (*North Korea* after *the |North*) is not beaten, nor is one ending before the claim (*Russia* in
   * *Russia’s |Security Council|*), nor one of the same term (*독자 제재* keeps its whole span).
   * Nor does a form beat anyone when a name starting in its words after the candidate runs past
   * its reading: that name would take the span and the form would never show.
   * No reading is longer than RING (addCandidate), so only readers whose reading starts within
   * RING before the candidate can reach it; readers come sorted by where their reading starts.
   */
  private beatenByReader(i: number, first: number, count: number): boolean {
    const { candStart: start, candEnd: end, candReadStart: readStart, candReadEnd: readEnd, candForm: form, readers, order } = this;
    const termOf = this.automaton.formTerm;
    const k = order[i]!;
    const from = start[k]!;
    for (let r = first; r < count; r++) {
      const a = readers[r]!;
      if (readStart[a]! > from) break;
      const intoClaim = from < start[a]! || (from === start[a]! && end[k]! > end[a]!);
      if (a === k || !intoClaim || end[k]! <= start[a]! || end[k]! > readEnd[a]! || readEnd[a]! - readStart[a]! <= end[k]! - from) continue;
      if (termOf[form[a]!] === termOf[form[k]!]) continue;
      if (!this.blocksReader(i, a)) return true;
    }
    return false;
  }

  /** Whether a candidate after `order[i]`, starting before reader `a`'s claim, runs past its reading. */
  private blocksReader(i: number, a: number): boolean {
    const { candStart: start, candEnd: end, order } = this;
    for (let j = i + 1; j < this.candCount; j++) {
      const c = order[j]!;
      if (start[c]! >= start[a]!) return false;
      if (end[c]! > this.candReadEnd[a]!) return true;
    }
    return false;
  }

  /**
   * The longest candidate starting first at or after `from`, if it starts at `from` or one
   * character later (a space or a dash between the words); otherwise -1.
   */
  private nextCandidate(i: number, from: number): number {
    for (let j = i + 1; j < this.candCount; j++) {
      const k = this.order[j]!;
      const at = this.candStart[k]!;
      if (at < from) continue;
      return at - from <= 1 ? k : -1;
    }
    return -1;
  }

  /**
   * Candidate order: by start, then longest first, then a stop phrase before an alias of the same
   * span, then a form that read words beyond its claim (the treaty's title followed by its parties)
   * before one that read only the span.
   */
  private after(a: number, b: number): boolean {
    const { candStart: start, candEnd: end } = this;
    if (start[a] !== start[b]) return start[a]! > start[b]!;
    if (end[a] !== end[b]) return end[a]! < end[b]!;
    const { formStop: stop, formClaimFrom: from, formClaimTo: to } = this.automaton;
    const formA = this.candForm[a]!;
    const formB = this.candForm[b]!;
    if (stop[formA] !== stop[formB]) return stop[formA]! < stop[formB]!;
    return from[formA]! + to[formA]! < from[formB]! + to[formB]!;
  }

  private accept(start: number, end: number, form: number): void {
    if (this.automaton.formNeedsEnd[form] === 0) {
      this.confirm(start, end, form);
      return;
    }
    // Whether a word boundary follows is known only at the next character (or the block end).
    if (this.pendingCount !== 0 && this.pendingEnd !== end) this.pendingCount = 0;
    if (this.pendingCount < MAX_CURSORS) {
      this.pendingStart[this.pendingCount] = start;
      this.pendingForm[this.pendingCount] = form;
      this.pendingCount++;
      this.pendingEnd = end;
    }
  }

  /** `after`: the code unit after the pending forms, -1 at the block's end. */
  private settlePending(boundary: boolean, after: number): void {
    if (boundary) for (let i = 0; i < this.pendingCount; i++) this.confirm(this.pendingStart[i]!, this.pendingEnd, this.pendingForm[i]!, after);
    this.pendingCount = 0;
  }

  /**
   * Follows the trie from a word start at text[i] (already at `node`) to where it fails, inside
   * this piece, and records what matched on the way. Returns false, recording nothing, when the
   * piece ends first (a candidate still under way, or one whose word boundary is in the next
   * piece): the caller then starts a cursor, which carries it across.
   */
  private walkWithin(text: string, i: number, node: number, base: number): boolean {
    const { classOf, childStart, formNeedsEnd } = this;
    const length = text.length;
    let particleBase = -1;
    let found = 0;
    let j = i + 1;
    for (;;) {
      const matched = this.formEndingAt(node, particleBase);
      if (matched >= 0) {
        // Where the piece ends, a form that needs a word boundary after it (any ending in a letter)
        // waits for the next piece; one ending in a dot (N.K.) is complete here.
        if (j === length && formNeedsEnd[matched] !== 0) return false;
        if (j !== length && formNeedsEnd[matched] !== 0 && (classOf[text.charCodeAt(j)]! & 1) !== 0 && !hanjaEndsWordBefore(classOf, text, i, j)) {
          // No word boundary after it: not a match (Russia in Russian).
        } else if (found < MAX_CURSORS) {
          this.walkEnd[found] = j;
          this.walkForm[found] = matched;
          found++;
        }
      }
      if (j === length) {
        if (childStart[node]! !== childStart[node + 1]! || this.particleAt[node] === 1) return false;
        break;
      }
      const cls = classOf[text.charCodeAt(j)]! >> CLASS_SHIFT;
      if (cls === 0) break;
      const next = this.childOf(node, cls);
      if (next === 0) break;
      particleBase = this.particleBase(node, next, particleBase);
      node = next;
      j++;
    }
    const exact = this.automaton.formExactLetters;
    for (let k = 0; k < found; k++) {
      const end = this.walkEnd[k]!;
      const form = this.walkForm[k]!;
      const letters = exact[form];
      if (letters != null && !hasExactLetters(text, i, end, letters)) continue;
      // What follows a form that needs a word end is always known (here, or in the next piece's first
      // character); for one that needs none it is left unknown, so the piece split changes nothing.
      this.addCandidate(base + i, base + end, form, text, base, formNeedsEnd[form] !== 0 ? text.charCodeAt(end) : -1);
    }
    return true;
  }

  private confirm(start: number, end: number, form: number, after = -1): void {
    const letters = this.automaton.formExactLetters[form];
    if (letters != null && !this.hasLetters(start, end, letters)) return;
    this.addCandidate(start, end, form, undefined, 0, after);
  }

  /**
   * Records a candidate. Its unclaimed prefix ("Russia’s " of "Russia’s |Security Council") and
   * suffix (" России" of "|Совет Безопасности| России") are left to other aliases; they are
   * counted in canonical characters, so they are walked off the text itself (from `text`, which
   * starts at `textBase`, or else the ring of recent code units), a run of spaces, dashes or double
   * quotes being one.
   */
  private addCandidate(start: number, end: number, form: number, text?: string, textBase = 0, after = -1): void {
    if (this.candCount === this.candStart.length) this.growCandidates();
    const readStart = start;
    const readEnd = end;
    const from = this.automaton.formClaimFrom[form]!;
    const to = this.automaton.formClaimTo[form]!;
    // (A span longer than the ring, a run of spaces inside, has no quotation to find.)
    if (end - start > 2 && end - start <= RING && this.quotesBetweenKoreanWords(text, textBase, start, end, after)) return;
    if (from !== 0 || to !== 0) {
      const at = text !== undefined ? (p: number) => text.charCodeAt(p - textBase) : (p: number) => this.ring[p & RING_MASK]!;
      // Longer than the ring remembers (a run of spaces inside): not placed, not shown, however the
      // text was split into pieces, so that which name wins never depends on the split.
      if (end - start > RING) return;
      if (from !== 0) start = this.stepUnits(at, start, end, from, 1);
      if (to !== 0) end = this.stepUnits(at, end - 1, start - 1, to, -1) + 1;
      if (start >= end) return;
    }
    this.candStart[this.candCount] = start;
    this.candEnd[this.candCount] = end;
    this.candForm[this.candCount] = form;
    this.candReadStart[this.candCount] = readStart;
    this.candReadEnd[this.candCount] = readEnd;
    this.candCount++;
  }

  /**
   * Whether a double quote inside text[start, end) opens a quotation between two Korean words that
   * the span does not close. 러 "북한 최선희…" is Russia, then a quotation about North Korea: there
   * the quote is no space inside a name, as it is where Russian quotes a name's last word (космодром
   * «Восточный»). A quotation that closes inside the span, or right where it ends (북한 "특수부대",
   * "북한" 군인들), quotes part of the name, and a closing quote is one. `after`: the code unit after
   * the span, or -1 where it is not known.
   */
  private quotesBetweenKoreanWords(text: string | undefined, textBase: number, start: number, end: number, after: number): boolean {
    const { classOf, separatorClass, ring } = this;
    // Read without a closure: this runs for every candidate, and nearly every span has no quote.
    for (let p = start + 1; p < end - 1; p++) {
      if (!isDoubleQuote(text !== undefined ? text.charCodeAt(p - textBase) : ring[p & RING_MASK]!)) continue;
      const at = text !== undefined ? (q: number) => text.charCodeAt(q - textBase) : (q: number) => ring[q & RING_MASK]!;
      // A quote straight after a letter closes a quotation.
      if ((classOf[at(p - 1)]! & WORD_BIT) !== 0) continue;
      let before = p - 1;
      while (before > start && classOf[at(before)]! >> CLASS_SHIFT === separatorClass) before--;
      let next = p + 1;
      while (next < end - 1 && classOf[at(next)]! >> CLASS_SHIFT === separatorClass) next++;
      if (!isKoreanScript(at(before)) || !isKoreanScript(at(next))) continue;
      let closes = after !== -1 && isDoubleQuote(after);
      for (let q = p + 1; q < end && !closes; q++) closes = isDoubleQuote(at(q)) && (classOf[at(q - 1)]! & WORD_BIT) !== 0;
      if (!closes) return true;
    }
    return false;
  }

  /** From `p` towards `stop` (exclusive) by `dir`, past `units` canonical characters; the position reached. */
  private stepUnits(at: (p: number) => number, p: number, stop: number, units: number, dir: 1 | -1): number {
    const { classOf, separatorClass } = this;
    for (let n = 0; n < units && p !== stop; n++) {
      if (classOf[at(p)]! >> CLASS_SHIFT !== separatorClass) p += dir;
      else while (p !== stop && classOf[at(p)]! >> CLASS_SHIFT === separatorClass) p += dir;
    }
    return p;
  }

  /** Exact-case check over the ring buffer of recent code units. */
  private hasLetters(start: number, end: number, letters: string): boolean {
    if (end - start > RING || end - start > MAX_FORM_LENGTH * 2) return false;
    let text = '';
    for (let p = start; p < end; p++) text += String.fromCharCode(this.ring[p & RING_MASK]!);
    return hasExactLetters(text, 0, text.length, letters);
  }

  private growCandidates(): void {
    const size = this.candStart.length * 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.candStart = grow(this.candStart);
    this.candEnd = grow(this.candEnd);
    this.candForm = grow(this.candForm);
    this.candReadStart = grow(this.candReadStart);
    this.candReadEnd = grow(this.candReadEnd);
    this.order = new Int32Array(size);
    this.readers = new Int32Array(size);
  }
}

/**
 * Whether text[start, end) shows exactly `letters` as its cased letters (lettersOf), without
 * building strings: the common check is an acronym against a lower-case word (US in "us"), which
 * fails at its first letter. ASCII is compared directly; any other code unit falls back to lettersOf.
 */
function hasExactLetters(text: string, start: number, end: number, letters: string): boolean {
  if (letters.includes(SPELLING_SEPARATOR)) return letters.split(SPELLING_SEPARATOR).some((one) => hasExactLetters(text, start, end, one));
  let k = 0;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c >= 0x80) return lettersOf(text.slice(start, end)) === letters;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      if (letters.charCodeAt(k) !== c) return false;
      k++;
    }
  }
  return k === letters.length;
}

/**
 * Whether a word ends at text[end], both sides word characters, for a form from word start `start`:
 * a Hangul syllable after a run of hanja that began a word, at the form's start or after a
 * non-word character inside it (北나진항, 北·露파병), as the scanner's WORD_HANJA tracks it.
 */
function hanjaEndsWordBefore(classOf: Uint16Array, text: string, start: number, end: number): boolean {
  if (!isHangulSyllable(text.charCodeAt(end))) return false;
  let p = end;
  while (p > start && (classOf[text.charCodeAt(p - 1)]! & HANJA_BIT) !== 0) p--;
  return p < end && (p === start || (classOf[text.charCodeAt(p - 1)]! & WORD_BIT) === 0);
}
