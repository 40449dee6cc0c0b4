/**
 * The automaton against a slow, obviously-right reference: normalise the whole text (fold
 * case and ё as е, one separator for every dash, space and double-quote run, one apostrophe), try every
 * alias form at every word start, keep boundaries and exact case, then take leftmost-longest,
 * where a stop phrase claims its span (from its "|") and is reported to no one. fast-check
 * builds texts from the real catalogue's aliases and stop phrases, quoted and declined names,
 * Korean particles after any name, confusable fillers and Unicode punctuation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../lib/corpus/schema';
import { aliasForms, compileAutomaton, findMatches } from '../../lib/matcher';
import { lettersOf } from '../../lib/matcher/automaton';
import { KOREAN_CLAIM_PARTICLES, takesParticles, trieForms } from '../../lib/matcher/alias-forms';
import { MatchStream } from '../../lib/matcher/stream';
import * as packModule from '../../lib/matcher/pack';
import { canonicalText, isWordCharReference, fillWordChars, HANJA_BIT, INTERPUNCT_CHARS, QUOTE_CHARS, SEPARATOR_CHARS, WORD_BIT } from '../../lib/matcher/chars';
import { matcherTerms } from '../../lib/matcher-data';

const corpus: Corpus = JSON.parse(readFileSync(join(__dirname, '../../data/corpus.json'), 'utf8'));
const allTerms = matcherTerms({ terms: corpus.terms, stops: corpus.stops });
const automaton = compileAutomaton(allTerms);

interface RefForm {
  key: string;
  term: string;
  /** Every spelling a case-exact form accepts (PoE, POE); null for case-blind forms. */
  exactLetters: string[] | null;
  needsEnd: boolean;
  stop: boolean;
  claimFrom: number;
  claimTo: number;
  /** The alias names its own term even where an article narrows it (AliasRule.keepsTerm). */
  keepsTerm: boolean;
}
const refForms: RefForm[] = [];
/** Russian ё and е are one letter to a reader (партнёрство, партнерство). */
const yoAsYe = (s: string) => s.replace(/ё/g, 'е');
/** Each key's first claimant (a map, not a search of refForms: the catalogue has tens of thousands of forms). */
const formOfKey = new Map<string, RefForm>();
// Two passes, as the automaton resolves them: every alias's own forms claim their keys first, then
// the Korean particle and verb-ending forms take what is left (북해 is the stop phrase's, not 북 + 해).
for (const pass of ['own', 'suffixed'] as const)
  for (const term of allTerms) {
    for (const written of term.aliases) {
      // An alias's "|" marks where its claim starts, a second one where it ends: the words
      // outside stay free.
      const bar = written.text.indexOf('|');
      const endBar = bar < 0 ? -1 : written.text.indexOf('|', bar + 1);
      const alias = bar < 0 ? written : { ...written, text: written.text.replaceAll('|', '') };
      const before = bar < 0 ? '' : written.text.slice(0, bar);
      const after = endBar < 0 ? '' : written.text.slice(endBar + 1);
      const prefix = before.trim() ? yoAsYe(canonicalText(before).toLowerCase()) + (/\s$/.test(before) ? ' ' : '') : '';
      const suffix = after.trim() ? (/^\s/.test(after) ? ' ' : '') + yoAsYe(canonicalText(after).toLowerCase()) : '';
      // A Korean claim ending in Hangul, with words after it, takes a case particle before them
      // (제재를 부과했다): the rule restated here, only the particle list shared.
      const plain = trieForms(alias);
      const withParticle = (form: string) =>
        form.toLowerCase().endsWith(suffix) && /\p{Script=Hangul}/u.test(form.at(-suffix.length - 1) ?? '') ? KOREAN_CLAIM_PARTICLES.map((p) => form.slice(0, form.length - suffix.length) + p + form.slice(form.length - suffix.length)) : [];
      const ownForms = suffix && takesParticles(alias) ? [...new Set([...plain, ...plain.flatMap(withParticle)])] : plain;
      const own = new Set(ownForms);
      for (const form of [...ownForms, ...aliasForms(alias).filter((f) => !own.has(f))]) {
        if (own.has(form) !== (pass === 'own')) continue;
        const key = yoAsYe(form.toLowerCase());
        // A name with an unclaimed suffix takes no particle: it would belong to the unclaimed words.
        if (suffix && pass === 'suffixed') continue;
        const fromFits = !prefix || key.startsWith(prefix);
        const toFits = !suffix || key.endsWith(suffix);
        // A form whose unclaimed words were declined or fused away is not read (a stop phrase's is, whole).
        if (!term.stop && (!fromFits || !toFits)) continue;
        const first = formOfKey.get(key);
        if (first) {
          // The automaton keeps the first claimant too, and takes a second spelling of its acronym.
          if (alias.case === 'exact' && first.exactLetters && first.term === term.id) first.exactLetters.push(lettersOf(form));
          continue;
        }
        const made: RefForm = {
          key,
          term: term.id,
          exactLetters: alias.case === 'exact' ? [lettersOf(form)] : null,
          needsEnd: isWordCharReference(form.at(-1)!),
          stop: term.stop === true,
          claimFrom: prefix && fromFits ? prefix.length : 0,
          claimTo: suffix && toFits ? suffix.length : 0,
          keepsTerm: written.keepsTerm === true,
        };
        formOfKey.set(key, made);
        refForms.push(made);
      }
    }
  }
