/**
 * The notes view on a real (fake-indexeddb) database: a note whose passage changed or left the
 * corpus says so and keeps its snapshot; the list draws only the rows in view; keys move, open, delete.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesView } from '../../components/notes/NotesView';
import type { ContextDatabase } from '../../lib/db';
import { loadCorpusCache } from '../../lib/lookup';
import { pagePassages } from '../../lib/page-passages';
import { databaseWithCorpus } from '../support/db-factory';
import { makeNote } from '../support/note-factory';

let root: HTMLElement;
let db: ContextDatabase;
beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  db = await databaseWithCorpus();
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

/** Waits until `check` passes (liveQuery answers asynchronously). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
  throw new Error(`never happened: ${what}`);
}

const key = (el: Element, k: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });

describe('the notes view', () => {
  it('says when the paper changed a note’s passage or dropped it, and keeps the text the reader saw', async () => {
    const current = (await db.passages.get('p-summits'))!;
    await db.notes.bulkAdd([
      makeNote({ comment: 'changed one', passageId: 'p-summits', passageText: 'An older wording of the passage.' }),
      makeNote({ comment: 'gone one', passageId: 'p-no-longer-there', passageText: 'A passage the paper dropped.' }),
      makeNote({ comment: 'current one', passageId: 'p-summits', passageText: current.text }),
    ]);
    act(() => render(<NotesView db={db} listHeight={400} />, root));
    await until(() => root.querySelectorAll('[role=option]').length === 3, 'three rows');
    const open = async (comment: string) => {
      const search = root.querySelector<HTMLInputElement>('input[type=search]')!;
      act(() => {
        search.value = comment;
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await until(() => root.querySelectorAll('[role=option]').length === 1, `only "${comment}"`);
      await key(search, 'Enter');
      await until(() => !!root.querySelector('article'), 'the note open');
      const article = root.querySelector('article')!;
      const text = { status: root.querySelector('[data-testid=passage-status]')?.textContent ?? '', passage: article.querySelector('.note-passage blockquote')?.textContent };
      act(() => (root.querySelector('button[aria-label="Back to the list"]') as HTMLButtonElement).click());
      await until(() => !root.querySelector('article'), 'back to the list');
      return text;
    };
    expect(await open('changed one')).toEqual({ status: expect.stringMatching(/has changed since you saved/), passage: 'An older wording of the passage.' });
    expect(await open('gone one')).toEqual({ status: expect.stringMatching(/no longer in the paper’s corpus/), passage: 'A passage the paper dropped.' });
    expect((await open('current one')).status).toBe('');
  });

  it('draws only the rows in view of 2,000 notes, and moves, opens and deletes with the keyboard', async () => {
    await db.notes.bulkAdd(Array.from({ length: 2000 }, (_, i) => makeNote({ comment: `note ${i}` })));
    act(() => render(<NotesView db={db} listHeight={340} />, root));
    await until(() => (root.querySelector('.notes-count')?.textContent ?? '').startsWith('2000 notes'), 'all notes read');
    const rows = root.querySelectorAll('[role=option]').length;
    expect(rows).toBeGreaterThan(4);
    expect(rows).toBeLessThan(30);
    const list = root.querySelector('[role=listbox]')!;
    expect(list.getAttribute('aria-label')).toBe('Notes, 2000 shown');
    await key(list, 'ArrowDown');
    await key(list, 'ArrowDown');
    expect(list.getAttribute('aria-activedescendant')).toBe('notes-list-row-2');
    expect(root.querySelector('[aria-selected=true]')?.textContent).toContain('note 1997');
    await key(list, 'Delete');
    await until(() => (root.querySelector('.notes-count')?.textContent ?? '').startsWith('1999 notes'), 'one deleted');
    expect(root.querySelector('[role=status]')?.textContent).toContain('Note deleted.');
    act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!.click());
    await until(() => (root.querySelector('.notes-count')?.textContent ?? '').startsWith('2000 notes'), 'restored');
  });
});

describe('what the paper says about a page', () => {
  it('ranks the passages that speak to most of the page’s terms first, three at most', async () => {
    const cache = (await loadCorpusCache(db))!;
    const result = pagePassages(cache, [
      { id: 'vostochny-cosmodrome', count: 3 },
      { id: 'kim-jong-un', count: 5 },
      { id: 'vladimir-putin', count: 4 },
    ]);
    expect(result).toHaveLength(3);
    expect(result[0]!.terms.length).toBeGreaterThanOrEqual(result[2]!.terms.length);
    expect(result.every((p) => p.sectionHeading && p.text)).toBe(true);
    expect(pagePassages(cache, [])).toEqual([]);
    expect(pagePassages(cache, [{ id: 'no-such-term', count: 2 }])).toEqual([]);
  });
});
