/**
 * Which mentions a page shows. Specific terms show everywhere; generic ones (sanctions, BRICS)
 * only on pages about North Korea and Russia. A non-standalone alias (a bare "Kim") shows only
 * where the page also names its term in full. Pure, so the rules are tested without a page.
 */
import type { MatcherDataTerm } from './matcher-data';

export interface MentionFacts {
  term: number;
  standalone: boolean;
}

export interface VisibilityRules {
  hiddenTerms: readonly string[];
  firstMentionOnly: boolean;
}

export interface Verdict {
  /** Per mention, in the order given: whether to highlight it. */
  visible: boolean[];
  onTopic: boolean;
}

/**
 * The page is on the topic when it names a North Korea anchor and a Russia anchor, or any
 * specific term that belongs to neither side (the bilateral ones: the Vostochny summit,
 * cash-for-weapons). Mentions must be given in document order for `firstMentionOnly`.
 */
export function decideVisibility(mentions: readonly MentionFacts[], terms: readonly MatcherDataTerm[], rules: VisibilityRules): Verdict {
  const named = new Set<number>();
  for (const m of mentions) if (m.standalone) named.add(m.term);
  let northKorea = false;
  let russia = false;
  let bilateral = false;
  for (const t of named) {
    const term = terms[t]!;
    if (term.anchor === 'north-korea') northKorea = true;
    else if (term.anchor === 'russia') russia = true;
    else if (term.specificity === 'specific') bilateral = true;
  }
  const onTopic = bilateral || (northKorea && russia);
  const hidden = new Set(rules.hiddenTerms);
  const seen = new Set<number>();
  const visible = mentions.map((m) => {
    const term = terms[m.term]!;
    if (hidden.has(term.id)) return false;
    if (!named.has(m.term)) return false;
    if (term.specificity === 'generic' && !onTopic) return false;
    if (rules.firstMentionOnly) {
      if (seen.has(m.term)) return false;
      seen.add(m.term);
    }
    return true;
  });
  return { visible, onTopic };
}
