/**
 * The scanner's DOM rules on a DOM built in happy-dom: what counts as one block of text, what is
 * skipped, and how the fallback painter marks text where the Highlight API is missing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createPainter } from '../../entrypoints/content/painter';
import { MentionStore } from '../../entrypoints/content/mentions';
import { TextWalker, type FoundMention } from '../../entrypoints/content/scanner';
import { compileAutomaton } from '../../lib/matcher';

const automaton = compileAutomaton([
  { id: 'kim-jong-un', aliases: [{ text: 'Kim Jong Un' }] },
  { id: 'north-korea', aliases: [{ text: 'North Korea' }] },
  { id: 'russia', aliases: [{ text: 'Russia' }] },
]);

function scan(html: string): string[] {
  document.body.innerHTML = html;
  const found: FoundMention[] = [];
  const walker = new TextWalker(automaton, (f) => found.push(f));
  walker.walk(document.body, document.body.firstChild, Infinity);
  return found.map((f) => {
    const range = document.createRange();
    range.setStart(f.startNode, f.startOffset);
    range.setEnd(f.endNode, f.endOffset);
    return range.toString();
  });
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('what the scanner reads as one block', () => {
  it.each([
    ['inline elements join', '<p>Kim <b>Jong</b> <i>Un</i> said</p>', ['Kim Jong Un']],
    ['links and spans join', '<p><a href="#">North</a><span> Korea</span></p>', ['North Korea']],
    ['paragraphs do not', '<div><p>North</p><p>Korea</p></div>', []],
    ['leaving a block ends it', '<div><p>Kim Jong</p> Un</div>', []],
    ['a line break ends it', '<p>North <br>Korea</p>', []],
    ['so does one inside an inline element', '<p><b>North <br></b>Korea and <i>Russia</i></p>', ['Russia']],
    ['text after a skipped part is read', '<p><code>North Korea</code> Russia</p><p>Kim Jong Un</p>', ['Russia', 'Kim Jong Un']],
    ['a line break inside skipped content counts for nothing', '<div>North <code>a<br>b</code>Korea</div><p>North <br>Korea</p><p>Russia</p>', ['Russia']],
    ['leaving nested blocks ends it', '<div><div><p>Kim Jong</p></div></div><span>Un</span>', []],
    ['a word running on into a link is one word', '<p>Foo<b>Russia</b></p>', []],
    ['but not across the end of a block', '<div><p>Foo</p><b>Russia</b></div>', ['Russia']],
    ['inline elements nested deeply join', '<p>Kim <span><a><b>Jong</b></a></span> <em>Un</em></p>', ['Kim Jong Un']],
    ['table cells do not join', '<table><tr><td>Kim Jong</td><td>Un</td></tr></table>', []],
    ['list items do not join', '<ul><li>North</li><li>Korea</li></ul>', []],
    ['skipped content between words splits them', '<p>North <code>x</code> Korea</p>', []],
  ])('%s', (_rule, html, expected) => {
    expect(scan(html)).toEqual(expected);
  });
});

describe('what the scanner skips', () => {
  it.each([
    ['a text area', '<textarea>North Korea</textarea><p>Russia</p>'],
    ['an input', '<input value="North Korea"><p>Russia</p>'],
    ['code and pre', '<pre>North Korea</pre><code>North Korea</code><p>Russia</p>'],
    ['scripts and styles', '<script>"North Korea"</script><style>.x{}</style><p>Russia</p>'],
    ['an editable region', '<div contenteditable="true"><p>North Korea</p></div><p>Russia</p>'],
    ['an editor marked as a textbox', '<div role="textbox">North Korea</div><p>Russia</p>'],
    ['buttons and SVG text', '<button>North Korea</button><svg><text>North Korea</text></svg><p>Russia</p>'],
  ])('%s', (_what, html) => {
    expect(scan(html)).toEqual(['Russia']);
  });

  it('finds the shorter name when the longer one runs into an editor', () => {
    const withPlace = compileAutomaton([
      { id: 'vostochny', aliases: [{ text: 'Vostochny' }] },
      { id: 'cosmodrome', aliases: [{ text: 'Vostochny Cosmodrome' }] },
    ]);
    document.body.innerHTML = '<p>Vostochny <span contenteditable="true">Cosmodrome</span></p><p>Vostochny Cosmodrome</p>';
    const found: string[] = [];
    new TextWalker(withPlace, (f) => found.push(withPlace.termIds[withPlace.formTerm[f.form]!]!)).walk(document.body, document.body.firstChild, Infinity);
    expect(found).toEqual(['vostochny', 'cosmodrome']);
  });

  it('reads an element whose editing is switched off', () => {
    expect(scan('<div contenteditable="false">North Korea</div>')).toEqual(['North Korea']);
  });

  it('reads a page in two parts, the part in view first, each mention once', () => {
    document.body.innerHTML = '<p>North Korea</p><div><b>Kim <br>Jong Un</b></div><p id="view">Russia and <code>Russia</code> Kim Jong Un</p><p>North <br>Korea</p><p>Russia</p>';
    const found: string[] = [];
    const walker = new TextWalker(automaton, (f) => found.push(`${f.startNode.data.slice(f.startOffset)}`.slice(0, 11)));
    const view = document.getElementById('view')!;
    expect(walker.walk(document.body, view, Infinity)).toBeNull();
    expect(walker.walk(document.body, document.body.firstChild, Infinity, view)).toBeNull();
    expect(found).toEqual(['Russia and ', 'Kim Jong Un', 'Russia', 'North Korea']);
  });

  it('pauses between blocks when its slice is used up, and resumes where it stopped', () => {
    document.body.innerHTML = Array.from({ length: 2000 }, (_, i) => `<p>Paragraph ${i} on North Korea and Russia</p>`).join('');
    const found: FoundMention[] = [];
    const walker = new TextWalker(automaton, (f) => found.push(f));
    let next: Node | null = document.body.firstChild;
    let slices = 0;
    while (next) {
      next = walker.walk(document.body, next, -1);
      slices++;
    } // an already-passed deadline
    expect(slices).toBeGreaterThan(3);
    expect(found).toHaveLength(4000);
  });
});

describe('the fallback painter (no CSS Highlight API)', () => {
  it('wraps mentions in marks, styles them by kind, and puts the page back when stopped', () => {
    document.body.innerHTML = '<p id="p">Kim Jong Un met officials from Russia.</p>';
    const original = document.body.innerHTML;
    const store = new MentionStore();
    const walker = new TextWalker(automaton, (f) => store.add(f, f.form, true));
    walker.walk(document.body, document.body.firstChild, Infinity);
    const painter = createPainter((m, text) => store.reindex(m, text, text));
    expect(painter.mode).toBe('wrap');
    painter.paint(store.ordered(), () => 'person', 'quiet');
    const marks = [...document.querySelectorAll('nkr-mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Kim Jong Un', 'Russia']);
    expect(marks[0]!.getAttribute('data-kind')).toBe('person');
    painter.mark('focus', store.ordered()[1]!);
    expect(marks[1]!.getAttribute('data-state')).toBe('focus');
    painter.clear();
    expect(document.body.innerHTML).toBe(original);
  });
});

describe('an editable span inside a sentence', () => {
  it('keeps the words on either side apart', () => {
    expect(scan('<p>North <span contenteditable="true">x</span> Korea</p>')).toEqual([]);
  });
});

describe('scans that overlap', () => {
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p id="p${i}">Paragraph ${i} on North Korea and Russia</p>`).join('');
  const idsOf = (scan: { store: { ordered(): readonly { range: Range }[] } }) => scan.store.ordered().map((m) => `${m.range.startContainer.parentElement?.id}:${m.range.startOffset}`);

  it('never finds a mention twice when the page changes ahead of a scan in progress', async () => {
    const { PageScan } = await import('../../entrypoints/content/page-scan');
    document.body.innerHTML = paragraphs(300); // several 8 ms slices in happy-dom
    let slices = 0;
    const scan = new PageScan(automaton, () => {
      slices++;
    });
    const signal = new AbortController().signal;
    const full = scan.scanAll(signal);
    while (slices === 0) await new Promise((r) => setTimeout(r, 0)); // now paused between slices
    const replaced = document.getElementById('p290')!.firstChild!; // what the MutationObserver reports removed
    document.getElementById('p290')!.textContent = 'Now only Russia';
    const added = document.createElement('p');
    added.id = 'late';
    added.textContent = 'Late news on North Korea';
    document.body.append(added);
    await Promise.all([full, scan.rescan([document.getElementById('p290')!, added], signal, [replaced])]);
    const ids = idsOf(scan);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(299 * 2 + 1 + 1);
  });

  it('lets a newer full scan supersede an older one', async () => {
    const { PageScan } = await import('../../entrypoints/content/page-scan');
    document.body.innerHTML = paragraphs(300);
    const scan = new PageScan(automaton, () => {});
    const signal = new AbortController().signal;
    const older = scan.scanAll(signal);
    await new Promise((r) => setTimeout(r, 0));
    const newer = scan.scanAll(signal);
    expect(await older).toBeNull();
    expect(await newer).toMatchObject({ textNodes: 300 });
    expect(new Set(idsOf(scan)).size).toBe(600);
  });
});

describe('the mention store', () => {
  it('gives mentions in document order, whether found in order or the part in view first', () => {
    document.body.innerHTML = '<p>North Korea</p><p>Russia</p><p id="view">Kim Jong Un and Russia</p><p>North Korea</p>';
    const view = document.getElementById('view')!;
    const textOf = (store: MentionStore) => store.ordered().map((m) => `${m.range.toString()}@${[...document.body.children].indexOf(m.startNode.parentElement!)}`);
    const inOrder = new MentionStore();
    const viewFirst = new MentionStore();
    new TextWalker(automaton, (f) => inOrder.add(f, f.form, true)).walk(document.body, document.body.firstChild, Infinity);
    const walker = new TextWalker(automaton, (f) => viewFirst.add(f, f.form, true));
    walker.walk(document.body, view, Infinity);
    walker.walk(document.body, document.body.firstChild, Infinity, view);
    const expected = ['North Korea@0', 'Russia@1', 'Kim Jong Un@2', 'Russia@2', 'North Korea@3'];
    expect(textOf(inOrder)).toEqual(expected);
    expect(textOf(viewFirst)).toEqual(expected);
    inOrder.clear();
    expect(inOrder.ordered()).toEqual([]);
  });
});
