/**
 * npm run corpus:publish -- [--key feed-key.private.json] [--out feed] [--days 30] [--corpus data/corpus.json]
 * Writes a feed folder from the built corpus: manifest.json (signed), manifest.json.sig and the
 * corpus under a hash-named file. The private key comes from --key (a file from corpus:keygen)
 * or the environment: NKR_FEED_PRIVATE_KEY (base64 PKCS#8) with NKR_FEED_KEY_ID.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeFeed } from '../../lib/sync/publish';

const args = process.argv.slice(2);
const option = (name: string, fallback?: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const outDir = resolve(option('--out', 'feed')!);
const corpusPath = resolve(option('--corpus', 'data/corpus.json')!);
const days = Number(option('--days', '30'));

function readKey(): { keyId: string; privateKey: string } {
  const path = option('--key');
  if (path) return JSON.parse(readFileSync(resolve(path), 'utf8'));
  const privateKey = process.env.NKR_FEED_PRIVATE_KEY;
  const keyId = process.env.NKR_FEED_KEY_ID;
  if (privateKey && keyId) return { keyId, privateKey };
  console.error('No signing key: pass --key <file from npm run corpus:keygen>, or set NKR_FEED_PRIVATE_KEY and NKR_FEED_KEY_ID.');
  process.exit(1);
}

const key = readKey();
const corpusBytes = new Uint8Array(readFileSync(corpusPath));
const { version } = JSON.parse(new TextDecoder().decode(corpusBytes)) as { version: number };
const feed = await makeFeed(corpusBytes, { corpusVersion: version, published: new Date(), validDays: days, keyId: key.keyId, privateKey: key.privateKey });
mkdirSync(outDir, { recursive: true });
for (const [name, bytes] of feed.files) writeFileSync(join(outDir, name), bytes);
console.log(`Feed for corpus version ${version} written to ${outDir}: ${[...feed.files.keys()].join(', ')}; expires ${feed.manifest.expires}.`);
console.log('Serve manifest.json and .sig with a short max-age and an ETag; the corpus file as immutable (see README).');
