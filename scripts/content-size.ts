/**
 * The content script's size at page load, gzipped (level 9, as the benchmark reports it): the
 * JavaScript and CSS the manifest injects into every matching page, from the built extension.
 *   npx tsx scripts/content-size.ts [.output/chrome-mv3]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; css?: string[] }[] };
const files = [...new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]))];
let total = 0;
for (const file of files) {
  const bytes = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  total += bytes;
  console.log(`${file}: ${bytes} B gzipped`);
}
console.log(`content script at page load: ${total} B gzipped (${(total / 1024).toFixed(1)} KiB)`);
