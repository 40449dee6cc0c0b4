/** Feeds for sync tests: a key pair, corpora evolved from a base, and published feed folders. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusHash } from '../../lib/corpus/hash';
import type { Corpus } from '../../lib/corpus/schema';
import { generateKeyPair, makeFeed, type FeedFiles } from '../../lib/sync/publish';

export interface TestKey {
  id: string;
  publicKey: string;
  privateKey: string;
}

/** A fresh Ed25519 key pair for a test run (never committed, never in the production build). */
export async function testKey(id = 'test-key'): Promise<TestKey> {
  return { id, ...(await generateKeyPair()) };
}

/** Recomputes the content hash after a test edited a corpus. */
export async function rehash(corpus: Corpus): Promise<Corpus> {
  corpus.hash = await corpusHash(corpus as unknown as Record<string, unknown>);
  return corpus;
}

/**
 * The next version: one new term, one term's summary changed, one passage removed (and every
 * reference to it), as the Must-show sequence needs.
 */
export async function evolve(base: Corpus, change: { newTerm: { id: string; label: string; alias: string; passage: string }; summaryOf: string; summary: string; removePassage: string }): Promise<Corpus> {
  const next = structuredClone(base);
  next.version = base.version + 1;
  next.passages = next.passages.filter((p) => p.id !== change.removePassage);
  for (const t of next.terms) {
    t.passages = t.passages.filter((id) => id !== change.removePassage);
    if (t.id === change.summaryOf) t.summary = change.summary;
  }
  next.events = next.events.map((e) => ({ ...e, passages: e.passages.filter((id) => id !== change.removePassage) }));
  next.terms.push({
    id: change.newTerm.id,
    label: change.newTerm.label,
    kind: 'concept',
    specificity: 'specific',
    summary: `${change.newTerm.label}, as the paper discusses it.`,
    contextOnly: false,
    related: [],
    passages: [change.newTerm.passage],
    aliases: [{ text: change.newTerm.alias, case: 'any', standalone: true }],
  });
  return rehash(next);
}

/** Publishes `corpus` into a new temporary folder; returns the folder and the feed. */
export async function publishToDir(corpus: Corpus | Uint8Array<ArrayBuffer>, key: TestKey, options: { published?: Date; validDays?: number; dir?: string } = {}): Promise<{ dir: string; feed: FeedFiles }> {
  const bytes = corpus instanceof Uint8Array ? corpus : new TextEncoder().encode(JSON.stringify(corpus));
  const version = (JSON.parse(new TextDecoder().decode(bytes)) as { version: number }).version;
  const feed = await makeFeed(bytes, { corpusVersion: version, published: options.published ?? new Date(), validDays: options.validDays ?? 30, keyId: key.id, privateKey: key.privateKey });
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'nkr-feed-'));
  for (const [name, data] of feed.files) writeFileSync(join(dir, name), data);
  return { dir, feed };
}
