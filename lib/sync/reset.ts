/** "Reset to the bundled corpus": the one way back from a synced corpus to the shipped one. */
import { loadCorpus, type LoadOutcome } from '../corpus/load';
import { validateCorpus } from '../corpus/validate';
import type { ContextDatabase } from '../db';

/**
 * Validates the bundled corpus and puts it in place of whatever is stored, even a newer synced
 * version, in one transaction. Notes are outside its scope and stay as they are.
 */
export async function resetToBundled(db: ContextDatabase, bundled: unknown): Promise<LoadOutcome> {
  const check = await validateCorpus(bundled, 'bundled corpus');
  if (!check.ok) return { status: 'rejected', problems: check.problems };
  return db.transaction('rw', [db.passages, db.sections, db.terms, db.events, db.meta], async () => {
    // Forgetting the stored version lets loadCorpus replace a newer one.
    await db.meta.delete('corpus');
    return loadCorpus(db, check.corpus, { source: 'bundled' });
  });
}
