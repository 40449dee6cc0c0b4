import { describe, expect, it } from 'vitest';
import { planReaderScript } from '../../lib/reader-sites';

const curated = ['*://*.reuters.com/*', '*://*.bbc.co.uk/*'];
const files = { js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] };

describe('running on sites the reader enabled', () => {
  it('registers one script for every granted site beyond the curated list, excluding the curated ones', () => {
    const plan = planReaderScript([...curated, '*://example.org/*', '*://*.example.org/*'], curated, files, false);
    expect(plan).toEqual({
      action: 'register',
      script: expect.objectContaining({ matches: ['*://*.example.org/*', '*://example.org/*'], excludeMatches: curated, js: files.js, css: files.css, persistAcrossSessions: true }),
    });
  });

  it('updates the registration when the reader enables everything', () => {
    const plan = planReaderScript([...curated, '*://*/*'], curated, files, true);
    expect(plan.action).toBe('update');
    expect(plan.action === 'update' && plan.script.matches).toEqual(['*://*/*']);
  });

  it('unregisters once the last extra site is removed, and does nothing when there never was one', () => {
    expect(planReaderScript(curated, curated, files, true)).toEqual({ action: 'unregister' });
    expect(planReaderScript(curated, curated, files, false)).toEqual({ action: 'none' });
  });

  it('ignores origins that are not web pages', () => {
    expect(planReaderScript(['chrome-extension://abc/*', 'file:///*'], curated, files, false)).toEqual({ action: 'none' });
  });
});
