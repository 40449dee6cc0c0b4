/**
 * Answers the tab messages of lib/tab-messages.ts: each is checked where it arrives (sender and
 * shape) and handed to the feature that registered for its type; every answer is an envelope.
 */
import type { Envelope } from '@/lib/messages';
import { parseTabRequest, type TabRequest, type TabResponses } from '@/lib/tab-messages';

type Handler<K extends TabRequest['type']> = (request: Extract<TabRequest, { type: K }>) => TabResponses[K] | Promise<TabResponses[K]>;

export class TabRouter {
  private readonly handlers = new Map<string, (request: TabRequest) => unknown>();

  /** Registers the answer to one request type (one feature per type). */
  on<K extends TabRequest['type']>(type: K, handler: Handler<K>): void {
    this.handlers.set(type, handler as (request: TabRequest) => unknown);
  }

  /** Starts answering; stops when `signal` aborts. */
  listen(signal: AbortSignal): void {
    const listener = (message: unknown, sender: { id?: string }): Promise<Envelope<unknown>> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const parsed = parseTabRequest(message);
      if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
      const handler = this.handlers.get(parsed.request.type);
      if (!handler) return undefined;
      return Promise.resolve()
        .then(() => handler(parsed.request))
        .then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
        );
    };
    browser.runtime.onMessage.addListener(listener);
    signal.addEventListener('abort', () => {
      try {
        browser.runtime.onMessage.removeListener(listener);
      } catch {
        /* the extension is gone */
      }
    });
  }
}
