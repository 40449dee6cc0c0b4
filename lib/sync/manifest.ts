/**
 * The feed's manifest: a small signed file naming the corpus a publisher offers. The signature
 * covers the manifest's exact bytes, so nothing in it can be changed without the private key.
 * docs/corpus-format.md ("Feed") describes the same shapes in prose.
 */
import * as v from 'valibot';
import { describeIssues } from '../corpus/issues';

/** Bumped when the manifest's shape changes; a reader refuses a format it does not know. */
export const FEED_FORMAT_VERSION = 1;

const IsoDateTime = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 date and time such as 2026-01-31T12:00:00Z'));

export const FeedManifestSchema = v.strictObject({
  format: v.literal(FEED_FORMAT_VERSION),
  /** The corpus's own `version`: monotonic, a reader never goes back. */
  corpusVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  published: IsoDateTime,
  /** After this, a reader refuses the manifest: a replayed old manifest cannot freeze readers on stale data. */
  expires: IsoDateTime,
  corpus: v.strictObject({
    /** Relative to the manifest's URL (usually a hashed file name next to it), on the same origin. */
    url: v.pipe(v.string(), v.minLength(1), v.maxLength(2000)),
    size: v.pipe(v.number(), v.integer(), v.minValue(1)),
    /** Lower-case hex SHA-256 of the corpus file's bytes. */
    sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')),
  }),
});
export type FeedManifest = v.InferOutput<typeof FeedManifestSchema>;

/** The detached signature, served next to the manifest as `<manifest URL>.sig`. */
export const FeedSignatureSchema = v.strictObject({
  /** Which trusted key signed (data/feed-keys.json). */
  keyId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  /** Base64 Ed25519 signature (64 bytes) over the manifest file's exact bytes. */
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 Ed25519 signature')),
});
export type FeedSignature = v.InferOutput<typeof FeedSignatureSchema>;

/** Parses a value already known to be signed; says what is wrong otherwise. */
export function parseManifest(value: unknown): { ok: true; manifest: FeedManifest } | { ok: false; problem: string } {
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format !== FEED_FORMAT_VERSION) return { ok: false, problem: `The feed uses manifest format ${format}; this extension reads format ${FEED_FORMAT_VERSION}. Update the extension.` };
  const parsed = v.safeParse(FeedManifestSchema, value);
  if (!parsed.success) return { ok: false, problem: `The feed's manifest is malformed (${describeIssues('manifest', parsed.issues)[0]}).` };
  if (Date.parse(parsed.output.expires) <= Date.parse(parsed.output.published)) return { ok: false, problem: "The feed's manifest expires before it was published." };
  return { ok: true, manifest: parsed.output };
}

/** The signature's URL for a manifest URL. */
export const signatureUrl = (manifestUrl: string): string => `${manifestUrl}.sig`;
