/** Small corpora for tests: the real paper text with a three-term catalogue, built by the real build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, type CorpusSources } from '../../lib/corpus/build';
import type { Corpus } from '../../lib/corpus/schema';

const dataDir = join(__dirname, '../../data');
const excerpt = readFileSync(join(dataDir, 'paper/excerpt.txt'), 'utf8');
const paper = JSON.parse(readFileSync(join(dataDir, 'paper/paper.json'), 'utf8'));

/** A tiny but valid catalogue over the real paper text; tests break one thing at a time. */
export function sources(overrides: { terms?: unknown[]; timeline?: unknown; paper?: unknown; excerpt?: string } = {}): CorpusSources {
  const terms = overrides.terms ?? [
    {
      id: 'kim-jong-un',
      label: 'Kim Jong Un',
      kind: 'person',
      specificity: 'specific',
      anchor: 'north-korea',
      summary: 'North Korea’s leader.',
      aliases: ['Kim Jong Un', { text: 'Kim', standalone: false }],
      passages: ['p-kim-putin-letters', 'p-summits'],
    },
    {
      id: 'vladimir-putin',
      label: 'Vladimir Putin',
      kind: 'person',
      specificity: 'specific',
      anchor: 'russia',
      summary: 'Russia’s president.',
      aliases: ['Vladimir Putin', 'Putin'],
      passages: ['p-kim-putin-letters', 'p-summits', 'p-cash-for-weapons'],
    },
    {
      id: 'vostochny-cosmodrome',
      label: 'Vostochny Cosmodrome',
      kind: 'place',
      specificity: 'specific',
      summary: 'A Russian spaceport in the Russian Far East, where Kim and Putin met in September 2023.',
      aliases: ['Vostochny Cosmodrome', { text: 'the cosmodrome', standalone: false }],
      passages: ['p-summits'],
    },
  ];
  return {
    excerpt: overrides.excerpt ?? excerpt,
    paper: overrides.paper ?? paper,
    termFiles: [{ name: 'data/terms/test.json', data: terms }],
    timeline: overrides.timeline ?? [{ id: 'vostochny-summit', date: '2023-09', precision: 'month', label: 'Kim and Putin meet at Vostochny', terms: ['kim-jong-un', 'vladimir-putin'], passages: ['p-summits'] }],
  };
}

/** A built test corpus; `version` overrides the paper's version. */
export async function testCorpus(version = 1, tweak: (s: CorpusSources) => void = () => {}): Promise<Corpus> {
  const s = sources({ paper: { ...paper, version } });
  tweak(s);
  return (await buildCorpus(s)).corpus;
}
