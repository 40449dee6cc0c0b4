/**
 * The kit for a round of blind labelling (docs/eval-news.md, "Two sets"), so that it can be
 * rebuilt on a fresh machine:
 *
 *   npx tsx scripts/labeller-kit.ts prepare <kit-dir> <set>   the term list, the addresses already
 *       used, and six briefs (two per language, split by subject) from docs/labelling-brief.md
 *   npx tsx scripts/labeller-kit.ts check <fixture-dir>        what an annotator runs on their work
 *
 * Annotators read only their brief, the guideline's rules, the term list and the used addresses;
 * they never see the aliases, the matcher or its output.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Corpus } from '../lib/corpus/schema';
import { pageText, type Fixture } from './news-fixtures';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE_DIRS = ['news', 'news-holdout', 'news-second'].map((d) => join(ROOT, 'tests', 'fixtures', d));
const GUIDE = join(ROOT, 'tests', 'fixtures', 'news', 'LABELLING.md');
const LANGUAGES = { en: 'English', ko: 'Korean', ru: 'Russian' } as const;
const HALVES = {
  a: "the MILITARY half: North Korean troops in Russia (Kursk, engineers, deminers, casualties, medals), arms supplies (shells, missiles such as KN-23/Hwasong-11, rocket launchers, howitzers), drones, satellites and rockets and Russian help with them, military technology transfer, defence ministers' and generals' visits (Shoigu, Belousov, No Kwang Chol, Kang Sun Nam), parades, military cooperation.",
  b: "the NON-MILITARY half: the June 2024 treaty and its ratification, the Kim–Putin summits (Vostochny 2023, Pyongyang 2024) and their letters and telegrams, foreign ministers' visits (Lavrov, Choe Son Hui), the UN Panel of Experts, the March 2024 veto and the MSMT, sanctions and their evasion (oil, coal, ships, banks), North Korean workers in Russia, tourism (Wonsan-Kalma, Rason), trade routes (the Tumen bridge, rail, ferries, flights, ports), culture, education and sport exchanges.",
} as const;

const jsonFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []);
const corpus = (): Corpus => JSON.parse(readFileSync(join(ROOT, 'data', 'corpus.json'), 'utf8'));

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

/** The ids of the fixtures already in the project, but for those in `dir` itself. */
function idsTaken(dir: string): Set<string> {
  const own = resolve(dir);
  return new Set(FIXTURE_DIRS.filter((d) => resolve(d) !== own).flatMap((d) => jsonFiles(d).map((f) => f.replace(/\.json$/, ''))));
}

/**
 * Every problem in a folder of labelled fixtures, one line each. An id already used by a fixture
 * in the project is one: the set joins the development set later, and a second file of that name
 * would replace the first (held-out 49 had three such ids, for other articles).
 */
