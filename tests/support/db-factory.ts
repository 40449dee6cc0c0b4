/** A real Dexie database (on fake-indexeddb) loaded with the shipped corpus. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../lib/corpus/load';
import type { Corpus } from '../../lib/corpus/schema';
import { ContextDatabase } from '../../lib/db';

export const shippedCorpus = (): Corpus => JSON.parse(readFileSync(join(__dirname, '../../data/corpus.json'), 'utf8'));

let counter = 0;
export async function databaseWithCorpus(corpus: Corpus = shippedCorpus()): Promise<ContextDatabase> {
  const db = new ContextDatabase(`test-db-${Date.now()}-${++counter}`);
  await loadCorpus(db, corpus, { source: 'bundled' });
  return db;
}
