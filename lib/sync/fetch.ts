/**
 * Network steps of a sync, each with a timeout and a size cap enforced before reading (from
 * Content-Length) and while reading (counting streamed bytes), so a hostile or broken host can
 * neither hang a sync nor fill memory.
 */

/** A failure a reader can understand; `message` goes into the sync log as is. */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly kind: SyncFailureKind,
  ) {
    super(message);
  }
}

export type SyncFailureKind = 'network' | 'timeout' | 'http' | 'not-json' | 'signature' | 'unknown-key' | 'manifest' | 'expired' | 'older' | 'too-large' | 'hash' | 'corpus' | 'permission' | 'interrupted' | 'database';

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** Fetches `url`, turning network errors, timeouts and HTTP errors into SyncErrors. */
export async function fetchWithTimeout(fetcher: Fetcher, url: string, init: RequestInit, timeoutMs: number, what: string): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetcher(url, { ...init, signal: controller.signal, credentials: 'omit', redirect: 'follow' });
  } catch (error) {
    clearTimeout(timer);
    if (controller.signal.aborted) throw new SyncError(`The feed did not answer within ${Math.round(timeoutMs / 1000)} s (${what}). Check your connection; the extension will try again later.`, 'timeout');
    throw new SyncError(`Could not reach the feed (${what}): ${(error as Error).message}. Check your connection; the extension will try again later.`, 'network');
  }
  // The body is read later under the same deadline: the timer is cleared once it is read.
  (response as Response & { done?: () => void }).done = () => clearTimeout(timer);
  if (response.status === 304) return response;
  if (!response.ok) {
    clearTimeout(timer);
    throw new SyncError(`The feed answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${what}.`, 'http');
  }
  return response;
}

/**
 * Reads a response body of at most `cap` bytes. Refuses before reading when Content-Length says
 * more, and aborts the download as soon as the count passes the cap.
 */
export async function readCapped(response: Response, cap: number, what: string, onBytes?: (received: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const done = (response as Response & { done?: () => void }).done ?? (() => {});
  try {
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > cap) {
      await response.body?.cancel().catch(() => {});
      throw new SyncError(`The ${what} is ${formatBytes(declared)}, over the ${formatBytes(cap)} limit, so it was not downloaded.`, 'too-large');
    }
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (error) {
        if (error instanceof SyncError) throw error;
        throw new SyncError(`The download of the ${what} was cut off (${(error as Error).message}).`, (error as Error).name === 'AbortError' ? 'timeout' : 'network');
      }
      if (step.done) break;
      received += step.value.byteLength;
      if (received > cap) {
        await reader.cancel().catch(() => {});
        throw new SyncError(`The ${what} grew past the ${formatBytes(cap)} limit while downloading, so it was dropped.`, 'too-large');
      }
      chunks.push(step.value);
      onBytes?.(received);
    }
    const out = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  } finally {
    done();
  }
}

/** Parses JSON bytes; a captive portal's login page or a truncated file gets a message of its own. */
export function parseJsonBytes(bytes: Uint8Array, what: string, contentType: string | null): unknown {
  const text = new TextDecoder().decode(bytes);
  if (/^\s*</.test(text) || /text\/html/i.test(contentType ?? '')) {
    throw new SyncError(`The feed sent a web page instead of the ${what}: a Wi-Fi login page (captive portal) or a wrong address? Sign in to the network or check the URL.`, 'not-json');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SyncError(`The ${what} is not valid JSON (truncated or damaged: ${(error as Error).message}).`, 'not-json');
  }
}

/** "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
