/**
 * A static feed server on 127.0.0.1 with the headers a publisher should use: the manifest and its
 * signature revalidate (short max-age, strong ETag, 304 on If-None-Match); hash-named corpus
 * files are immutable. Used by corpus:serve, the end-to-end tests and the bench.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';

export interface FeedServer {
  port: number;
  /** Every request seen: method, path and status, for tests. */
  requests: { path: string; status: number; ifNoneMatch?: string }[];
  /** Replace how one path is answered (tests simulate broken hosts); null restores the files. */
  override(path: string, handler: ((req: IncomingMessage, res: ServerResponse) => void) | null): void;
  /** Serve another folder. */
  setDir(dir: string): void;
  close(): Promise<void>;
}

/** Starts the server; port 0 picks a free one. */
export async function serveFeed(dir: string, port = 0): Promise<FeedServer> {
  let root = dir;
  const overrides = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const requests: FeedServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const ifNoneMatch = req.headers['if-none-match'];
    res.on('finish', () => requests.push({ path, status: res.statusCode, ...(ifNoneMatch ? { ifNoneMatch } : {}) }));
    const custom = overrides.get(path);
    if (custom) return custom(req, res);
    const name = path.slice(1);
    const file = join(root, name);
    if (!/^[\w.-]+$/.test(name) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = readFileSync(file);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const immutable = /^corpus-[0-9a-f]+\.json$/.test(name);
    const headers = {
      'content-type': 'application/json',
      etag,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
      // Extension pages and workers fetch with host permission; CORS is only for trying it from a web page.
      'access-control-allow-origin': '*',
    };
    if (ifNoneMatch === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': body.byteLength }).end(body);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  return {
    port: address.port,
    requests,
    override(path, handler) {
      if (handler) overrides.set(path, handler);
      else overrides.delete(path);
    },
    setDir(next) {
      root = next;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