// Only to make the slow reference bearable: forms by their first two characters (one, for one-character forms).
const formsByStart = new Map<string, RefForm[]>();
for (const f of refForms) {
  const start = f.key.slice(0, 2);
  const bucket = formsByStart.get(start);
  if (bucket) bucket.push(f);
  else formsByStart.set(start, [f]);
}

const separators = new Set(SEPARATOR_CHARS.map((c) => String.fromCharCode(c)));
const quotes = new Set(QUOTE_CHARS.map((c) => String.fromCharCode(c)));
const middleDots = new Set(INTERPUNCT_CHARS.map((c) => String.fromCharCode(c)));

const doubleQuotes = new Set([...'"\u00AB\u00BB\u201C\u201D\u201E\u201F\u2039\u203A']);
const koreanScript = (ch: string | undefined) => ch !== undefined && ch !== '\u318D' && /[\p{Script=Hangul}\p{Script=Han}]/u.test(ch);
/**
 * A double quote between two Korean words that opens a quotation the span does not close, inside
 * it or right where it ends (`after`, known only for a form that needs a word end).
 */
function quoteBetweenKoreanWords(span: string, after: string | undefined): boolean {
  for (let q = 1; q < span.length - 1; q++) {
    if (!doubleQuotes.has(span[q]!) || isWordCharReference(span[q - 1]!)) continue;
    let b = q - 1;
    while (b > 0 && separators.has(span[b]!)) b--;
    let a = q + 1;
    while (a < span.length - 1 && separators.has(span[a]!)) a++;
    if (!koreanScript(span[b]) || !koreanScript(span[a])) continue;
    const closes = (after !== undefined && doubleQuotes.has(after)) || [...span.slice(q + 1)].some((c, k) => doubleQuotes.has(c) && isWordCharReference(span[q + k]!));
    if (!closes) return true;
  }
  return false;
}

const isHan = (ch: string | undefined) => ch !== undefined && /\p{Script=Han}/u.test(ch);
/** A Hangul syllable at text[at] after hanja that began a word (北나진항; not 진행中이란). */
const hanjaThenHangul = (text: string, at: number) => {
  if (!isHan(text[at - 1]) || !/[\uAC00-\uD7A3]/u.test(text[at]!)) return false;
  let q = at - 1;
  while (q > 0 && isHan(text[q - 1])) q--;
  return q === 0 || !isWordCharReference(text[q - 1]!);
};

