import { useState } from 'preact/hooks';
import type { RankedPassage } from '@/lib/messages';
import { segmentsOf, snippetBounds } from '@/lib/snippet';

interface Props {
  passage: RankedPassage;
  selected: boolean;
  onSelect(): void;
}

/** A quote from the paper: the sentence that names the term, expandable to the paragraph. */
export function PassageQuote({ passage, selected, onSelect }: Props) {
  const [expanded, setExpanded] = useState(false);
  const [start, end] = snippetBounds(passage.text, passage.marks);
  const whole = start === 0 && end === passage.text.length;
  const segments = expanded || whole ? segmentsOf(passage.text, passage.marks) : segmentsOf(passage.text, passage.marks, start, end);
  const id = `passage-${passage.id}`;
  return (
    <figure class={selected ? 'passage selected' : 'passage'} onFocusIn={onSelect} onPointerDown={onSelect}>
      <figcaption class="passage-section">
        {passage.sectionHeading} · ¶{passage.order}
      </figcaption>
      <blockquote id={id}>
        {!expanded && start > 0 ? '… ' : ''}
        {segments.map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : s.text))}
        {!expanded && end < passage.text.length ? ' …' : ''}
      </blockquote>
      {!whole && (
        <button type="button" class="link" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Read the full paragraph'}
        </button>
      )}
    </figure>
  );
}
