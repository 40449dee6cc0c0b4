import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteSession } from '@/lib/card-contract';
import { formatCitation, formatDay, safeLink } from '@/lib/citation';
import type { LookupResult } from '@/lib/messages';
import { Grounded } from './Grounded';
import { KIND_LABEL } from './kinds';
import { NoteFrame } from './NoteFrame';
import { PassageQuote } from './PassageQuote';
import { RelatedTerms } from './RelatedTerms';
import { Timeline } from './Timeline';

export interface TermCardProps {
  result: LookupResult | null;
  error?: string;
  /** Opened from the keyboard: take focus, trap Tab inside. */
  keyboard: boolean;
  onClose(): void;
  /** Opens the note form (an extension frame) for the passage the reader picked. */
  onStartNote(passageId: string | undefined): Promise<NoteSession>;
  onCopy(text: string): Promise<boolean>;
  onHideTerm(): void;
  onDisableSite(): void;
  onOpenRelated(termId: string): void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input, select, textarea, iframe, [tabindex="0"]';

/** The card: what the paper says about a term, the passages that fit here, and the citation. */
export function TermCard(props: TermCardProps) {
  const { result, error, keyboard } = props;
  const root = useRef<HTMLDivElement>(null);
  const [noteUrl, setNoteUrl] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [selectedPassage, setSelectedPassage] = useState<string | undefined>(undefined);
  const termId = result?.term.id;

  useEffect(() => {
    setNoteUrl(null);
    setStatus('');
    setSelectedPassage(undefined);
    if (keyboard) root.current?.focus();
  }, [termId, keyboard]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onClose();
    } else if (event.key === 'Tab' && root.current) {
      // Keep Tab inside the card (a dialog): wrap from the last control to the first and back.
      const items = [...root.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const active = (root.current.getRootNode() as ShadowRoot).activeElement;
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && (active === first || active === root.current)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  if (!result) {
    return (
      <div class="card" role="dialog" aria-label="North Korea–Russia context" tabIndex={-1} ref={root} onKeyDown={onKeyDown}>
        <header>
          <h2>Context unavailable</h2>
          <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        </header>
        <p class="error" role="alert">
          {error ?? 'The paper’s text could not be read.'}
        </p>
      </div>
    );
  }

  const { term, passages, citation } = result;
  const link = safeLink(citation.url);
  const citationText = formatCitation(citation);
  const copy = async () => setStatus((await props.onCopy(citationText)) ? 'Citation copied.' : 'Could not copy; select the citation to copy it.');
  const startNote = async () => {
    setStatus('');
    try {
      const session = await props.onStartNote(selectedPassage ?? passages[0]?.id);
      setNoteUrl(session.url);
      void session.finished.then((outcome) => {
        setNoteUrl(null);
        setStatus(outcome === 'saved' ? 'Saved to your notes.' : '');
      });
    } catch (error) {
      setStatus(`Could not open a note: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div class={`card kind-${term.kind}`} role="dialog" aria-labelledby="nkr-term" aria-describedby="nkr-summary" tabIndex={-1} ref={root} onKeyDown={onKeyDown}>
      <header>
        <p class="kind">
          <span class="swatch" aria-hidden="true" />
          {KIND_LABEL[term.kind]}
        </p>
        <h2 id="nkr-term">{term.label}</h2>
        <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      <Grounded term={term} />

      {passages.length > 0 && (
        <section class="passages" aria-label="What the paper says">
          <h3>{term.grounding === 'background' ? 'Where the paper bears on it' : 'In the paper'}</h3>
          {passages.map((p) => (
            <PassageQuote key={p.id} passage={p} selected={(selectedPassage ?? passages[0]!.id) === p.id} onSelect={() => setSelectedPassage(p.id)} />
          ))}
        </section>
      )}

      <Timeline key={term.id} events={result.timeline} termLabel={term.label} />
      <RelatedTerms terms={result.related.slice(0, 6)} onOpen={props.onOpenRelated} />

      <footer>
        <p class="citation">
          {citation.author}, <cite>{citation.title}</cite>, {citation.publisher}, {formatDay(citation.published)}.{' '}
          {link ? (
            <a href={link} target="_blank" rel="noopener noreferrer">
              Read the paper
            </a>
          ) : (
            <span>{citation.url}</span>
          )}
        </p>
        {noteUrl ? (
          // The form lives in the extension's own origin: the page can neither read nor hear what is typed.
          <NoteFrame
            url={noteUrl}
            onReplaced={() => {
              setNoteUrl(null);
              setStatus('The note form was closed: the page tried to replace it. Nothing was saved.');
            }}
          />
        ) : (
          <div class="actions">
            <button type="button" class="primary" onClick={() => void startNote()}>
              Save note
            </button>
            <button type="button" onClick={copy}>
              Copy citation
            </button>
            <button type="button" class="quiet" onClick={props.onHideTerm}>
              Don’t highlight “{term.label}”
            </button>
            <button type="button" class="quiet" onClick={props.onDisableSite}>
              Turn off on this site
            </button>
          </div>
        )}
        <p class="status" role="status" aria-live="polite">
          {status}
        </p>
      </footer>
    </div>
  );
}
