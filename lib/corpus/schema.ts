/**
 * The corpus format, defined once. The build script validates the hand-edited sources with
 * `SourceTermSchema`/`TimelineSourceSchema`, and the extension validates every corpus it loads
 * (bundled or synced) with `CorpusSchema`. docs/corpus-format.md describes the same shapes in prose.
 */
import * as v from 'valibot';
import { ID_PATTERN, TERM_KINDS, type TermKind } from '../kinds';

/**
 * Bumped when the shape of corpus.json changes; a reader refuses a schema it does not know, with a
 * message that says so. 2: a term's `anchor` may be `partner`, which a version-1 reader cannot parse.
 * 3: a narrowing may stand down (`unlessArticleNames`), a term carry a side (`carriesSide`) and
 * list what places it (`placedBy`), and an alias place its term by itself (`placesItself`): fields a
 * version-2 reader's strict schema refuses with a less helpful message.
 */
export const CORPUS_SCHEMA_VERSION = 3;

const Id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a lower-case slug like "kim-jong-un"'));
const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/** paper: what the excerpt says; background: the public record, shown apart and sourced. */
export const GROUNDINGS = ['paper', 'background'] as const;
const Grounding = v.picklist(GROUNDINGS);

export { TERM_KINDS, type TermKind };

/** How an alias may be inflected: Korean particles glued to the name, Russian case endings. */
export const INFLECTIONS = ['ko', 'ru', 'ru-head', 'ru-all'] as const;

/**
 * Where an alias's "|" marks may sit: at most two, between words, with words left to claim
 * ("Russia’s |Security Council", "|Совет Безопасности| России"). A mark inside a word or an empty
 * claim would hand the scanner a span that is no mention.
 */
export function claimMarksFit(text: string): boolean {
  const parts = text.split('|');
  if (parts.length === 1) return true;
  if (parts.length > 3) return false;
  const [before = '', claimed = '', after = ''] = parts;
  if (!claimed.trim() || claimed !== claimed.trim()) return false;
  return (before === '' || /\s$/u.test(before)) && (after === '' || /^\s/u.test(after));
}

const AliasText = v.pipe(NonEmpty, v.check(claimMarksFit, 'its "|" marks must sit between words, at most two, with words left to claim'));

export const AliasSchema = v.strictObject({
  /** The words as written; spaces, dashes, quotes and dots are normalised by the matcher. A "|" marks what it claims (see MatcherTerm.stop). */
  text: AliasText,
  /** `exact`: match only as written (acronyms such as UN, EU, US). Default: any case. */
  case: v.optional(v.picklist(['any', 'exact']), 'any'),
  /**
   * false: too ambiguous alone (a bare "Kim"); it matches only on a page that names the term fully.
   * 'on-topic': a common word that means this term in an article about North Korea and Russia
   * (파병, "arms transfers"); it shows only in such an article and never names the term.
   */
  standalone: v.optional(v.union([v.boolean(), v.literal('on-topic')]), true),
  /**
   * Generate inflected forms: Korean particles (평양에서) and optional spaces inside a compound;
   * Russian case endings on the last word (Путина), on the head word (ru-head: Совета
   * Безопасности) or on every word (ru-all: Курской области).
   */
  inflect: v.optional(v.picklist(INFLECTIONS)),
  /**
   * Names its own term in any article, where the article narrows the term to a narrower one
   * (독자제재, Seoul's own sanctions, stay sanctions in a story about the UN's).
   */
  keepsTerm: v.optional(v.literal(true)),
  /**
   * A name of a side-carrying thing that places it in the relationship by itself: the troops'
   * operation abroad («зарубежная военная операция», 해외작전부대, "overseas operation"), not the
   * army's generic names (북한군), so an article naming them needs no Russia (lib/relevance.ts).
   */
  placesItself: v.optional(v.literal(true)),
});
export type Alias = v.InferOutput<typeof AliasSchema>;

/** In source files an alias may be a bare string: it means `{ text, case: 'any', standalone: true }`. */
export const SourceAliasSchema = v.union([AliasText, AliasSchema]);

