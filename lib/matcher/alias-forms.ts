/**
 * Turns a catalogue alias into the exact strings the automaton matches ("forms"): canonical
 * spacing and quotes, dotted acronyms, digit–unit spellings, Korean particles and Russian endings.
 */
import { canonicalText, SEPARATOR } from './chars';

export interface AliasRule {
  text: string;
  case?: 'any' | 'exact';
  standalone?: boolean;
  inflect?: 'ko' | 'ru';
}

/**
 * Korean particles and bound nouns written straight after a name (평양에서, 김정은이, 러시아와의).
 * Allowing any Hangul after a name would also match inside compounds (평양냉면), so only these.
 */
export const KOREAN_PARTICLES = [
  '은', '는', '이', '가', '을', '를', '의', '에', '에서', '에게', '에서는', '에서도', '에서의', '에는', '에도',
  '와', '과', '와의', '과의', '도', '로', '으로', '로의', '으로의', '로서', '으로서', '만', '께서', '까지', '부터',
  '이다', '이며', '이고', '이나', '나', '측', '간', '과는', '와는', '보다', '처럼', '에게서', '한테',
] as const;

/**
 * Russian case endings for the last word, by how it ends. Over-generating is harmless (a form
 * that is not Russian never occurs in text); missing one loses a mention.
 */
const RUSSIAN_ENDINGS: readonly { ending: RegExp; replace: string[] }[] = [
  { ending: /ый$/, replace: ['ого', 'ому', 'ым', 'ом', 'ая', 'ой', 'ую'] },
  { ending: /ий$/, replace: ['его', 'ему', 'им', 'ем', 'ого', 'ому', 'ом', 'ая', 'ой', 'ую'] },
  { ending: /ой$/, replace: ['ого', 'ому', 'ым', 'ом'] },
  { ending: /ая$/, replace: ['ой', 'ую', 'ою'] },
  { ending: /ия$/, replace: ['ии', 'ию', 'ией', 'иею'] },
  { ending: /я$/, replace: ['и', 'е', 'ю', 'ей', 'ею'] },
  { ending: /а$/, replace: ['ы', 'и', 'е', 'у', 'ой', 'ою'] },
  { ending: /ь$/, replace: ['я', 'ю', 'ем', 'ём', 'е', 'и', 'ью'] },
  { ending: /й$/, replace: ['я', 'ю', 'ем', 'е'] },
  { ending: /[бвгджзклмнпрстфхцчшщ]$/, replace: ['$&а', '$&у', '$&ом', '$&ым', '$&е', '$&ем', '$&ой'] },
];

/** The canonical forms of one alias; `exact` forms keep their case, the others are lower-cased. */
export function aliasForms(alias: AliasRule): string[] {
  const forms = trieForms(alias);
  return alias.inflect === 'ko' ? forms.flatMap((f) => [f, ...KOREAN_PARTICLES.map((p) => f + p)]) : forms;
}

/**
 * The forms the automaton stores: all of `aliasForms` except the Korean particles, which the
 * automaton shares between every Korean name instead of copying them onto each (a forty-fold
 * saving in trie nodes, and in the content script's start-up time).
 */
export function trieForms(alias: AliasRule): string[] {
  const exact = alias.case === 'exact';
  const base = canonicalText(alias.text);
  const cased = exact ? base : base.toLowerCase();
  let forms = [cased];
  if (exact && /^\p{Lu}{2,6}$/u.test(base)) forms.push(dotted(base), dotted(base).slice(0, -1));
  forms = forms.flatMap(digitUnitVariants);
  if (alias.inflect === 'ru') forms = forms.flatMap((f) => [f, ...russianInflections(f)]);
  return [...new Set(forms)];
}

/** "DPRK" -> "D.P.R.K." */
function dotted(acronym: string): string {
  return [...acronym].map((c) => `${c}.`).join('');
}

/** "152-mm", "152 mm" and "152mm" are one spelling; generate the others for whichever was written. */
function digitUnitVariants(form: string): string[] {
  const joined = form.replace(/(\d) (?=\p{L})/gu, '$1');
  const spaced = joined.replace(/(\d)(?=\p{L})/gu, `$1${SEPARATOR}`);
  return joined === spaced ? [form] : [joined, spaced];
}

function russianInflections(form: string): string[] {
  const lastSpace = form.lastIndexOf(SEPARATOR);
  const head = form.slice(0, lastSpace + 1);
  const last = form.slice(lastSpace + 1);
  const rule = RUSSIAN_ENDINGS.find((r) => r.ending.test(last));
  if (!rule) return [];
  return rule.replace.map((r) => head + last.replace(rule.ending, r));
}

/** The keys two aliases collide on: their forms, compared case-insensitively. */
export function aliasKeys(alias: AliasRule): string[] {
  return aliasForms({ ...alias, inflect: undefined }).map((f) => f.toLowerCase());
}
