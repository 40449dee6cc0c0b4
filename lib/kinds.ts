/**
 * The shared lists, defined once: the kinds of term with their names and colours, and the id
 * pattern every corpus id, note reference and request follows. Framework-free and without
 * valibot, so the content script can import it at no cost. highlights.css and card.css carry the
 * same colours as literals (a stylesheet the browser injects cannot import a module);
 * tests/unit/kinds.test.ts fails when either stylesheet and this list drift apart.
 */

/** The kinds of term, in the order the painter layers them. */
export const TERM_KINDS = ['person', 'state', 'place', 'organisation', 'event', 'weapon', 'document', 'concept'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** The card's label per kind ("Organisation"). */
export const KIND_LABEL: Readonly<Record<TermKind, string>> = {
  person: 'Person',
  state: 'State',
  place: 'Place',
  organisation: 'Organisation',
  event: 'Event',
  weapon: 'Weapon',
  document: 'Document',
  concept: 'Concept',
};

/** Each kind's colour: its page highlight (quiet underline, strong tint), its card's band and swatch. */
export const KIND_COLOUR: Readonly<Record<TermKind, string>> = {
  person: '#e8590c',
  state: '#1c7ed6',
  place: '#2f9e44',
  organisation: '#7950f2',
  event: '#f59f00',
  weapon: '#e03131',
  document: '#0c8599',
  concept: '#868e96',
};

const KIND_SET: ReadonlySet<string> = new Set(TERM_KINDS);

/** Whether a value (from storage, say) names a kind. */
export function isTermKind(value: unknown): value is TermKind {
  return typeof value === 'string' && KIND_SET.has(value);
}

/** Every id in the corpus (terms, passages, sections, events): a lower-case slug like "kim-jong-un". */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The longest id a request may carry. */
export const ID_MAX_LENGTH = 100;
