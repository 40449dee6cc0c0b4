/**
 * npm run corpus:keygen -- [--id publisher-2026] [--out feed-key.private.json]
 * Makes an Ed25519 key pair for signing corpus feeds. Writes the PRIVATE key to a file outside
 * the repository's tracked files (mode 600) and prints the public entry for data/feed-keys.json.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateKeyPair } from '../../lib/sync/publish';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const id = option('--id', `publisher-${new Date().toISOString().slice(0, 10)}`);
const out = resolve(option('--out', 'feed-key.private.json'));

if (existsSync(out)) {
  console.error(`${out} exists; refusing to overwrite a private key. Choose another --out.`);
  process.exit(1);
}
const pair = await generateKeyPair();
writeFileSync(out, `${JSON.stringify({ keyId: id, privateKey: pair.privateKey }, null, 2)}\n`, { mode: 0o600 });
console.log(`Private key written to ${out} (keep it secret; never commit it: *.private.json is git-ignored).`);
console.log('Add this entry to "keys" in data/feed-keys.json and rebuild the extension:');
console.log(JSON.stringify({ id, publicKey: pair.publicKey }, null, 2));
