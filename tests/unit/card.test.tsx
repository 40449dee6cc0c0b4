import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTags } from '../../components/card/NoteForm';
import { TermCard, type TermCardProps } from '../../components/card/TermCard';
import type { LookupResult } from '../../lib/messages';
import { formatCitation, formatDay, formatShortDate } from '../../lib/citation';
import { segmentsOf, snippetBounds } from '../../lib/snippet';

const XSS = '<img src=x onerror="window.__pwned = 1">';
const hostile: LookupResult = {
  term: { id: 'x', label: `${XSS} label`, kind: 'person', summary: `javascript:alert(1) ${XSS}` },
  passages: [{ id: 'p-a', sectionHeading: `<b>${XSS}</b>`, order: 1, score: 1, text: `Before <script>window.__pwned = 2</script> ${XSS} after.`, marks: [[7, 15]] }],
  timeline: [
    { id: 'e1', date: '2022-02-24', precision: 'day', label: XSS, terms: ['x'], passages: [], mine: true },
    { id: 'e2', date: '2023-09', precision: 'month', label: 'Other', terms: ['y'], passages: [], mine: false },
  ],
  related: [{ id: 'y', label: XSS, kind: 'place' }],
  citation: { title: XSS, subtitle: 'S', author: 'A', publisher: 'P', type: 'Research paper', published: '2024-12-04', doi: '10.1/x', url: 'javascript:alert(1)' },
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  delete (window as { __pwned?: number }).__pwned;
});

function props(overrides: Partial<TermCardProps> = {}): TermCardProps {
  return {
    result: hostile,
    keyboard: false,
    onClose: vi.fn(),
    onStartNote: vi.fn(async () => ({ url: 'chrome-extension://x/note-form.html#t', finished: new Promise<'saved' | 'cancelled'>(() => {}) })),
    onCopy: vi.fn(async () => true),
    onHideTerm: vi.fn(),
    onDisableSite: vi.fn(),
    onOpenRelated: vi.fn(),
    ...overrides,
  };
}

describe('the card renders every corpus string as text', () => {
  it('shows markup and javascript: links literally, and runs nothing', () => {
    act(() => render(<TermCard {...props()} />, root));
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.querySelector('h2')!.textContent).toBe(`${XSS} label`);
    expect(root.textContent).toContain('javascript:alert(1)');
    expect(root.textContent).toContain('<script>window.__pwned = 2</script>');
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([]); // no link from a non-https URL
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('marks the term inside the quote', () => {
    act(() => render(<TermCard {...props()} />, root));
    expect(root.querySelector('blockquote mark')!.textContent).toBe('<script>');
  });

  it('is a labelled dialog whose buttons all have names', () => {
    act(() => render(<TermCard {...props()} />, root));
    const dialog = root.querySelector('[role=dialog]')!;
    expect(root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!.textContent).toContain('label');
    for (const button of root.querySelectorAll('button')) expect((button.getAttribute('aria-label') ?? button.textContent)!.trim()).not.toBe('');
  });

  it('offers its actions as callbacks', () => {
    const p = props();
    act(() => render(<TermCard {...p} />, root));
    const click = (name: string) =>
      act(() => {
        [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent)!.includes(name))!.click();
      });
    click('Turn off on this site');
    click('Don’t highlight');
    click('Close');
    expect(p.onDisableSite).toHaveBeenCalled();
    expect(p.onHideTerm).toHaveBeenCalled();
    expect(p.onClose).toHaveBeenCalled();
    (root.querySelector('.related button') as HTMLButtonElement).click();
    expect(p.onOpenRelated).toHaveBeenCalledWith('y');
  });

  it('opens the note form in a frame of its own, for the passage the reader picked, and reports the save', async () => {
    let finish: (o: 'saved' | 'cancelled') => void = () => {};
    const p = props({
      onStartNote: vi.fn(async () => ({
        url: 'chrome-extension://x/note-form.html#t',
        finished: new Promise<'saved' | 'cancelled'>((r) => {
          finish = r;
        }),
      })),
    });
    act(() => render(<TermCard {...p} />, root));
    await act(async () => {
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save note')!.click();
    });
    expect(p.onStartNote).toHaveBeenCalledWith('p-a');
    const frame = root.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe('chrome-extension://x/note-form.html#t');
    expect(frame.getAttribute('title')).toBe('Save a note');
    await act(async () => {
      finish('saved');
    });
    expect(root.querySelector('iframe')).toBeNull();
    expect(root.querySelector('[role=status]')!.textContent).toBe('Saved to your notes.');
  });

  it('explains a failed lookup instead of showing nothing', () => {
    act(() => render(<TermCard {...props({ result: null, error: 'The paper is still being set up.' })} />, root));
    expect(root.querySelector('[role=alert]')!.textContent).toBe('The paper is still being set up.');
  });
});

