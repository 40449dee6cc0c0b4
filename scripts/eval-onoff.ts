/**
 * npm run eval:onoff: are the pages the gate misjudges misjudged by the gate, or by their label?
 * A second reader judged, blind, whether each of a sample of articles is on the topic
 * (tests/fixtures/news-onoff-second/judgements.json: the headline and the article's text only, the
 * guideline's definition of the topic, nothing of the labels or the software). This script runs the
 * gate on each article as eval:news does, sorts them by what the gate did against the first label
 * (off-topic pages it lit, on-topic pages it left quiet, and the pages it judged right), and counts
 * how often the second reader agrees with the first label in each group. Where the second reader
 * sides with the first label on the pages the gate lit, those pages are the gate's errors, not the
 * labels'; where they side with the gate, the label is in doubt.
 *
 * `--verbose` lists every article where the two readers differ.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../lib/corpus/schema';
import { compileAutomaton } from '../lib/matcher';
import { matcherTerms, toMatcherData } from '../lib/matcher-data';
import { decideVisibility } from '../lib/relevance';
import { loadFixtures, mentionFactsOf, scanPage, type Fixture } from './news-fixtures';

interface Judgement {
  id: string;
  onTopic: boolean;
  why: string;
}

const root = join(import.meta.dirname, '..');
const corpus: Corpus = JSON.parse(readFileSync(join(root, 'data', 'corpus.json'), 'utf8'));
const data = toMatcherData(corpus);
const automaton = compileAutomaton(matcherTerms(data));
const verbose = process.argv.includes('--verbose');

const fixtures = new Map(['news', 'news-holdout'].flatMap((d) => loadFixtures(join(root, 'tests', 'fixtures', d))).map((fx) => [fx.id, fx]));

const { judgements } = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'news-onoff-second', 'judgements.json'), 'utf8')) as { judgements: Judgement[] };

/** Which of four groups a page falls in: what its first label says, and whether the gate agreed. */
function groupOf(fx: Fixture): string {
  const { found } = scanPage(fx.html, automaton);
  const opened = decideVisibility(mentionFactsOf(found), data.terms, { hiddenTerms: [], firstMentionOnly: false }).onTopic;
  if (fx.onTopic) return opened ? 'on-topic, gate opened' : 'on-topic, gate stayed quiet';
  return opened ? 'off-topic, gate lit' : 'off-topic, gate stayed quiet';
}

const tally = new Map<string, Map<string, { agree: number; pages: number }>>();
const differences: string[] = [];
for (const j of judgements) {
  const fx = fixtures.get(j.id);
  if (!fx) throw new Error(`${j.id}: no such fixture in tests/fixtures/news or news-holdout`);
  const group = groupOf(fx);
  const byLang = tally.get(group) ?? new Map();
  tally.set(group, byLang);
  const t = byLang.get(fx.lang) ?? { agree: 0, pages: 0 };
  byLang.set(fx.lang, t);
  t.pages++;
  if (j.onTopic === fx.onTopic) t.agree++;
  else differences.push(`${fx.id} (${group}): the second reader says ${j.onTopic ? 'on' : 'off'} the topic: ${j.why}`);
}

console.log(`eval:onoff — corpus ${corpus.hash.slice(0, 15)}…, ${judgements.length} articles judged again blind`);
console.log('group                          second reader agrees with the first label (en / ko / ru)');
for (const group of ['off-topic, gate lit', 'on-topic, gate stayed quiet', 'off-topic, gate stayed quiet', 'on-topic, gate opened']) {
  const byLang = tally.get(group);
  if (!byLang) continue;
  const all = [...byLang.values()].reduce((a, t) => ({ agree: a.agree + t.agree, pages: a.pages + t.pages }), { agree: 0, pages: 0 });
  const langs = ['en', 'ko', 'ru'].map((l) => (byLang.has(l) ? `${byLang.get(l)!.agree}/${byLang.get(l)!.pages}` : '—')).join(' / ');
  console.log(`${group.padEnd(30)} ${`${all.agree} of ${all.pages}`.padEnd(10)} (${langs})`);
}
if (verbose) for (const d of differences) console.log(`  ${d}`);
