/**
 * Ed25519 signatures over the manifest's bytes (WebCrypto, in the browser and in Node 20), and
 * the list of keys this build trusts.
 */
import feedKeys from '../../data/feed-keys.json';

export interface FeedKey {
  id: string;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
}

declare const __NKR_TEST_FEED_KEYS__: string | undefined;

/**
 * The keys in data/feed-keys.json, plus (only in a test build, made by scripts/build-test-sync.ts
 * into its own folder) a key the end-to-end tests generated. A production build defines no test keys.
 */
export function trustedKeys(): FeedKey[] {
  const extra = typeof __NKR_TEST_FEED_KEYS__ === 'string' ? (JSON.parse(__NKR_TEST_FEED_KEYS__) as FeedKey[]) : [];
  return [...(feedKeys.keys as FeedKey[]), ...extra];
}

/** Base64 to bytes (atob exists in workers, pages and Node 20). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Bytes to base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export type SignatureCheck = { ok: true; keyId: string } | { ok: false; problem: string };

/** Checks that `signature` (base64) by key `keyId` covers exactly `bytes`. Never throws. */
export async function verifySignature(bytes: Uint8Array<ArrayBuffer>, keyId: string, signature: string, keys: readonly FeedKey[]): Promise<SignatureCheck> {
  const key = keys.find((k) => k.id === keyId);
  if (!key) return { ok: false, problem: `The feed is signed with a key this extension does not trust (“${keyId}”). Nothing was changed.` };
  try {
    const publicKey = await crypto.subtle.importKey('raw', fromBase64(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
    const valid = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, fromBase64(signature), bytes);
    return valid ? { ok: true, keyId } : { ok: false, problem: "The feed's signature does not match its manifest: it may have been tampered with. Nothing was changed." };
  } catch (error) {
    return { ok: false, problem: `The feed's signature could not be checked (${(error as Error).message}). Nothing was changed.` };
  }
}

/** Lower-case hex SHA-256 of `bytes`. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** True only in the test build (scripts/feed/build-test.ts), which may slow an apply down on purpose. */
export function isTestBuild(): boolean {
  return typeof __NKR_TEST_FEED_KEYS__ === 'string';
}
