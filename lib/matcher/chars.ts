/**
 * Character classes shared by the alias compiler and the text scanner, so that both sides
 * normalise identically: every dash and space is one separator, every apostrophe one quote.
 */

/** Dashes, hyphens and the minus sign. */
const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\uFE58\uFE63\uFF0D';
/** Spaces, no-break spaces and line breaks. */
const SPACES = ' \t\n\r\f\v\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000';
/**
 * Double quotation marks: «guillemets», „low“ and “curly” quotes, straight ". News quotes names
 * inside longer names (космодром «Восточный»), so a quote mark is as transparent as a space: an
 * alias written without quotes matches the quoted spelling.
 */
const DOUBLE_QUOTES = '"\u00AB\u00BB\u201C\u201D\u201E\u201F\u2039\u203A';
/** Straight and curly apostrophes, primes, the modifier letter apostrophe. */
const QUOTES = "'\u2018\u2019\u201B\u2032\u02BC\u0060\u00B4";

/**
 * Middle dots: the Latin ·, Korean newsrooms' ㆍ (a Hangul letter used as punctuation), the
 * katakana ・ and their look-alikes. 북ㆍ러 and 北・露 are the same pair as 북·러.
 */
const INTERPUNCTS = '\u00B7\u318D\u30FB\u2027\u2219\u22C5\uFF65';

/**
 * Letters a language writes two ways for one word: Russian prints ё as е in most text
 * (партнерство, партнёрство), and its inflections add ё (Приморьём). Each alias letter on the
 * left also matches the text's letters on the right, in either case.
 */
export const LETTER_FOLDS: Readonly<Record<string, string>> = { е: 'ёЁ' };
const foldedLetter = /[ёЁ]/g;

/** An alias or text with its two-way letters written one way (ё as е), so that both spellings meet. */
export function foldLetters(text: string): string {
  return text.replace(foldedLetter, (c) => (c === 'ё' ? 'е' : 'Е'));
}

/** Canonical stand-ins: all separators become a space, all quotes a straight apostrophe, all middle dots ·. */
export const SEPARATOR = ' ';
export const QUOTE = "'";
export const INTERPUNCT = '\u00B7';

const DOUBLE_QUOTE_CODES = [...DOUBLE_QUOTES].map((c) => c.charCodeAt(0));
/** 1 at each double quotation mark, up to the last of them (8 KB, not a table of every code unit). */
const doubleQuoteTable = new Uint8Array(Math.max(...DOUBLE_QUOTE_CODES) + 1);
for (const code of DOUBLE_QUOTE_CODES) doubleQuoteTable[code] = 1;

/** Whether a code unit is a double quotation mark (", «, », “, ”, „…). */
export function isDoubleQuote(code: number): boolean {
  return code < doubleQuoteTable.length && doubleQuoteTable[code] === 1;
}
export const SEPARATOR_CHARS: readonly number[] = [...(DASHES + SPACES + DOUBLE_QUOTES)].map((c) => c.charCodeAt(0));
export const QUOTE_CHARS: readonly number[] = [...QUOTES].map((c) => c.charCodeAt(0));
export const INTERPUNCT_CHARS: readonly number[] = [...INTERPUNCTS].map((c) => c.charCodeAt(0));

const separatorRun = new RegExp(`[${escapeForClass(DASHES + SPACES + DOUBLE_QUOTES)}]+`, 'g');
const quoteChar = new RegExp(`[${escapeForClass(QUOTES)}]`, 'g');
const interpunctChar = new RegExp(`[${escapeForClass(INTERPUNCTS)}]`, 'g');

function escapeForClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

/** Collapse separator runs to one space, quotes to `'` and middle dots to `·`; trims. Case is left alone. */
export function canonicalText(text: string): string {
  return text.normalize('NFC').replace(separatorRun, SEPARATOR).replace(quoteChar, QUOTE).replace(interpunctChar, INTERPUNCT).trim();
}

/**
 * Whether a UTF-16 code unit is part of a word (a Unicode letter, mark or digit).
 * Exact for ASCII; above it, everything is a word character except the punctuation,
 * symbol and space blocks listed here. Surrogates count as non-word (emoji sit there).
 * A table of ranges instead of a `\p{L}` regex over 65,536 code units: the content script
 * builds this on every page, and ranges take microseconds.
 */
