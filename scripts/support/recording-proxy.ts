/**
 * A recording HTTP proxy on 127.0.0.1 that stands in for the whole network, for Firefox (its
 * prefs name it) and for Chromium's privacy test (--proxy-server). It answers
 * http://www.reuters.com/pages/... (and www.apnews.com) from tests/fixtures/pages, refuses every
 * other host, refuses every HTTPS tunnel, and records every request it sees, whoever made it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const PAGES_DIR = resolve(import.meta.dirname, '../../tests/fixtures/pages');
/** The listed news host the fixture pages are served as. */
export const NEWS_HOST = 'www.reuters.com';
/** A second listed host serving the same pages (for checks that compare two sites). */
export const OTHER_NEWS_HOST = 'www.apnews.com';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** One request the proxy saw: plain HTTP (`GET http://host/path`) or a tunnel (`CONNECT host:443`). */
export interface SeenRequest {
  method: string;
  url: string;
  host: string;
  at: number;
}

export interface NewsProxy {
  port: number;
  /** Every request since start (or since `clear()`), in order. */
  readonly seen: SeenRequest[];
  clear(): void;
  close(): Promise<void>;
}

function hostOf(req: IncomingMessage): string {
  if (req.method === 'CONNECT') return (req.url ?? '').replace(/:\d+$/, '');
  try {
    return new URL(req.url ?? '').hostname;
  } catch {
    return req.headers.host?.replace(/:\d+$/, '') ?? '';
  }
}

/**
 * The proxy. `routes` adds extra answers by absolute URL (a feed, say); anything else on the news
 * host comes from tests/fixtures/pages (`/pages/<file>`); every other host gets a 502.
 */
export async function startProxy(routes: Record<string, { type: string; body: string | Buffer }> = {}): Promise<NewsProxy> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const host = hostOf(req);
    // A proxied request names an absolute URL; one sent straight here names a path and a Host header.
    const absolute = (req.url ?? '').startsWith('/') ? `http://${host}${req.url}` : (req.url ?? '');
    seen.push({ method: req.method ?? '', url: absolute, host, at: Date.now() });
    const extra = routes[absolute];
    if (extra) {
      res.writeHead(200, { 'content-type': extra.type, 'cache-control': 'no-store' });
      res.end(extra.body);
      return;
    }
    if (host !== NEWS_HOST && host !== OTHER_NEWS_HOST) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('blocked by the test proxy');
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', `http://${host}`).pathname);
    const [, area, ...rest] = path.split('/');
    const file = area === 'pages' ? join(PAGES_DIR, ...rest) : null;
    if (!file || !file.startsWith(PAGES_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  // HTTPS goes through CONNECT: record it and refuse the tunnel, so nothing leaves the machine.
  server.on('connect', (req: IncomingMessage, socket) => {
    seen.push({ method: 'CONNECT', url: req.url ?? '', host: hostOf(req), at: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy did not start');
  return {
    port: address.port,
    seen,
    clear: () => {
      seen.length = 0;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * The requests that break the privacy promise: everything except the pages the test itself
 * opened and the browser's own favicon fetch for them. (The extension's files load from
 * chrome-extension:// or moz-extension:// and never reach the network.) `allowed` may also name
 * the feed URL the reader set.
 */
export function unexpectedRequests(seen: readonly SeenRequest[], allowed: readonly string[]): SeenRequest[] {
  const ok = new Set(allowed.map((u) => new URL(u).href));
  const pageHosts = new Set(allowed.map((u) => new URL(u).host));
  return seen.filter((r) => {
    if (r.method === 'CONNECT') return true;
    let url: URL;
    try {
      url = new URL(r.url);
    } catch {
      return true;
    }
    if (ok.has(url.href)) return false;
    return !(url.pathname === '/favicon.ico' && pageHosts.has(url.host));
  });
}