const TermFields = {
  id: Id,
  label: NonEmpty,
  kind: v.picklist(TERM_KINDS),
  /**
   * specific: only ever about this topic; a specific term that belongs to neither side opens the
   * relevance gate on its own. generic: common in other news. Either shows only on pages about
   * North Korea and Russia.
   */
  specificity: v.picklist(['specific', 'generic']),
  /**
   * Which side of the relevance gate the term stands for, if any; `partner`: a state (or its
   * leader) with a partnership of its own with one side (China, Iran), whose story with that side
   * is not this topic's however it recalls the other.
   */
  anchor: v.optional(v.picklist(['north-korea', 'russia', 'partner'])),
  summary: NonEmpty,
  /** Passage ids that discuss the term, checked by hand. */
  passages: v.array(Id),
  /** A term the paper discusses only as context: it need not have an alias that occurs in the text. */
  contextOnly: v.optional(v.boolean(), false),
  /**
   * Where the summary comes from: `paper` (what the excerpt says, closely paraphrased) or
   * `background` (the public record, which the card shows apart from the paper, with `source`).
   */
  grounding: v.optional(Grounding),
  /** For background: a short source line a reader can check ("Kremlin, 19 June 2024"). */
  source: v.optional(NonEmpty),
  /**
   * The public record where the paper's wording differs from it or leaves out a fact a reader
   * needs (a date, who said what). Shown as background, apart from the paper, with its source;
   * the paper's own words stay in the quoted passage.
   */
  record: v.optional(v.strictObject({ text: NonEmpty, source: NonEmpty })),
  /**
   * In an article that names one of `whenArticleNames`, mentions of `term` show as this term: the
   * veto in a story about the Panel of Experts is Russia's March 2024 veto, its sanctions the UN's.
   * Where several terms would narrow one, a specific term wins over a generic one ("North Koreans"
   * are the troops in an article about them, though it names North Korea too). `showsTopic`: a
   * word narrowed this way names one of the topic's own stories, so an article that names both
   * sides, whose headline names the trigger as the topic's, and whose text has the word, is on the
   * topic, however rarely it names one side (the Panel of Experts' mandate ending, where Russia is
   * named once, for its veto). `unlessArticleNames`: the narrowing does not apply in an article
   * that names one of these as well (a summit dated September 2023 is the Vostochny summit, but
   * not in an article that also names the June 2024 treaty: there a bare "summit" may be either).
   */
  narrows: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          term: Id,
          whenArticleNames: v.pipe(v.array(Id), v.minLength(1)),
          unlessArticleNames: v.optional(v.pipe(v.array(Id), v.minLength(1))),
          showsTopic: v.optional(v.literal(true)),
        }),
      ),
      v.minLength(1),
    ),
  ),
  /**
   * A class of words rather than a subject ("talks", «переговоры»): never shown as itself, only
   * as the term that narrows it in an article (the talks in a story about the Vostochny Cosmodrome
   * are the Vostochny summit). A word class that itself narrows others names a subject the paper
   * does not cover (the Kim–Putin talks in Beijing in September 2025): in its article those words
   * show nothing, whatever else narrows them.
   */
  narrowOnly: v.optional(v.literal(true)),
  /**
   * The two states written as one modifier (북러, 北·露, Russia–North Korea). Written straight
   * before a mention of a subject (a concept, document, event or weapon: 북러 군사협력, the
   * "Russia–DPRK strategic partnership agreement"), the pair is part of that subject's name and
   * the whole is one mention of it (guideline G8 in tests/fixtures/news/LABELLING.md).
   */
  pairOfStates: v.optional(v.literal(true)),
  /**
   * The side a thing of the relationship carries in its names: the troops in Russia are "North
   * Korean troops", 북한군, «северокорейский спецназ», which news also uses for the North's army
   * at home. Where such things are the only things of the relationship an article names, they count
   * for it only where the article names the other side, a term in `placedBy`, or the thing by a
   * name that places itself (`placesItself`) (lib/relevance.ts).
   */
  carriesSide: v.optional(v.picklist(['north-korea', 'russia'])),
  /**
   * Beside the other side, the terms that place a side-carrying thing in the relationship: the
   * troops are Russia's war's wherever the article names Ukraine or Donbas, as a story of prisoners
   * of war or of builders bound for Donbas may do without naming Russia (lib/relevance.ts).
   */
  placedBy: v.optional(v.pipe(v.array(Id), v.minLength(1))),
};

/**
 * Names made of an owner and a thing, every owner with every thing (guideline G8: the owner is
 * part of the name when the term's label names it): 북한 + 공병 is "북한 공병", солдаты + КНДР is
 * «солдаты КНДР». Declared once, so a new troop word covers every way news names the state.
 */
export const ComposedAliasesSchema = v.strictObject({
  owners: v.pipe(v.array(NonEmpty), v.minLength(1)),
  things: v.pipe(v.array(NonEmpty), v.minLength(1)),
  /** owner-thing: "North Korean sappers", 북한 공병; thing-owner: «саперы КНДР». */
  order: v.picklist(['owner-thing', 'thing-owner']),
  /** As for an alias: ru-head declines the thing in «саперы КНДР»; ko adds particles. */
  inflect: v.optional(v.picklist(INFLECTIONS)),
  /**
   * 'thing': the name shows only the thing and leaves its owner to its own term, as a "|" does in
   * an alias ("EU |sanctions": the EU shows as the EU). Default: the whole name shows.
   */
  shows: v.optional(v.literal('thing')),
  /** As for an alias: the thing keeps its term where the article narrows it (the EU's sanctions are never the UN's). */
  keepsTerm: v.optional(v.literal(true)),
  /** As for an alias: 'on-topic' where the composed names are common words elsewhere too ("UN experts"). */
  standalone: v.optional(v.union([v.literal(false), v.literal('on-topic')])),
});

