/**
 * Turns a catalogue alias into the exact strings the automaton matches ("forms"): canonical
 * spacing and quotes, dotted acronyms, digit–unit spellings, Korean particles and Russian endings.
 */
import { canonicalText, SEPARATOR } from './chars';

export interface AliasRule {
  /**
   * The words. A "|" marks where what the alias claims starts, a second where it ends: the words
   * outside are read but left to other aliases ("Russia’s |Security Council" leaves Russia; "|Договор
   * о … партнерстве| между Россией и КНДР" is the 2024 treaty, shown as its title, its parties as states).
   */
  text: string;
  case?: 'any' | 'exact';
  /**
   * true (default): the alias names its term. false: too ambiguous alone (a bare "Kim"); it shows
   * only where the page names the term in full. 'on-topic': a common word that means this term in
   * an article about North Korea and Russia (파병, "arms transfers"); it shows only in such an
   * article and never names the term.
   */
  standalone?: boolean | 'on-topic';
  /**
   * ko: Korean particles, and optional spaces inside a Korean compound (전문가 패널 = 전문가패널);
   * ru: case endings on the last word (Путина); ru-head: on the first word only, for names whose
   * head word comes first (Совета Безопасности, группы экспертов); ru-all: on every word at once,
   * for an adjective and its noun (Курской области).
   */
  inflect?: 'ko' | 'ru' | 'ru-head' | 'ru-all';
  /**
   * The alias names its own term in any article: where an article narrows the term (sanctions
   * shown as the UN's in a story about the Panel of Experts), this alias is not narrowed
   * (독자제재, Seoul's own sanctions, are never the UN's).
   */
  keepsTerm?: true;
  /** A side-carrying thing's name that places it in the relationship by itself (the troops' operation abroad). */
  placesItself?: true;
}

/**
 * Korean particles and bound nouns written straight after a name (평양에서, 김정은이, 러시아와의).
 * Allowing any Hangul after a name would also match inside compounds (평양냉면), so only these.
 */
export const KOREAN_PARTICLES = [
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '에서',
  '에게',
  '에서는',
  '에서도',
  '에서의',
  '에는',
  '에도',
  '와',
  '과',
  '와의',
  '과의',
  '도',
  '로',
  '으로',
  '로의',
  '으로의',
  '로서',
  '으로서',
  '만',
  // as much as (탄도 미사일만큼은 불량 걱정이 없다)
  '만큼',
  '만큼은',
  '만큼의',
  '만큼도',
  '께서',
  '까지',
  '부터',
  '이다',
  '이며',
  '이고',
  '이나',
  '나',
  '측',
  '간',
  '과는',
  '와는',
  '보다',
  '처럼',
  '에게서',
  '한테',
  '에서부터',
  '으로부터',
  '로부터',
  '부터는',
  '에서만',
  '으로는',
  '로는',
  '이라고',
  '라고',
  '이라',
  '라',
  // 에서 after a vowel, as headlines write it (러시아서, 우크라서), and with the particles 에서 takes
  '서',
  '서도',
  '서는',
  '서의',
  '이라는',
  '라는',
  '이란',
  '란',
  '산',
  '제',
  '와도',
  '과도',
  '만의',
  '인',
  '이자',
  '인데',
  // headlines' hanja after a place: bound for (쇼이구 이란行, and in Hangul 중국행), from (모스크바發)
  '行',
  '發',
  '행',
  // and made in, the hanja of 산 and 제 (러시아産 석탄, 北製 무기)
  '産',
  '製',
  // the plural, alone or before a particle (북한군들이, 병사들의)
  '들',
  '들이',
  '들은',
  '들을',
  '들의',
  '들에게',
  '들과',
  '들도',
  '들로',
  '들에',
  '들이다',
  // a particle after 측 or 만, or two particles together (러시아측이, 러시아만은, 북한으로까지)
  '측이',
  '측은',
  '측의',
  '측에',
  '측과',
  '측도',
  '측에서',
  '측으로',
  '측으로부터',
  '만은',
  '만이',
  '만을',
  '만으로',
  '로서는',
  '으로서는',
  '로서의',
  '으로서의',
  '로까지',
  '으로까지',
  '에까지',
  '까지도',
  '까지는',
  '에게는',
  '에게도',
  '에선',
  '엔',
  '로도',
  '으로도',
  '뿐',
  '뿐이다',
  '뿐이라며',
  '뿐만',
  '조차',
  '마저',
  // nouns news fuses onto a state's name (러시아식 엔진, 러시아어 교육, 러시아대사, 북한인들)
  '판',
  '식',
  '식으로',
  '식의',
  '어',
  '어를',
  '어로',
  '어가',
  '어는',
  '어의',
  '어도',
  '대사',
  '대사가',
  '대사는',
  '대사의',
  '대사를',
  '대사와',
  '대사도',
  '인들',
  '인들이',
  '인들은',
  '인들을',
  '인들의',
  // made in or by (북한제였다, 러시아산과), a copula, and more pairs of particles (에만, 로서도)
  '제였다',
  '제로',
  '제를',
  '제가',
  '제는',
  '제의',
  '제와',
  '제도',
  '제다',
  '산이다',
  '산으로',
  '산을',
  '산이',
  '산은',
  '산의',
  '산과',
  '산과는',
  '산과의',
  '산인',
  '산이라는',
  '산이라고',
  // the copula before a clause (북한산인데, 러시아산인데)
  '산인데',
  '산이었다',
  '산으로는',
  '제라는',
  '제이다',
  '제인',
  '였다',
  '이었다',
  // the copula quoted (러시아였다고 밝혔다, 러시아인이었다고 전했다)
  '였다고',
  '이었다고',
  '에만',
  '이든',
  '든',
  '로서도',
  '으로서도',
] as const;

