/** The matcher: one automaton for all aliases, fed block by block. */
export { compileAutomaton, FORM_KEEPS_TERM, FORM_PLACES_ITSELF, NAMING_ALIAS, PARTIAL_ALIAS, TOPICAL_ALIAS, type Automaton, type MatcherTerm } from './automaton';
export { MatchStream, type MatchSink } from './stream';
export { aliasForms, aliasKeys, type AliasRule } from './alias-forms';
export { canonicalText } from './chars';
import { FORM_KEEPS_TERM, FORM_PLACES_ITSELF, NAMING_ALIAS, TOPICAL_ALIAS, type Automaton } from './automaton';
import { MatchStream } from './stream';

export interface TextMatch {
  start: number;
  end: number;
  termId: string;
  standalone: boolean;
  /** Shows only in an article on the topic (an 'on-topic' alias). */
  topical: boolean;
  /** Names its own term even where the article narrows that term (AliasRule.keepsTerm). */
  keepsTerm: boolean;
  /** Places its side-carrying thing by itself (AliasRule.placesItself). */
  placesItself: boolean;
  text: string;
}

/** Matches one string as a single block. For tests, the corpus build and the background. */
export function findMatches(automaton: Automaton, text: string): TextMatch[] {
  const stream = new MatchStream(automaton);
  const out: TextMatch[] = [];
  stream.beginBlock();
  stream.feed(text);
  stream.endBlock((start, end, form) => {
    out.push({
      start,
      end,
      termId: automaton.termIds[automaton.formTerm[form]!]!,
      standalone: automaton.formStandalone[form] === NAMING_ALIAS,
      topical: automaton.formStandalone[form] === TOPICAL_ALIAS,
      keepsTerm: (automaton.formFlags[form]! & FORM_KEEPS_TERM) !== 0,
      placesItself: (automaton.formFlags[form]! & FORM_PLACES_ITSELF) !== 0,
      text: text.slice(start, end),
    });
  });
  return out;
}
