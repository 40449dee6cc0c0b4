import { useState } from 'preact/hooks';
import { formatCitation } from '@/lib/citation';
import type { Citation } from '@/lib/corpus/schema';
import type { PagePassage } from '@/lib/page-passages';

interface Props {
  passages: PagePassage[] | null;
  citation: Citation | null;
  error?: string;
  /** Saves a passage as a note on this page; rejects with a readable reason. */
  onSave(passage: PagePassage): Promise<void>;
}

/** "What the paper says about this article": the passages that fit the page's mentions together. */
export function PaperView({ passages, citation, error, onSave }: Props) {
  const [saved, setSaved] = useState<Record<string, string>>({});
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!passages) return <p class="muted">Reading the paper…</p>;
  if (!passages.length) return null;
  const save = async (p: PagePassage) => {
    try {
      await onSave(p);
      setSaved((s) => ({ ...s, [p.id]: 'Saved to your notes.' }));
    } catch (e) {
      setSaved((s) => ({ ...s, [p.id]: `Not saved: ${(e as Error).message}` }));
    }
  };
  return (
    <section aria-labelledby="paper-view-title" data-testid="paper-view">
      <h2 id="paper-view-title">What the paper says about this article</h2>
      <ol class="paper-passages">
        {passages.map((p) => (
          <li key={p.id}>
            <p class="muted small">
              {p.sectionHeading} · ¶{p.order} · on{' '}
              {p.terms
                .slice(0, 3)
                .map((t) => t.label)
                .join(', ')}
            </p>
            <blockquote class="paper-text">{p.text}</blockquote>
            <div class="row">
              <button type="button" aria-label={`Save the passage from “${p.sectionHeading}” as a note`} disabled={saved[p.id] === 'Saved to your notes.'} onClick={() => void save(p)}>
                Save as note
              </button>
              {saved[p.id] && (
                <span role="status" class="muted small">
                  {saved[p.id]}
                </span>
              )}
            </div>
          </li>
        ))}
      </ol>
      {citation && <p class="muted small">Quoted from {formatCitation(citation)}</p>}
    </section>
  );
}