/**
 * Verb endings glued onto a Sino-Korean noun (파병됐다고, 회담했다, 제재하는): news turns the
 * catalogue's nouns into verbs with 하다 and 되다. Only the endings news writes, as whole word
 * tails, for the same reason as the particles above.
 */
export const KOREAN_VERB_ENDINGS = [
  '하다',
  '한다',
  '했다',
  '하는',
  '한',
  '할',
  '해',
  '했던',
  '하기',
  '하기로',
  '하고',
  '하며',
  '하면서',
  '하려는',
  '했고',
  '했으며',
  '했으나',
  '했지만',
  '했다고',
  '한다고',
  '한다는',
  '했다는',
  '함',
  '되다',
  '된다',
  '됐다',
  '되는',
  '된',
  '될',
  '돼',
  '되어',
  '됐던',
  '되기',
  '되고',
  '되며',
  '되면서',
  '됐고',
  '됐으며',
  '됐으나',
  '됐지만',
  '됐다고',
  '된다고',
  '됐다는',
  '된다는',
  '됨',
  '했다가',
  '됐다가',
  '하였다',
  '되었다',
  '하였던',
  '되었던',
  '했는데',
  '됐는데',
  '하자',
  '되자',
  '하려고',
  '해야',
  '돼야',
  // the polite past, the future and the clause endings seen after the catalogue's nouns in the development set (파병했습니다, 파병했을, 제재하겠다고, 파병하기까지)
  '했습니다',
  '됐습니다',
  '합니다',
  '됩니다',
  '했을',
  '됐을',
  '하겠다',
  '하겠다고',
  '하겠다는',
  '하게',
  '하지',
  '하던',
  '하려',
  '하도록',
  '하면',
  '했다며',
  '됐다며',
  '하기까지',
  '했느냐는',
  '했는지',
  '하는지',
] as const;

/** Everything the shared sub-trie lets follow a name in a Korean sentence. */
export const KOREAN_SUFFIXES: readonly string[] = [...KOREAN_PARTICLES, ...KOREAN_VERB_ENDINGS];

/**
 * Whether a Korean sentence may glue particles straight onto this alias: any alias ending in
 * Hangul (정찰위성을, whether or not it asks for Korean inflection), a Latin letter, digit or hanja
 * (KN-23은, SRBM을, 北은). Cyrillic never meets Hangul.
 */
export function takesParticles(alias: AliasRule): boolean {
  return alias.inflect === 'ko' || /[A-Za-z0-9\u3400-\u9FFF\uF900-\uFAFF\uAC00-\uD7A3]$/.test(alias.text.trim());
}

/**
 * Particles a claimed Korean word takes before the words its alias reads but leaves to others:
 * "|제재| 부과했다" reads 제재를 부과했다 and 제재도 부과했다, and claims 제재를, 제재도. Only the
 * case particles an object or subject takes before its verb; the full list would multiply every
 * tail by a hundred for sentences news does not write.
 */
export const KOREAN_CLAIM_PARTICLES = ['을', '를', '이', '가', '은', '는', '도', '만', '에', '에는', '에도', '으로', '로', '와', '과', '의'] as const;