function reference(text: string): { start: number; end: number; term: string; keepsTerm: boolean }[] {
  // Normalised text plus, for each of its characters, the original offset.
  let norm = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (separators.has(ch)) {
      if (norm.endsWith(' ') && origin.length && isRun(text, origin[origin.length - 1]!, i)) continue;
      norm += ' ';
    } else if (quotes.has(ch)) norm += "'";
    else if (middleDots.has(ch)) norm += '·';
    else norm += ch.toLowerCase().length === 1 ? yoAsYe(ch.toLowerCase()) : ch;
    origin.push(i);
  }
  const candidates: { readStart: number; readEnd: number; start: number; end: number; term: string; stop: boolean; context: number; keepsTerm: boolean }[] = [];
  for (let p = 0; p < norm.length; p++) {
    const start = origin[p]!;
    // A word starts after a character that is none, or at a Hangul syllable straight after a hanja (北나진항).
    if (start > 0 && isWordCharReference(text[start - 1]!) && !hanjaThenHangul(text, start)) continue;
    const pair = p + 1 < norm.length ? (formsByStart.get(norm.slice(p, p + 2)) ?? []) : [];
    for (const f of [...(formsByStart.get(norm[p]!) ?? []), ...pair]) {
      if (!norm.startsWith(f.key, p)) continue;
      const end = origin[p + f.key.length - 1]! + 1;
      if (f.needsEnd && end < text.length && isWordCharReference(text[end]!) && !hanjaThenHangul(text, end)) continue;
      if (f.exactLetters !== null && !f.exactLetters.includes(lettersOf(text.slice(start, end)))) continue;
      // The claim counts canonical characters: mapped back through the text (a run of spaces is one).
      const claimedStart = origin[p + f.claimFrom]!;
      const claimedEnd = origin[p + f.key.length - f.claimTo - 1]! + 1;
      // A form that reads words around its claim is not placed across more than the matcher's ring of recent text.
      if ((f.claimFrom !== 0 || f.claimTo !== 0) && end - start > 128) continue;
      // A double quote between two Korean words is a quotation's edge, not a space in a name (러 "북한 …).
      if (end - start <= 128 && quoteBetweenKoreanWords(text.slice(start, end), f.needsEnd && end < text.length ? text[end] : undefined)) continue;
      candidates.push({ readStart: start, readEnd: end, start: claimedStart, end: claimedEnd, term: f.term, stop: f.stop, context: f.claimFrom + f.claimTo, keepsTerm: f.keepsTerm });
    }
  }
  // Of one span: a stop phrase first, then the form that read more words around its claim.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || Number(b.stop) - Number(a.stop) || b.context - a.context);
  const out: { start: number; end: number; term: string; keepsTerm: boolean }[] = [];
  let lastEnd = -1;
  // A form that read words around its claim beats a shorter name of another term starting in the
  // words before and running into its claim (обход санкций in обход |санкций ООН|), or starting with
  // the claim and running past it (Russian military in |Russian| military delegation), and ending
  // within its reading, unless a name after it, starting before the claim, runs past the reading.
  const beaten = (c: (typeof candidates)[number], i: number) =>
    candidates.some(
      (a) =>
        a !== c &&
        a.term !== c.term &&
        a.readStart <= c.start &&
        (c.start < a.start || (c.start === a.start && c.end > a.end)) &&
        c.end > a.start &&
        c.end <= a.readEnd &&
        a.readEnd - a.readStart > c.end - c.start &&
        !candidates.slice(i + 1).some((d) => d.start < a.start && d.end > a.readEnd),
    );
  candidates.forEach((c, i) => {
    if (c.start < lastEnd || beaten(c, i)) return;
    // The two states as one modifier straight before a subject (북러 군사협력): one mention of it.
    if (joinsOf.get(c.term) === 'pair' && !c.stop) {
      const next = candidates.slice(i + 1).find((d) => d.start >= c.end);
      if (next && next.start - c.end <= 1 && !next.stop && joinsOf.get(next.term) === 'after-pair') {
        out.push({ start: c.start, end: next.end, term: next.term, keepsTerm: next.keepsTerm });
        lastEnd = next.end;
        return;
      }
    }
    lastEnd = c.end;
    if (!c.stop) out.push({ start: c.start, end: c.end, term: c.term, keepsTerm: c.keepsTerm });
  });
  return out;
}
const joinsOf = new Map(allTerms.map((t) => [t.id, t.joins]));

