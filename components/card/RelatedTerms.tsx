import type { TermSummary } from '@/lib/messages';

interface Props {
  terms: TermSummary[];
  onOpen(termId: string): void;
}

/** Terms that share passages with this one; each opens its own card in place. */
export function RelatedTerms({ terms, onOpen }: Props) {
  if (!terms.length) return null;
  return (
    <nav class="related" aria-label="Related in the paper">
      <h3>Related</h3>
      <ul>
        {terms.map((t) => (
          <li key={t.id}>
            <button type="button" class={`chip kind-${t.kind}`} onClick={() => onOpen(t.id)}>
              {t.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
