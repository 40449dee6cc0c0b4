/**
 * The publisher's side of a feed, shared by `npm run corpus:publish`, the tests and the bench:
 * a manifest naming a hash-named corpus file, and its detached Ed25519 signature.
 */
import { FEED_FORMAT_VERSION, type FeedManifest } from './manifest';
import { fromBase64, sha256Hex, toBase64 } from './keys';

export interface FeedFiles {
  /** File name → bytes, all to be served from one folder. */
  files: Map<string, Uint8Array<ArrayBuffer>>;
  manifest: FeedManifest;
}

export interface PublishOptions {
  /** The corpus's version (read from its JSON). */
  corpusVersion: number;
  published: Date;
  /** How long readers accept this manifest; the publisher must re-sign before then. */
  validDays: number;
  keyId: string;
  /** PKCS#8 private key, base64. */
  privateKey: string;
}

/** Makes `manifest.json`, `manifest.json.sig` and `corpus-<hash>.json` for `corpusBytes`. */
export async function makeFeed(corpusBytes: Uint8Array<ArrayBuffer>, options: PublishOptions): Promise<FeedFiles> {
  const sha256 = await sha256Hex(corpusBytes);
  const corpusFile = `corpus-${sha256.slice(0, 16)}.json`;
  const manifest: FeedManifest = {
    format: FEED_FORMAT_VERSION,
    corpusVersion: options.corpusVersion,
    published: options.published.toISOString(),
    expires: new Date(options.published.getTime() + options.validDays * 86_400_000).toISOString(),
    corpus: { url: corpusFile, size: corpusBytes.byteLength, sha256 },
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const signature = await signBytes(manifestBytes, options.privateKey);
  const sigBytes = new TextEncoder().encode(`${JSON.stringify({ keyId: options.keyId, signature }, null, 2)}\n`);
  return {
    manifest,
    files: new Map([
      ['manifest.json', manifestBytes],
      ['manifest.json.sig', sigBytes],
      [corpusFile, corpusBytes],
    ]),
  };
}

/** Base64 Ed25519 signature of `bytes` with a PKCS#8 (base64) private key. */
export async function signBytes(bytes: Uint8Array<ArrayBuffer>, privateKey: string): Promise<string> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(privateKey), { name: 'Ed25519' }, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, bytes)));
}

/** A new key pair: the public key as the extension lists it, the private key as PKCS#8, both base64. */
export async function generateKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    publicKey: toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))),
    privateKey: toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))),
  };
}
