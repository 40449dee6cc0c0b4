/**
 * npm run corpus:serve -- [--dir feed] [--port 8787]
 * Serves a feed folder on 127.0.0.1 with the cache headers a real host should send, for trying
 * sync by hand: set http://127.0.0.1:8787/manifest.json as the feed in the extension's settings.
 */
import { resolve } from 'node:path';
import { serveFeed } from './server';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const dir = resolve(option('--dir', 'feed'));
const server = await serveFeed(dir, Number(option('--port', '8787')));
console.log(`Serving ${dir} at http://127.0.0.1:${server.port}/manifest.json (Ctrl+C to stop).`);
