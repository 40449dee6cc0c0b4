/**
 * Failures that used to pass in silence now say so: the reader-sites sync behind the background's
 * event listeners, and a page matcher that does not unpack.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncReaderSitesOrLog } from '../../entrypoints/background/site-access';
import { automatonOf, toMatcherData } from '../../lib/matcher-data';
import { findMatches } from '../../lib/matcher';
import { shippedCorpus } from '../support/db-factory';

describe('failures the reader would not otherwise see', () => {
  it('logs a reader-sites sync that fails, instead of an unhandled rejection', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1', content_scripts: [{ matches: ['*://*.reuters.com/*'], js: ['content-scripts/content.js'] }] });
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockRejectedValue(new Error('permissions unavailable'));
    expect(await syncReaderSitesOrLog()).toBe(false);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/Could not update the sites you enabled/), expect.objectContaining({ message: 'permissions unavailable' }));
    error.mockRestore();
  });

  it('compiles the matcher on the page when the packed one does not unpack, and says so', () => {
    const data = toMatcherData(shippedCorpus());
    const warnings: string[] = [];
    const good = automatonOf(data, (m) => warnings.push(m));
    expect(warnings).toEqual([]);
    const broken = automatonOf({ ...data, packed: `${data.packed!.slice(0, 40)}garbage` }, (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringMatching(/did not unpack; compiling it on this page instead/)]);
    // The fallback still finds what the packed matcher finds.
    const text = 'Kim Jong Un flew to the Vostochny Cosmodrome.';
    expect(findMatches(broken, text).map((m) => m.termId)).toEqual(findMatches(good, text).map((m) => m.termId));
    expect(findMatches(broken, text).length).toBeGreaterThan(1);
  });
});
