/** The matcher: one automaton for all aliases, fed block by block. */
export { compileAutomaton, type Automaton, type MatcherTerm } from './automaton';
export { MatchStream, type MatchSink } from './stream';
export { aliasForms, aliasKeys, type AliasRule } from './alias-forms';
export { canonicalText } from './chars';
import type { Automaton } from './automaton';
import { MatchStream } from './stream';

export interface TextMatch {
  start: number;
  end: number;
  termId: string;
  standalone: boolean;
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
      standalone: automaton.formStandalone[form] === 1,
      text: text.slice(start, end),
    });
  });
  return out;
}
