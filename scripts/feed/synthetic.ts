/**
 * Synthetic corpora for the sync bench and the mid-apply crash test: N passages and M terms that
 * pass every check the extension makes (schema, references, unique aliases, content hash), and
 * a next version with a given number of changed rows.
 */
import { corpusHash } from '../../lib/corpus/hash';
import { CORPUS_SCHEMA_VERSION, type Citation, type Corpus } from '../../lib/corpus/schema';

const WORDS = ['alliance', 'munitions', 'sanctions', 'envoy', 'summit', 'artillery', 'treaty', 'satellite', 'border', 'labour', 'shipping', 'oil', 'missile', 'panel', 'veto', 'exercise'];
const letters = (n: number) => {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
};

/** A valid corpus of `passages` passages and `terms` terms (deterministic). */
export async function syntheticCorpus(citation: Citation, version: number, passages = 10_000, terms = 2_000): Promise<Corpus> {
  const sections = Array.from({ length: 50 }, (_, i) => ({ id: `s-${i + 1}`, heading: `Synthetic section ${i + 1}`, order: i + 1 }));
  const corpus: Omit<Corpus, 'hash'> & { hash: string } = {
    schemaVersion: CORPUS_SCHEMA_VERSION,
    version,
    hash: '',
    citation,
    sections,
    passages: Array.from({ length: passages }, (_, i) => ({
      id: `p-${i + 1}`,
      section: `s-${(i % 50) + 1}`,
      order: i + 1,
      text: `Passage ${i + 1}: ${Array.from({ length: 40 }, (_, w) => WORDS[(i * 7 + w * 3) % WORDS.length]).join(' ')}.`,
    })),
    terms: Array.from({ length: terms }, (_, i) => ({
      id: `t-${i + 1}`,
      label: `Term ${letters(i)}`,
      kind: 'concept' as const,
      specificity: 'specific' as const,
      summary: `Synthetic term ${i + 1}.`,
      contextOnly: false,
      related: [],
      aliases: [
        { text: `Qzx ${letters(i)} term`, case: 'any' as const, standalone: true },
        { text: `Vrk ${letters(i)}`, case: 'any' as const, standalone: true },
      ],
      passages: Array.from({ length: 5 }, (_, k) => `p-${((i * 5 + k) % passages) + 1}`),
    })),
    events: Array.from({ length: 200 }, (_, i) => ({ id: `e-${i + 1}`, date: `20${10 + (i % 15)}`, precision: 'year' as const, label: `Event ${i + 1}`, terms: [`t-${(i % terms) + 1}`], passages: [`p-${(i % passages) + 1}`] })),
  };
  corpus.hash = await corpusHash(corpus as unknown as Record<string, unknown>);
  return corpus as Corpus;
}

/** The next version with `changes` rows changed: passages reworded, then terms' summaries. */
export async function withChanges(corpus: Corpus, changes: number): Promise<Corpus> {
  const next = structuredClone(corpus) as Corpus;
  next.version = corpus.version + 1;
  for (let i = 0; i < changes; i++) {
    if (i % 2 === 0) next.passages[i]!.text += ' (revised)';
    else next.terms[i]!.summary += ' (revised)';
  }
  next.hash = await corpusHash(next as unknown as Record<string, unknown>);
  return next;
}