const NON_WORD_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x002f],
  [0x003a, 0x0040],
  [0x005b, 0x0060],
  [0x007b, 0x00a9],
  [0x00ab, 0x00b1],
  [0x00b4, 0x00b4],
  [0x00b6, 0x00b8],
  [0x00bb, 0x00bb],
  [0x00bf, 0x00bf],
  [0x00d7, 0x00d7],
  [0x00f7, 0x00f7],
  // ʼ, the modifier letter apostrophe: a letter to Unicode, but newsrooms type it as the
  // possessive's apostrophe (Russiaʼs), and the matcher already reads it as one (QUOTES)
  [0x02bc, 0x02bc],
  // modifier symbols (˂ ˄ ˚ ˜…), punctuation to Unicode like the rest of this table
  [0x02c2, 0x02c5],
  [0x02d2, 0x02df],
  [0x02e5, 0x02eb],
  [0x02ed, 0x02ed],
  [0x02ef, 0x02ff],
  [0x0375, 0x0375],
  [0x0378, 0x0379],
  [0x037e, 0x037e],
  [0x0380, 0x0385],
  [0x0387, 0x0387],
  [0x038b, 0x038b],
  [0x038d, 0x038d],
  [0x03a2, 0x03a2],
  [0x03f6, 0x03f6],
  [0x0482, 0x0482],
  [0x055a, 0x055f],
  [0x0589, 0x058a],
  [0x05be, 0x05be],
  [0x05c0, 0x05c0],
  [0x05c3, 0x05c3],
  [0x05f3, 0x05f4],
  [0x060c, 0x060d],
  [0x061b, 0x061f],
  [0x066a, 0x066d],
  [0x06d4, 0x06d4],
  [0x0964, 0x0965],
  [0x0e4f, 0x0e4f],
  [0x0e5a, 0x0e5b],
  [0x1680, 0x1680],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2190, 0x2bff],
  [0x2e00, 0x2e7f],
  [0x3000, 0x3004],
  [0x3008, 0x3020],
  [0x3030, 0x3030],
  [0x3036, 0x3037],
  [0x303d, 0x303f],
  [0x30fb, 0x30fb],
  // ㆍ (arae-a): a letter of old Hangul, in news only a middle dot (북ㆍ러), so punctuation like ·
  [0x318d, 0x318d],
  // CJK compatibility symbols: squared units (㎜, ㎞) and words, all symbols
  [0x3300, 0x33ff],
  [0xd800, 0xdfff],
  [0xfd3e, 0xfd3f],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xfeff, 0xfeff],
  [0xff00, 0xff0f],
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff65],
  [0xfff0, 0xffff],
];

/** Bit 0 of a class-table entry: a word character. */
export const WORD_BIT = 1;
/**
 * Bit 2 of a class-table entry: a hanja (CJK ideograph). Korean headlines write a hanja
 * abbreviation straight against the Hangul noun it qualifies (北나진항, North Korea's Rajin port;
 * 美국무부), so a Hangul syllable after a hanja starts a word of its own (hanjaEndsWordBefore).
 */
export const HANJA_BIT = 4;
const HANJA_RANGES: readonly (readonly [number, number])[] = [
  // the iteration marks 々 and 〻 repeat the hanja before them
  [0x3005, 0x3005],
  [0x303b, 0x303b],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/** Fills `table` so that each entry's WORD_BIT and HANJA_BIT are set (native fills: microseconds). */
export function fillWordChars(table: Uint16Array): void {
  table.fill(WORD_BIT);
  for (const [from, to] of NON_WORD_RANGES) table.fill(0, from, to + 1);
  for (const [from, to] of HANJA_RANGES) table.fill(WORD_BIT | HANJA_BIT, from, to + 1);
}

/** Whether a Hangul syllable: after a hanja it starts a word (北나진항), as no other letter does. */
export function isHangulSyllable(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/** Slow but obviously right: for tests and the build, not the hot path. */
export function isWordCharReference(ch: string): boolean {
  return ch !== '\u318D' && ch !== '\u02BC' && /[\p{L}\p{M}\p{N}]/u.test(ch);
}

/** Hangul (syllables, jamo, compatibility jamo but not ㆍ, a middle dot in news) and the CJK ideographs Korean headlines use (北, 露). */
export function isKoreanScript(code: number): boolean {
  return isHangulSyllable(code) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3131 && code <= 0x318c) || (code >= 0x4e00 && code <= 0x9fff);
}
