import { describe, expect, it } from 'vitest';
import { patternHost, withdrawnHostFor, withdrawnPatterns } from '@/lib/host-access';

const declared = ['*://*.reuters.com/*', '*://*.bbc.co.uk/*', '*://*.kbs.co.kr/*'];

describe('withdrawn site access', () => {
  it('reads the host of a match pattern', () => {
    expect(patternHost('*://*.reuters.com/*')).toBe('reuters.com');
    expect(patternHost('https://news.example.org/path/*')).toBe('news.example.org');
    expect(patternHost('*://*/*')).toBeNull();
    expect(patternHost('<all_urls>')).toBeNull();
  });

  it('lists the declared patterns the browser no longer grants', () => {
    expect(withdrawnPatterns(declared, declared)).toEqual([]);
    expect(withdrawnPatterns(declared, ['*://*.reuters.com/*'])).toEqual(['*://*.bbc.co.uk/*', '*://*.kbs.co.kr/*']);
    expect(withdrawnPatterns(declared, [])).toHaveLength(3);
  });

  it('counts access to every site as access to each listed one', () => {
    expect(withdrawnPatterns(declared, ['*://*/*'])).toEqual([]);
  });

  it('names the withdrawn host a tab is on, subdomains included', () => {
    const withdrawn = ['*://*.kbs.co.kr/*'];
    expect(withdrawnHostFor('https://news.kbs.co.kr/a', withdrawn)).toBe('kbs.co.kr');
    expect(withdrawnHostFor('https://kbs.co.kr/', withdrawn)).toBe('kbs.co.kr');
    expect(withdrawnHostFor('https://notkbs.co.kr/', withdrawn)).toBeNull();
    expect(withdrawnHostFor(undefined, withdrawn)).toBeNull();
    expect(withdrawnHostFor('not a url', withdrawn)).toBeNull();
  });
});
