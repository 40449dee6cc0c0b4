/**
 * A short fingerprint per stored row, kept in the corpus meta, so a sync finds what changed
 * without reading 10,000 passages back from IndexedDB (that read was most of a small diff's time).
 */
import type { Corpus } from '../corpus/schema';
import { TABLES, type CorpusDiff, type TableName } from './diff';

/** Per table, "id hash" lines: one string a table, cheap to store and to read back. */
export type RowHashes = Record<TableName, string>;

/** cyrb53 (public domain, bryc): a fast 53-bit string hash; a collision would need ~2^26 rows. */
export function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Fingerprints of every row of `corpus`, by table and id. */
export function fingerprintCorpus(corpus: Pick<Corpus, TableName>): Record<TableName, Map<string, string>> {
  const out = {} as Record<TableName, Map<string, string>>;
  // Rows come out of one schema, so JSON.stringify's key order is stable from version to version;
  // if it ever changed, every row would look changed and be rewritten: slower, never wrong.
  for (const t of TABLES) out[t] = new Map((corpus[t] as { id: string }[]).map((row) => [row.id, cyrb53(JSON.stringify(row))]));
  return out;
}

/** For the meta record. */
export function encodeHashes(hashes: Record<TableName, Map<string, string>>): RowHashes {
  const out = {} as RowHashes;
  for (const t of TABLES) out[t] = [...hashes[t]].map(([id, h]) => `${id} ${h}`).join('\n');
  return out;
}

/** From the meta record; null when any table is missing (then the sync reads the rows instead). */
export function decodeHashes(stored: unknown): Record<TableName, Map<string, string>> | null {
  if (!stored || typeof stored !== 'object') return null;
  const out = {} as Record<TableName, Map<string, string>>;
  for (const t of TABLES) {
    const text = (stored as Record<string, unknown>)[t];
    if (typeof text !== 'string') return null;
    out[t] = new Map(text ? text.split('\n').map((line) => line.split(' ') as [string, string]) : []);
  }
  return out;
}

/** The diff from fingerprints alone: new ids are added, different fingerprints changed, missing ids removed. */
export function diffByHashes(before: Record<TableName, Map<string, string>>, after: Record<TableName, Map<string, string>>, corpus: Pick<Corpus, TableName>): CorpusDiff {
  const diff = {} as Record<TableName, { added: unknown[]; changed: unknown[]; removed: string[] }>;
  for (const t of TABLES) {
    const old = before[t];
    const added: unknown[] = [];
    const changed: unknown[] = [];
    for (const row of corpus[t] as { id: string }[]) {
      const prev = old.get(row.id);
      if (prev === undefined) added.push(row);
      else if (prev !== after[t].get(row.id)) changed.push(row);
    }
    diff[t] = { added, changed, removed: [...old.keys()].filter((id) => !after[t].has(id)) };
  }
  return diff as CorpusDiff;
}