/**
 * A Korean alias's forms with a particle between its claim and the unclaimed words after it
 * (`tail`, with its separator: " 부과했다"). The claim is counted back from the match's end, so
 * the particle falls inside it, where a reader would mark it. Only a claim ending in Hangul takes
 * one: a Latin name before an unclaimed Korean tail (|KN-23|을 발사) has not been seen in news.
 */
export function withParticlesBeforeTail(forms: string[], tail: string): string[] {
  const out = [...forms];
  for (const form of forms) {
    // The tail is lower-cased; an exact-case form keeps its letters, so compare without case.
    if (!form.toLowerCase().endsWith(tail) || !/\p{Script=Hangul}/u.test(form[form.length - tail.length - 1] ?? '')) continue;
    const claimed = form.slice(0, form.length - tail.length);
    for (const particle of KOREAN_CLAIM_PARTICLES) out.push(claimed + particle + tail);
  }
  return [...new Set(out)];
}

/** At most this many spaces in a Korean alias are made optional (2^n forms). */
const MAX_OPTIONAL_SPACES = 4;

/**
 * Russian case endings, by how a word ends. `replace` is every ending a lone declined word may
 * take (over-generating is harmless: a form that is not Russian never occurs in text; missing one
 * loses a mention). `cases` are the same endings by case — genitive, dative, accusative,
 * instrumental, prepositional; null where the case is the nominative itself — so that every word of
 * a name declined whole (ru-all) takes the same case: Курской области, not Курская области.
 * Checked in order: the first rule whose ending matches wins.
 */