/** Whether text[from..to] is all separators (a run collapses to one). */
function isRun(text: string, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (!separators.has(text[k]!)) return false;
  return true;
}

const aliasTexts = allTerms.flatMap((t) => t.aliases.map((a) => a.text.replaceAll('|', '')));
const fillers = [
  'the',
  'and',
  'Russian',
  'Russians',
  'kimchi',
  'Kim',
  'us',
  'un',
  'UN',
  'US',
  'Us',
  '152',
  'mm',
  'met',
  'Korea',
  'North',
  'summit',
  '에서',
  '이',
  'а',
  'ом',
  'x',
  '2024',
  'DPRKs',
  // Korean particles (after any name: KN-23은), Russian endings (Совета, группы), hanja
  '은',
  '을',
  '에서부터',
  '으로부터',
  '서도',
  '서는',
  '인',
  '산',
  'а',
  'ы',
  'ой',
  'и',
  // the plural in -ки (российским захватчикам, захватчиками)
  'кам',
  'ками',
  // the neuter plural in -ния (союзнических отношений, учениями)
  'ний',
  'ниями',
  '北',
  '露',
  // headlines' hanja after a place (이란行, 모스크바發, 러시아産), and Hangul nouns after a hanja (北나진항)
  '行',
  '發',
  '産',
  '製',
  '나진항',
  '京',
  '행',
  // Korean verb endings (파병됐다고, 회담했다)
  '됐다고',
  '했다',
  '해',
  '하',
  '서',
  '㎜',
  '·',
  'ㆍ',
  '・',
  'Security',
  'Council',
  'Oblast',
  'port',
  'imagery',
];
const punctuation = [' ', ' ', '  ', '\n', '\u00A0', '-', '–', '—', '‐', '’', '\u02BC', "'", '.', ',', ';', '(', ')', '“', '”', '«', '»', '„', '"', '/', ':', '…', '!'];
// Names as news writes them (ё or е either way): in guillemets or „quotes“, Korean compounds with their spaces dropped (and the hyphen before a number: 화성18형, Su35), another middle dot (북ㆍ러).
const dressed = (a: string) => [
  a,
  `«${a}»`,
  `„${a}“`,
  a.replace(/(\p{Script=Hangul}) (\p{Script=Hangul})/gu, '$1$2'),
  a.replace(/(\p{Script=Hangul})[- ](\d)/gu, '$1$2'),
  a.replace(/(\p{L})-(?=\d)/gu, '$1'),
  a.replace(/(\p{Script=Han}) (\p{Script=Hangul})/gu, '$1$2'),
  a.replace(/ (\S+)$/u, ' «$1»'),
  a.replace(/·/g, 'ㆍ'),
  a.replace(/·/g, '・'),
  // a quotation opening inside a Korean name, which then is none (러 "북한)
  a.replace(/(\p{Script=Hangul}) (\p{Script=Hangul})/u, '$1 "$2'),
  // and one word of it quoted, the quotation closing inside the name (북한 "특수부대")
  a.replace(/(\p{Script=Hangul}) (\p{Script=Hangul}+)/u, '$1 "$2"'),
  // Russian ё written е, and е written ё
  a.replace(/ё/g, 'е'),
  a.replace(/е/g, 'ё'),
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...aliasTexts).chain((a) => fc.constantFrom(a, a.toUpperCase(), a.toLowerCase(), a.replace(/ /g, '-'), a.replace(/-/g, ' '), a.replace(/ /g, '\u00A0'), ...dressed(a))) },
  { weight: 2, arbitrary: fc.constantFrom(...fillers) },
  { weight: 3, arbitrary: fc.constantFrom(...punctuation) },
  // A Korean noun, perhaps a particle, then words an alias may read without claiming (제재를 부과했다, 제재 대상에).
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('제재', '북한', '러시아'), fc.constantFrom('', '에서', '들', ...KOREAN_CLAIM_PARTICLES), fc.constantFrom(' 부과했다', ' 대상으로', ' 대상에', ' 발동했다', ' 회담')).map((parts) => parts.join('')),
  },
);
const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));