describe('card helpers', () => {
  it('cuts a quote at the sentence naming the term', () => {
    const text = `${'First sentence here. '.repeat(12)}Kim met Putin at Vostochny. ${'Later sentence. '.repeat(20)}`;
    const at = text.indexOf('Vostochny');
    const [s, e] = snippetBounds(text, [[at, at + 9]], 120);
    expect(text.slice(s, e)).toContain('Kim met Putin at Vostochny.');
    expect(e - s).toBeLessThanOrEqual(120);
    expect(
      segmentsOf(text, [[at, at + 9]], s, e)
        .filter((x) => x.marked)
        .map((x) => x.text),
    ).toEqual(['Vostochny']);
  });

  it('parses tags the way people type them', () => {
    expect(parseTags(' artillery, #UN  calibre,,artillery ')).toEqual(['artillery', 'UN', 'calibre']);
  });

  it('formats dates and the citation without the reader’s locale', () => {
    expect(formatShortDate('2022-02-24', 'day')).toBe('24 Feb 2022');
    expect(formatShortDate('2023-09', 'month')).toBe('Sep 2023');
    expect(formatShortDate('2024', 'year')).toBe('2024');
    expect(formatShortDate('2024-06-19', 'month')).toBe('Jun 2024');
    expect(formatDay('2024-12-04')).toBe('4 December 2024');
    expect(formatDay('2024-01-01')).toBe('1 January 2024'); // never the day before, in any time zone
    expect(formatDay('2024-09')).toBe('September 2024');
    expect(formatCitation({ ...hostile.citation, title: 'T', url: 'https://doi.org/10.1/x' })).toBe('A (2024), ‘T: S’, research paper, P, 4 December 2024, https://doi.org/10.1/x');
  });
});

describe('the card says what is the paper and what is background', () => {
  const paperTerm: LookupResult = {
    ...hostile,
    term: {
      id: 'crimea-annexation',
      label: 'Annexation of Crimea',
      kind: 'event',
      summary: 'Russia’s annexation of Crimea in 2014.',
      grounding: 'paper',
      record: { text: 'Annexed on 18 March 2014.', source: 'Treaty of accession, 18 March 2014' },
    },
  };
  const backgroundTerm: LookupResult = { ...hostile, term: { id: 'sergey-lavrov', label: 'Sergey Lavrov', kind: 'person', summary: 'Russia’s foreign minister.', grounding: 'background', source: 'Russian Foreign Ministry' } };

  it('labels a paper summary as the paper’s, and sets the record apart with its source', () => {
    act(() => render(<TermCard {...props({ result: paperTerm })} />, root));
    expect(root.querySelector('.grounding.paper')!.textContent).toBe('From the paper');
    const record = root.querySelector('section.background')!;
    expect(record.getAttribute('aria-label')).toBe('On the record, not from the paper');
    expect(record.textContent).toContain('Annexed on 18 March 2014.');
    expect(record.querySelector('.source')!.textContent).toBe('Source: Treaty of accession, 18 March 2014');
    expect(root.querySelector('#nkr-summary')!.closest('section.background')).toBeNull();
  });

  it('puts a background summary in its own box, labelled not from the paper, with its source', () => {
    act(() => render(<TermCard {...props({ result: backgroundTerm })} />, root));
    const box = root.querySelector('section.background')!;
    expect(box.querySelector('#nkr-summary')!.textContent).toBe('Russia’s foreign minister.');
    expect(box.querySelector('.grounding')!.textContent).toBe('Background · not from the paper');
    expect(box.querySelector('.source')!.textContent).toBe('Source: Russian Foreign Ministry');
    expect(root.querySelector('.grounding.paper')).toBeNull();
    expect(root.querySelector('.passages h3')!.textContent).toBe('Where the paper bears on it');
  });
});