export function checkFixtures(dir: string, termIds: ReadonlySet<string> = new Set(corpus().terms.map((t) => t.id)), taken: ReadonlySet<string> = idsTaken(dir)): string[] {
  const problems: string[] = [];
  for (const file of jsonFiles(dir)) {
    let fx: Fixture;
    try {
      fx = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not JSON (${(error as Error).message})`);
      continue;
    }
    for (const key of ['id', 'lang', 'onTopic', 'source', 'note', 'html', 'mentions'] as const) if (!(key in fx)) problems.push(`${file}: missing "${key}"`);
    if (!Array.isArray(fx.mentions) || typeof fx.html !== 'string') continue;
    if (`${fx.id}.json` !== file) problems.push(`${file}: its id is "${fx.id}"`);
    if (taken.has(fx.id)) problems.push(`${file}: the id "${fx.id}" is taken by an earlier article's fixture; add a word to it`);
    if (!(fx.lang in LANGUAGES) || !fx.id.startsWith(`${fx.lang}-`)) problems.push(`${file}: lang "${fx.lang}" and id "${fx.id}" disagree`);
    if (!fx.onTopic && !fx.id.startsWith(`${fx.lang}-off-`)) problems.push(`${file}: an off-topic id starts "${fx.lang}-off-"`);
    const text = pageText(fx.html);
    for (const m of fx.mentions) {
      const where = `${file}: "${m.text}" #${m.occurrence}`;
      if (m.termId !== null && !termIds.has(m.termId)) problems.push(`${where}: no term "${m.termId}" (a look-alike is null, not "null")`);
      if (!fx.onTopic && m.termId !== null) problems.push(`${where}: an off-topic page carries only null labels`);
      if (!Number.isInteger(m.occurrence) || m.occurrence < 0 || countOf(text, m.text) <= m.occurrence) problems.push(`${where}: the page text has only ${countOf(text, m.text)} of it`);
    }
  }
  return problems;
}

/** The term list annotators label with: id, label, kind, summary; word classes marked as no label. */
function termList(): string {
  const lines = corpus().terms.map(
    (t) => `- \`${t.id}\` — **${t.label}** (${t.kind}): ${t.summary}${t.narrowOnly ? ' **Word class: never shown; do not use this id as a label (label the words with the term they show as, or leave a place unlabelled).**' : ''}`,
  );
  return ['# Catalogue terms (id, label, kind, summary)', '', 'Use these ids as `termId`. Meanings come only from this list.', '', ...lines, ''].join('\n');
}

/** Every address a fixture or an earlier round's annotator has used (kit-dir/used-urls-*.txt, and in its subfolders). */
function usedAddresses(kit: string): string[] {
  const urls = new Set<string>();
  for (const dir of FIXTURE_DIRS) for (const f of jsonFiles(dir)) urls.add((JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture).source.url);
  const lists = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? lists(join(dir, f)) : /^used-urls-.*\.txt$/.test(f) ? [join(dir, f)] : [])) : []);
  for (const list of lists(kit)) for (const line of readFileSync(list, 'utf8').split('\n')) if (line.trim()) urls.add(line.trim());
  return [...urls].sort();
}

function prepare(kit: string, set: string): void {
  mkdirSync(kit, { recursive: true });
  writeFileSync(join(kit, 'terms.md'), termList());
  writeFileSync(join(kit, 'used-urls.txt'), `${usedAddresses(kit).join('\n')}\n`);
  // The guideline's rules end where its first section after them begins.
  const lines = readFileSync(GUIDE, 'utf8').split('\n');
  const rulesEnd = lines.findIndex((l, i) => i > 0 && /^## /.test(l) && !/^## Guideline/.test(l));
  const template = readFileSync(join(ROOT, 'docs', 'labelling-brief.md'), 'utf8');
  for (const [half, subjects] of Object.entries(HALVES))
    for (const [lang, language] of Object.entries(LANGUAGES)) {
      const brief = template
        .replaceAll('{{SET}}', set)
        .replaceAll('{{HALF}}', half)
        .replaceAll('{{LANG}}', lang)
        .replaceAll('{{LANGUAGE}}', language)
        .replaceAll('{{SUBJECTS}}', subjects)
        .replaceAll('{{KIT}}', kit)
        .replaceAll('{{REPO}}', ROOT)
        .replaceAll('{{GUIDE}}', GUIDE)
        .replaceAll('{{LINES}}', String(rulesEnd))
        // From the repository, where tsx is installed: npx elsewhere finds none and fails offline.
        .replaceAll('{{CHECK}}', `cd ${ROOT} && npx tsx scripts/labeller-kit.ts check`);
      writeFileSync(join(kit, `brief-${set}${half}-${lang}.md`), brief);
    }
  console.log(`${kit}: terms.md, used-urls.txt (${usedAddresses(kit).length} addresses), six briefs for held-out ${set}; the guideline's rules are its lines 1–${rulesEnd}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [command, dir, set] = process.argv.slice(2);
  if (command === 'prepare' && dir && set) prepare(resolve(dir), set);
  else if (command === 'check' && dir) {
    const problems = checkFixtures(resolve(dir));
    for (const p of problems) console.log(p);
    console.log(`problems: ${problems.length}`);
    process.exitCode = problems.length ? 1 : 0;
  } else {
    console.error('usage: labeller-kit.ts prepare <kit-dir> <set> | check <fixture-dir>');
    process.exitCode = 2;
  }
}
