/** The tab-message guard: what a content script accepts, and the reason it gives otherwise. */
import { describe, expect, it } from 'vitest';
import { parseTabRequest } from '../../lib/tab-messages';

describe('parseTabRequest', () => {
  it.each([
    [{ type: 'page-status' }, { type: 'page-status' }],
    [
      { type: 'step-mention', direction: -1 },
      { type: 'step-mention', direction: -1 },
    ],
    [
      { type: 'note-finished', token: 'abc', saved: true },
      { type: 'note-finished', token: 'abc', saved: true },
    ],
    [
      { type: 'reveal-term', termId: 'kim-jong-un' },
      { type: 'reveal-term', termId: 'kim-jong-un' },
    ],
    [{ type: 'mark-page', termId: 'dropped' }, { type: 'mark-page' }],
    [{ type: 'rescan' }, { type: 'rescan', repeat: 1 }],
    [
      { type: 'rescan', repeat: 20 },
      { type: 'rescan', repeat: 20 },
    ],
    // Extra fields are dropped, not passed on.
    [{ type: 'page-status', extra: { deep: 1 } }, { type: 'page-status' }],
  ])('accepts %j', (message, request) => {
    expect(parseTabRequest(message)).toEqual({ ok: true, request });
  });

  it.each([
    [null, /must be an object/],
    ['page-status', /must be an object/],
    [{ type: 'delete-everything' }, /Unknown tab request type/],
    [{ type: 'step-mention', direction: 2 }, /direction must be 1 or -1/],
    [{ type: 'step-mention' }, /direction must be 1 or -1/],
    [{ type: 'note-finished', token: '', saved: true }, /needs a token/],
    [{ type: 'note-finished', token: 'x'.repeat(201), saved: true }, /needs a token/],
    [{ type: 'note-finished', token: 'abc', saved: 'yes' }, /needs a token/],
    [{ type: 'reveal-term', termId: 'Kim Jong Un' }, /termId must be a term id/],
    [{ type: 'reveal-term', termId: 'a'.repeat(101) }, /termId must be a term id/],
    [{ type: 'rescan', repeat: 0 }, /repeat must be a whole number/],
    [{ type: 'rescan', repeat: 1.5 }, /repeat must be a whole number/],
    [{ type: 'rescan', repeat: 1e9 }, /repeat must be a whole number/],
  ])('refuses %j with a reason', (message, reason) => {
    const parsed = parseTabRequest(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(reason);
  });
});
