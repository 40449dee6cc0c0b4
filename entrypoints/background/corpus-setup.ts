/**
 * Keeps the database's corpus at least as new as the one bundled with the extension, and the
 * content scripts' matcher data in step with the database.
 */
import { validateAndLoad, type LoadOutcome } from '@/lib/corpus/load';
import type { ContextDatabase } from '@/lib/db';
import { MATCHER_DATA_KEY, toMatcherData, type MatcherData } from '@/lib/matcher-data';
import { CORPUS_REFUSAL_KEY, type CorpusRefusal } from '@/lib/corpus/refusal';

const LOG_PREFIX = '[NK–RU Context]';

async function recordRefusal(problems: string[]): Promise<void> {
  console.error(`${LOG_PREFIX} Refused the bundled corpus; stored data is unchanged.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const refusal: CorpusRefusal = { at: Date.now(), source: 'bundled', problems: problems.slice(0, 20) };
  await browser.storage.local.set({ [CORPUS_REFUSAL_KEY]: refusal }).catch(() => {});
}

/** Loads the bundled corpus if the stored one is older or absent; refuses (and says why) a bad one. */
export async function ensureBundledCorpus(db: ContextDatabase, readBundled: () => Promise<unknown>): Promise<LoadOutcome> {
  let bundled: unknown;
  try {
    bundled = await readBundled();
  } catch (error) {
    const problems = [`could not read the bundled corpus: ${(error as Error).message}`];
    await recordRefusal(problems);
    return { status: 'rejected', problems };
  }
  // Cheap path on every start: the same version and hash need no validation or writes.
  const stored = await db.meta.get('corpus');
  const offered = bundled as { version?: unknown; hash?: unknown } | null;
  if (stored && offered && typeof offered.version === 'number') {
    if (stored.version > offered.version) return { status: 'kept-newer', storedVersion: stored.version, offeredVersion: offered.version };
    if (stored.version === offered.version && stored.hash === offered.hash) return { status: 'unchanged', version: stored.version };
  }
  const outcome = await validateAndLoad(db, bundled, { source: 'bundled' });
  if (outcome.status === 'rejected') {
    await recordRefusal(outcome.problems);
  } else if (outcome.status === 'loaded') {
    console.info(`${LOG_PREFIX} Loaded bundled corpus version ${outcome.version}.`);
    // A good corpus is in: an old refusal no longer describes the extension's state.
    await browser.storage.local.remove(CORPUS_REFUSAL_KEY).catch(() => {});
  }
  return outcome;
}

/**
 * Writes the matcher data for content scripts if it is missing or stale. `force` after an
 * extension update: the packed automaton's format may have changed with the code.
 */
export async function publishMatcherData(db: ContextDatabase, force = false): Promise<MatcherData | null> {
  const meta = await db.meta.get('corpus');
  if (!meta) return null;
  const current = (await browser.storage.local.get(MATCHER_DATA_KEY))[MATCHER_DATA_KEY] as MatcherData | undefined;
  if (!force && current?.hash === meta.hash) return current;
  const data = toMatcherData({ version: meta.version, hash: meta.hash, terms: await db.terms.toArray(), stops: meta.stops });
  await browser.storage.local.set({ [MATCHER_DATA_KEY]: data });
  return data;
}

/**
 * Runs `work` at most once at a time: callers that arrive while it runs share its result. Pages
 * that find no matcher data all ask at once (every open tab after a restart); each would otherwise
 * compile the automaton and rewrite the data, and every write makes every tab rescan.
 */
export function oneAtATime<T>(work: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () =>
    (running ??= work().finally(() => {
      running = undefined;
    }));
}
