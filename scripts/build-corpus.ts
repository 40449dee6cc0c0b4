/**
 * npm run corpus: data/ sources -> data/corpus.json, with a coverage report.
 * Exits non-zero, naming each bad entry, when the sources do not hang together.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, CorpusBuildError } from '../lib/corpus/build';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, 'data');
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : join(dataDir, 'corpus.json');
const sourceDir = process.argv.includes('--data') ? process.argv[process.argv.indexOf('--data') + 1]! : dataDir;

function readJson(path: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`✖ ${name}: ${(error as Error).message}`);
    process.exit(1);
  }
}

const termsDir = join(sourceDir, 'terms');
const termFiles = readdirSync(termsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: `data/terms/${f}`, data: readJson(join(termsDir, f), `data/terms/${f}`) }));

try {
  const { json, report, corpus } = await buildCorpus({
    excerpt: readFileSync(join(sourceDir, 'paper', 'excerpt.txt'), 'utf8'),
    paper: readJson(join(sourceDir, 'paper', 'paper.json'), 'data/paper/paper.json'),
    termFiles,
    timeline: readJson(join(sourceDir, 'timeline.json'), 'data/timeline.json'),
  });
  writeFileSync(out, json);
  console.log(`✔ Built ${out.replace(`${root}/`, '')}: corpus version ${corpus.version}, ${corpus.hash}`);
  console.log(`  passages ${report.passages} in ${report.sections} sections · terms ${report.terms} (${report.specific} specific, ${report.generic} generic) · aliases ${report.aliases} · events ${report.events}`);
  console.log(
    `  terms by kind: ${Object.entries(report.termsByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  console.log(`  aliases found in the excerpt: ${report.aliasesFoundInExcerpt} of ${report.aliases}`);
  console.log(
    `  alias classes: ${Object.entries(report.aliasClasses)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  console.log(`  passages without any term: ${report.passagesWithoutTerms.length ? report.passagesWithoutTerms.join(', ') : 'none'}`);
} catch (error) {
  if (error instanceof CorpusBuildError) {
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
  throw error;
}
