/**
 * npm run build:test-sync -- '<keys JSON>'   (or NKR_TEST_FEED_KEYS in the environment)
 * Builds a TEST extension that also trusts the given feed keys, into .output/test-sync/chrome-mv3
 * (Firefox: .output/test-sync/firefox-mv3, for the Firefox sync test).
 * The production build (npm run build, .output/chrome-mv3) never gets them. The sync end-to-end
 * tests and the bench call `buildTestExtension` with a key pair they just generated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeedKey } from '../../lib/sync/keys';

const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_EXTENSION_DIR = join(ROOT, '.output/test-sync/chrome-mv3');

/** Builds the test extension trusting `keys` (for Chromium, or Firefox MV3 into .output/test-sync/firefox-mv3); returns its folder. */
export function buildTestExtension(keys: FeedKey[], browser: 'chrome' | 'firefox' = 'chrome'): string {
  const dir = browser === 'firefox' ? join(ROOT, '.output/test-sync/firefox-mv3') : TEST_EXTENSION_DIR;
  const args = browser === 'firefox' ? ['wxt', 'build', '-b', 'firefox', '--mv3'] : ['wxt', 'build'];
  const result = spawnSync('npx', args, { cwd: ROOT, env: { ...process.env, NKR_TEST_FEED_KEYS: JSON.stringify(keys) }, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(join(dir, 'manifest.json'))) throw new Error(`test build failed:\n${result.stdout}\n${result.stderr}`);
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const keys = process.argv[2] ?? process.env.NKR_TEST_FEED_KEYS;
  if (!keys) {
    console.error('Pass the keys as JSON: [{"id":"test","publicKey":"<base64>"}]');
    process.exit(1);
  }
  console.log(`Test build trusting ${(JSON.parse(keys) as FeedKey[]).map((k) => k.id).join(', ')} in ${buildTestExtension(JSON.parse(keys))}`);
}