type CaseEndings = readonly (readonly string[] | null)[];
const RUSSIAN_ENDINGS: readonly { ending: RegExp; replace: string[]; cases: CaseEndings }[] = [
  // neuter nouns, before the plural adjectives they look like (соглашение, not северокорейские)
  { ending: /ние$/, replace: ['ния', 'нию', 'нием', 'нии'], cases: [['ния'], ['нию'], null, ['нием'], ['нии']] },
  { ending: /ство$/, replace: ['ства', 'ству', 'ством', 'стве'], cases: [['ства'], ['ству'], null, ['ством'], ['стве']] },
  // Приморье, Подмосковье: the soft sign stays (Приморья, Приморьем), and в Приморье is the nominative's spelling
  { ending: /ье$/, replace: ['ья', 'ью', 'ьем'], cases: [['ья'], ['ью'], null, ['ьем'], null] },
  { ending: /ый$/, replace: ['ого', 'ому', 'ым', 'ом', 'ая', 'ой', 'ую'], cases: [['ого'], ['ому'], null, ['ым'], ['ом']] },
  // российский, украинский: hard after к, г, х; высший, синий: soft
  { ending: /([кгх])ий$/, replace: ['$1ого', '$1ому', '$1им', '$1ом', '$1его', '$1ему', '$1ем', '$1ая', '$1ой', '$1ую'], cases: [['$1ого'], ['$1ому'], null, ['$1им'], ['$1ом']] },
  { ending: /ий$/, replace: ['его', 'ему', 'им', 'ем', 'ого', 'ому', 'ом', 'ая', 'ой', 'ую'], cases: [['его'], ['ему'], null, ['им'], ['ем']] },
  { ending: /ой$/, replace: ['ого', 'ому', 'ым', 'ом'], cases: [['ого'], ['ому'], null, ['ым', 'им'], ['ом']] },
  { ending: /ое$/, replace: ['ого', 'ому', 'ым', 'ом'], cases: [['ого'], ['ому'], null, ['ым', 'им'], ['ом']] },
  { ending: /ее$/, replace: ['его', 'ему', 'им', 'ем'], cases: [['его'], ['ему'], null, ['им'], ['ем']] },
  // plural adjectives and participles (российские военные, северокорейские солдаты)
  { ending: /ые$/, replace: ['ых', 'ым', 'ыми'], cases: [['ых'], ['ым'], null, ['ыми'], ['ых']] },
  { ending: /ие$/, replace: ['их', 'им', 'ими'], cases: [['их'], ['им'], null, ['ими'], ['их']] },
  { ending: /яя$/, replace: ['ей', 'юю', 'ею'], cases: [['ей'], ['ей'], ['юю'], ['ей'], ['ей']] },
  { ending: /ая$/, replace: ['ой', 'ую', 'ою'], cases: [['ой'], ['ой'], ['ую'], ['ой', 'ою'], ['ой']] },
  // a noun in -ния is a neuter plural (отношения, учения: отношений, учениями) or a feminine
  // singular (Великобритания: Великобритании); both readings, as a form of neither never occurs
  {
    ending: /ния$/,
    replace: ['ний', 'ниям', 'ниями', 'ниях', 'нии', 'нию', 'нией'],
    cases: [
      ['ний', 'нии'],
      ['ниям', 'нии'],
      ['ния', 'нию'],
      ['ниями', 'нией'],
      ['ниях', 'нии'],
    ],
  },
  { ending: /ия$/, replace: ['ии', 'ию', 'ией', 'иею'], cases: [['ии'], ['ии'], ['ию'], ['ией'], ['ии']] },
  { ending: /я$/, replace: ['и', 'е', 'ю', 'ей', 'ею'], cases: [['и'], ['е'], ['ю'], ['ей'], ['е']] },
  // войска is plural (troops), though it ends like a feminine noun in -ка
  { ending: /^(войск)а$/, replace: ['$1', '$1ам', '$1ами', '$1ах'], cases: [['$1'], ['$1ам'], null, ['$1ами'], ['$1ах']] },
  { ending: /([кгхжшчщ])а$/, replace: ['$1и', '$1е', '$1у', '$1ой', '$1ою', '$1ы'], cases: [['$1и'], ['$1е'], ['$1у'], ['$1ой'], ['$1е']] },
  { ending: /а$/, replace: ['ы', 'и', 'е', 'у', 'ой', 'ою'], cases: [['ы'], ['е'], ['у'], ['ой'], ['е']] },
  // plural nouns in -ии (санкции, технологии: санкций, технологиями)
  { ending: /ии$/, replace: ['ий', 'иям', 'иями', 'иях'], cases: [['ий'], ['иям'], null, ['иями'], ['иях']] },
  // plural nouns in -ки, -ги, -хи (захватчики, боевики, поставки): захватчикам, захватчиками, захватчиках; the
  // genitive -ов is a masculine's (захватчиков), and a feminine's (поставок) is never generated, only missed
  { ending: /([кгх])и$/, replace: ['$1ов', '$1ам', '$1ами', '$1ах'], cases: [['$1ов'], ['$1ам'], null, ['$1ами'], ['$1ах']] },
  // plural nouns in -цы after a stem of two syllables or more take an unstressed -цев (спецназовцев,
  // северокорейцев, китайцев); a one-syllable stem keeps the stressed -цов of the rule below (бойцов)
  { ending: /(?<=[аеёиоуыэюя][^аеёиоуыэюя]*[аеёиоуыэюя][^аеёиоуыэюя]*)цы$/, replace: ['цев', 'цам', 'цами', 'цах'], cases: [['цев'], ['цам'], null, ['цами'], ['цах']] },
  // plural nouns: the genitive drops the ending (сил, ракет) or takes -ов (снарядов)
  { ending: /ы$/, replace: ['', 'ов', 'ам', 'ами', 'ах'], cases: [['', 'ов'], ['ам'], null, ['ами'], ['ах']] },
  // masculine (руководитель) or feminine (область, помощь): both readings
  { ending: /ь$/, replace: ['я', 'ю', 'ем', 'ём', 'е', 'и', 'ью'], cases: [['я', 'и'], ['ю', 'и'], null, ['ем', 'ью'], ['е', 'и']] },
  { ending: /й$/, replace: ['я', 'ю', 'ем', 'е'], cases: [['я'], ['ю'], null, ['ем'], ['е']] },
  // a masculine noun or surname (Лавров: Лавровым)
  { ending: /[бвгджзклмнпрстфхцчшщ]$/, replace: ['$&а', '$&у', '$&ом', '$&ым', '$&е', '$&ем', '$&ой'], cases: [['$&а'], ['$&у'], null, ['$&ом', '$&ым'], ['$&е']] },
];