describe('matcher property', () => {
  it('finds exactly what the slow reference finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        const fast = findMatches(automaton, t).map(({ start, end, termId, keepsTerm }) => ({ start, end, term: termId, keepsTerm }));
        expect(fast).toEqual(reference(t));
      }),
      { numRuns: 1500 },
    );
    // 1,500 texts through a reference that tries every form at every position: seconds, more on a busy machine.
  }, 30_000);

  it('gives the same matches however the text is split into pieces (text nodes)', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 20 }), (parts) => {
        const whole = parts.join('');
        const expected = findMatches(automaton, whole).map((m) => [m.start, m.end, m.termId]);
        // Feed the same text one piece at a time, as the scanner feeds text nodes.
        const stream = new MatchStream(automaton);
        const got: unknown[] = [];
        stream.beginBlock();
        for (const p of parts) stream.feed(p);
        stream.endBlock((s, e, f) => {
          got.push([s, e, automaton.termIds[automaton.formTerm[f]!]]);
        });
        expect(got).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('word characters', () => {
  it('agree with Unicode letter, mark and number classes where news text lives', () => {
    const table = new Uint16Array(0x10000);
    fillWordChars(table);
    const ranges: [number, number][] = [
      [0x0000, 0x024f],
      // spacing modifier letters: ʼ (U+02BC) is the possessive's apostrophe in some newsrooms' text
      [0x02b0, 0x02ff],
      [0x0370, 0x052f],
      [0x2000, 0x206f],
      [0x3000, 0x303f],
      [0x3300, 0x33ff],
      [0xac00, 0xd7a3],
      [0x1100, 0x11ff],
      [0x4e00, 0x4fff],
      [0xff00, 0xff65],
    ];
    const wrong: string[] = [];
    for (const [from, to] of ranges) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        if (((table[c]! & WORD_BIT) !== 0) !== isWordCharReference(ch)) wrong.push(`U+${c.toString(16).padStart(4, '0')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('mark every hanja, and nothing else, as the character a Hangul word may follow straight on', () => {
    const table = new Uint16Array(0x10000);
    fillWordChars(table);
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (((table[c]! & HANJA_BIT) !== 0) !== /\p{Script=Han}/u.test(String.fromCharCode(c)) && /\p{L}/u.test(String.fromCharCode(c))) wrong.push(`U+${c.toString(16).padStart(4, '0')}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('packed automaton', () => {
  it('matches exactly like the automaton it was packed from', () => {
    const { packAutomaton, unpackAutomaton } = packModule;
    const unpacked = unpackAutomaton(packAutomaton(automaton), automaton.termIds)!;
    expect(unpacked).not.toBeNull();
    fc.assert(
      fc.property(text, (t) => {
        expect(findMatches(unpacked, t)).toEqual(findMatches(automaton, t));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a corrupt blob instead of scanning with it', () => {
    const { packAutomaton, unpackAutomaton } = packModule;
    const packed = packAutomaton(automaton);
    expect(unpackAutomaton(packed.slice(0, -400), automaton.termIds)).toBeNull();
    expect(unpackAutomaton('{"format":1}\nAAAA', automaton.termIds)).toBeNull();
    expect(unpackAutomaton('not json', automaton.termIds)).toBeNull();
    expect(unpackAutomaton(packed, automaton.termIds.slice(0, 3))).toBeNull();
  });

  it('refuses a blob packed with the class table before the hanja bit (format 5), which it would misread', () => {
    // Class-table entries moved up a bit for HANJA_BIT: a format-5 blob in storage from the last
    // build would give every character the wrong class, so it must be compiled afresh instead.
    const { packAutomaton, unpackAutomaton } = packModule;
    const packed = packAutomaton(automaton).replace(/^\{"format":\d+/, '{"format":5');
    expect(packed.startsWith('{"format":5')).toBe(true);
    expect(unpackAutomaton(packed, automaton.termIds)).toBeNull();
  });
});
