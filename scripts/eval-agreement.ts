/**
 * npm run eval:agreement: how far two careful readers agree, scored exactly as eval:news scores
 * the extension. A second annotator labelled the same articles blind (tests/fixtures/news-second,
 * the same ids as articles of the development or held-out set, written without sight of the first
 * labels or the software).
 * Each reader's labels are then read as if they were the extension's highlights and scored against
 * the other's: recall of the other's labelled mentions, and the share of one's own (non-null)
 * labels that the other labelled as something else ("wrong among shown"). This is the ceiling a
 * highlighter can be held to on labels from one reader: where two humans differ by more than a
 * target, the target measures the labels, not the software.
 *
 * `--first <dir>` and `--second <dir>` pick other folders; `--verbose` lists every disagreement.
 */
import { join } from 'node:path';
import { loadFixtures, locate, pageText, type Label } from './news-fixtures';

interface Span {
  start: number;
  end: number;
  termId: string | null;
  text: string;
}

const root = join(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
// The first labels of an article live in the development set or the held-out set, as its round left it.
const firstDirs = process.argv.includes('--first') ? [arg('--first', '')] : [join(root, 'tests', 'fixtures', 'news'), join(root, 'tests', 'fixtures', 'news-holdout')];
const secondDir = arg('--second', join(root, 'tests', 'fixtures', 'news-second'));
const verbose = process.argv.includes('--verbose');

const load = (dir: string) => new Map(loadFixtures(dir).map((fx) => [fx.id, fx]));

function spans(text: string, labels: Label[], id: string): Span[] {
  return labels.map((l) => {
    try {
      const [start, end] = locate(text, l);
      return { start, end, termId: l.termId, text: l.text };
    } catch (error) {
      throw new Error(`${id}: ${(error as Error).message}`);
    }
  });
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

interface Tally {
  labels: number;
  found: number;
  shown: number;
  wrong: number;
  unlabelled: number;
}
const empty = (): Tally => ({ labels: 0, found: 0, shown: 0, wrong: 0, unlabelled: 0 });

/** `reader`'s labels scored as highlights against `truth`'s, as eval:news scores the extension. */
function score(truth: Span[], reader: Span[], onTopic: boolean, t: Tally, notes: string[], who: string): void {
  const shown = reader.filter((s) => s.termId !== null);
  if (onTopic) {
    for (const l of truth) {
      if (l.termId === null) continue;
      t.labels++;
      if (shown.some((s) => s.termId === l.termId && overlaps(l, s))) t.found++;
      else notes.push(`${who} missed "${l.text}" (${l.termId})`);
    }
  }
  for (const s of shown) {
    t.shown++;
    if (truth.some((l) => l.termId === s.termId && overlaps(l, s))) continue;
    const other = truth.find((l) => overlaps(l, s));
    if (other || !onTopic) {
      t.wrong++;
      notes.push(`${who} wrong "${s.text}" as ${s.termId} (${other ? `other: "${other.text}" ${other.termId}` : 'off-topic page'})`);
    } else t.unlabelled++;
  }
}

const first = new Map(firstDirs.flatMap((dir) => [...load(dir)]));
const second = load(secondDir);
const byLang = new Map<string, { secondAsShown: Tally; firstAsShown: Tally; pages: number }>();
const notes: string[] = [];
for (const [id, b] of second) {
  const a = first.get(id);
  if (!a) throw new Error(`${id} is in the second set but not the first`);
  const text = pageText(a.html);
  if (pageText(b.html) !== text) throw new Error(`${id}: the two sets hold different text`);
  const row = byLang.get(a.lang) ?? { secondAsShown: empty(), firstAsShown: empty(), pages: 0 };
  byLang.set(a.lang, row);
  row.pages++;
  const spansA = spans(text, a.mentions, id);
  const spansB = spans(text, b.mentions, id);
  const before = notes.length;
  score(spansA, spansB, a.onTopic, row.secondAsShown, notes, 'second');
  score(spansB, spansA, a.onTopic, row.firstAsShown, notes, 'first');
  if (verbose && notes.length > before) notes.splice(before, 0, `${id}:`);
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
console.log(`eval:agreement — ${second.size} articles labelled twice (second labels: ${secondDir.replace(`${root}/`, '')})`);
console.log('lang  pages  second read against first: recall / wrong among its labels   first read against second: recall / wrong');
for (const [lang, r] of [...byLang].sort()) {
  const cell = (t: Tally) => `${pct(t.found, t.labels)} (${t.found}/${t.labels}) / ${pct(t.wrong, t.shown)} (${t.wrong}/${t.shown})`;
  console.log(`${lang.padEnd(5)} ${String(r.pages).padEnd(6)} ${cell(r.secondAsShown).padEnd(63)} ${cell(r.firstAsShown)}`);
}
if (verbose) for (const n of notes) console.log(n.endsWith(':') ? n : `  ${n}`);