/** The canonical forms of one alias; `exact` forms keep their case, the others are lower-cased. */
export function aliasForms(alias: AliasRule): string[] {
  const forms = trieForms(alias);
  return takesParticles(alias) ? forms.flatMap((f) => [f, ...KOREAN_SUFFIXES.map((p) => f + p)]) : forms;
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
  // A model name's hyphen between its letters and its number is often left out (Su-35: Su35, Су35).
  const modelJoined = canonicalText(alias.text.replace(MODEL_NUMBER_HYPHEN, '$1'));
  if (modelJoined !== base) forms.push(exact ? modelJoined : modelJoined.toLowerCase());
  if (exact && /^\p{Lu}{2,6}$/u.test(base)) forms.push(dotted(base), dotted(base).slice(0, -1));
  forms = forms.flatMap(digitUnitVariants);
  if (alias.inflect === 'ko') forms = forms.flatMap(optionalKoreanSpaces);
  if (alias.inflect === 'ru') forms = forms.flatMap((f) => [f, ...russianInflections(f)]);
  if (alias.inflect === 'ru-head' || alias.inflect === 'ru-all') {
    // Read from the alias as written: its forms may be in lower case already (США is сша there).
    const capitals = new Set(
      base
        .split(SEPARATOR)
        .filter((w) => /\p{Lu}/u.test(w) && w === w.toUpperCase())
        .map((w) => (exact ? w : w.toLowerCase())),
    );
    forms = forms.flatMap((f) => russianWordInflections(f, alias.inflect === 'ru-all', capitals));
  }
  return [...new Set(forms)];
}

/** A hyphen or dash between a letter and a digit, as model names write it (Su-35, KN-23, 화성-18형). */
const MODEL_NUMBER_HYPHEN = /(\p{L})[-\u2010\u2011\u2012\u2013](?=\d)/gu;

/**
 * "단거리 탄도 미사일": every space between two Hangul syllables (or a headline's hanja) may also be left out, and so may
 * the space or hyphen between a Korean name and its number (화성-18형 is also written 화성18형).
 */
function optionalKoreanSpaces(form: string): string[] {
  let out = [form];
  let spaces = 0;
  // A headline's hanja (北, 露) stands in for a Hangul word, and is fused like one (北포로).
  const hangul = (c: string) => /[\p{Script=Hangul}\p{Script=Han}]/u.test(c);
  const hangulOrDigit = (c: string) => hangul(c) || /\d/.test(c);
  for (let i = form.length - 2; i > 0 && spaces < MAX_OPTIONAL_SPACES; i--) {
    const [before, after] = [form[i - 1]!, form[i + 1]!];
    if (form[i] !== SEPARATOR || !hangulOrDigit(before) || !hangulOrDigit(after) || !(hangul(before) || hangul(after))) continue;
    spaces++;
    out = out.flatMap((f) => [f, f.slice(0, i) + f.slice(i + 1)]);
  }
  return out;
}

/**
 * Declines the first word of a multi-word Russian name (ru-head: космодроме Восточный), or every
 * word in the same case (ru-all: Курской области). Words in capitals (ООН) and numbers stay as
 * they are.
 */
function russianWordInflections(form: string, all: boolean, capitals: ReadonlySet<string>): string[] {
  const words = form.split(SEPARATOR);
  const declines = (word: string, i: number) => (all || i === 0) && /^\p{Script=Cyrillic}/u.test(word) && !capitals.has(word);
  if (!all) return [form, ...(declines(words[0]!, 0) ? russianInflections(words[0]!).map((head) => [head, ...words.slice(1)].join(SEPARATOR)) : [])];
  const forms = new Set([form]);
  for (let slot = 0; slot < 5; slot++) {
    let out = [''];
    words.forEach((word, i) => {
      const rule = declines(word, i) ? RUSSIAN_ENDINGS.find((r) => r.ending.test(word)) : undefined;
      const endings = rule?.cases[slot];
      const variants = rule && endings ? endings.map((e) => word.replace(rule.ending, e)) : [word];
      out = out.flatMap((prefix) => variants.map((v) => (i === 0 ? v : `${prefix}${SEPARATOR}${v}`)));
    });
    for (const f of out) forms.add(f);
  }
  return [...forms];
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

/**
 * The keys two aliases collide on: their own forms, case-blind unless the alias is case-exact (not the forms a
 * particle makes: 북 + 한 is 북한 as a sentence may write it, not a second alias for it).
 */
export function aliasKeys(alias: AliasRule): string[] {
  // An alias's "|" marks what it claims, not what it reads: "|Treaty| between A and B" reads as "Treaty between A and B".
  // A case-exact alias keeps its spelling: it reads only that, so "PoE" and "POE" are two words.
  const forms = trieForms({ ...alias, text: alias.text.replaceAll('|', ''), inflect: undefined });
  return alias.case === 'exact' ? forms : forms.map((f) => f.toLowerCase());
}