export const SourceTermSchema = v.strictObject({
  ...TermFields,
  aliases: v.pipe(v.array(SourceAliasSchema), v.minLength(1, 'needs at least one alias')),
  composedAliases: v.optional(v.array(ComposedAliasesSchema)),
});
export type SourceTerm = v.InferOutput<typeof SourceTermSchema>;

export const TermSchema = v.strictObject({
  ...TermFields,
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1)),
  /** Derived by the build: terms that share passages with this one, most shared first. */
  related: v.array(Id),
});
export type Term = v.InferOutput<typeof TermSchema>;

const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'));

export const TimelineEventSchema = v.strictObject({
  id: Id,
  /** As precise as the paper is: "2022", "2022-08" or "2022-02-24". */
  date: IsoDate,
  precision: v.picklist(['day', 'month', 'year']),
  label: NonEmpty,
  terms: v.pipe(v.array(Id), v.minLength(1)),
  passages: v.array(Id),
  /** As for terms: `background` events come from the public record and carry a `source`. */
  grounding: v.optional(Grounding),
  source: v.optional(NonEmpty),
});
export type TimelineEvent = v.InferOutput<typeof TimelineEventSchema>;
export const TimelineSourceSchema = v.array(TimelineEventSchema);

/**
 * A stop phrase: words that look like a catalogue alias but mean something else ("National
 * Security Council", "Donetsk Oblast"). It claims its span, longest match first like any alias,
 * and shows nothing. A "|" in an alias marks where the claim starts ("Russia’s |Security Council").
 */
export const StopPhraseSchema = v.strictObject({
  id: Id,
  kind: v.literal('stop'),
  /** What the words really mean, and which alias they would otherwise be mistaken for. */
  note: NonEmpty,
  aliases: v.pipe(v.array(SourceAliasSchema), v.minLength(1, 'needs at least one alias')),
});
export const StopSchema = v.strictObject({ id: Id, note: NonEmpty, aliases: v.pipe(v.array(AliasSchema), v.minLength(1)) });
export type Stop = v.InferOutput<typeof StopSchema>;

export const CitationSchema = v.strictObject({
  title: NonEmpty,
  subtitle: NonEmpty,
  author: NonEmpty,
  authorRole: v.optional(v.string()),
  publisher: NonEmpty,
  type: NonEmpty,
  published: v.pipe(v.string(), v.isoDate()),
  doi: v.pipe(v.string(), v.regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI such as 10.55317/…')),
  url: v.pipe(v.string(), v.url(), v.startsWith('https://', 'must be an https link')),
  isbn: v.optional(v.string()),
});
export type Citation = v.InferOutput<typeof CitationSchema>;

export const SectionSchema = v.strictObject({ id: Id, heading: NonEmpty, order: v.pipe(v.number(), v.integer()) });
export type Section = v.InferOutput<typeof SectionSchema>;

export const PassageSchema = v.strictObject({
  id: Id,
  section: Id,
  /** Position in the paper, 1-based, across all sections. */
  order: v.pipe(v.number(), v.integer(), v.minValue(1)),
  text: NonEmpty,
});
export type Passage = v.InferOutput<typeof PassageSchema>;

export const CorpusSchema = v.strictObject({
  schemaVersion: v.literal(CORPUS_SCHEMA_VERSION),
  /** Monotonic: a reader keeps whichever corpus has the higher version. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** sha256 of the canonical JSON of everything but this field, as "sha256-<hex>". */
  hash: v.pipe(v.string(), v.regex(/^sha256-[0-9a-f]{64}$/)),
  citation: CitationSchema,
  sections: v.pipe(v.array(SectionSchema), v.minLength(1)),
  passages: v.pipe(v.array(PassageSchema), v.minLength(1)),
  terms: v.pipe(v.array(TermSchema), v.minLength(1)),
  events: v.array(TimelineEventSchema),
  /** Stop phrases (absent in corpora built before they existed). */
  stops: v.optional(v.array(StopSchema)),
});
export type Corpus = v.InferOutput<typeof CorpusSchema>;

/** The hand-edited description of the paper: citation, chapter, and one entry per line of excerpt.txt. */
export const PaperSourceSchema = v.strictObject({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  citation: CitationSchema,
  /** Heading for passages that come before the excerpt's first heading. */
  opening: v.strictObject({ id: Id, heading: NonEmpty }),
  lines: v.array(
    v.union([
      v.strictObject({ passage: Id }),
      v.strictObject({ heading: Id }),
      /** A sentence the paper repeats as a pull quote: kept out of the passages, checked to be in `of`. */
      v.strictObject({ pullQuoteOf: Id }),
    ]),
  ),
});
export type PaperSource = v.InferOutput<typeof PaperSourceSchema>;
