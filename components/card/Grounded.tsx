import type { TermGrounding } from '@/lib/messages';

interface Props {
  term: TermGrounding;
}

/**
 * The card's summary, marked with where it comes from. What the paper says reads as plain text
 * under "From the paper"; background from the public record sits in its own dashed box, labelled
 * "not from the paper" and with its source, so a card never puts words in the paper's mouth.
 * A paper term whose facts the record corrects or completes gets that as a background note.
 */
export function Grounded({ term }: Props) {
  if (term.grounding === 'background') {
    return (
      <section class="background" aria-label="Background, not from the paper">
        <p class="grounding">Background · not from the paper</p>
        <p id="nkr-summary" class="summary">
          {term.summary}
        </p>
        {term.source && <p class="source">Source: {term.source}</p>}
      </section>
    );
  }
  return (
    <>
      <p class="grounding paper">From the paper</p>
      <p id="nkr-summary" class="summary">
        {term.summary}
      </p>
      {term.record && (
        <section class="background record" aria-label="On the record, not from the paper">
          <p class="grounding">On the record · not from the paper</p>
          <p class="summary">{term.record.text}</p>
          <p class="source">Source: {term.record.source}</p>
        </section>
      )}
    </>
  );
}
