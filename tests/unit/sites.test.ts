/** The curated site list: each host listed once, none already covered by another (a listed host covers its subdomains). */
import { describe, expect, it } from 'vitest';
import { CURATED_HOSTS, CURATED_MATCHES } from '@/lib/sites';

describe('the curated site list', () => {
  it('lists each host once', () => {
    expect(new Set(CURATED_HOSTS).size).toBe(CURATED_HOSTS.length);
  });

  it('lists no host that a shorter listed host already covers', () => {
    const covered = CURATED_HOSTS.filter((host) => CURATED_HOSTS.some((other) => other !== host && host.endsWith(`.${other}`)));
    expect(covered).toEqual([]);
  });

  it('keeps hosts bare, so each match pattern covers the host and its subdomains', () => {
    for (const host of CURATED_HOSTS) expect(host).toMatch(/^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(CURATED_MATCHES).toContain('*://*.kbs.co.kr/*');
    expect(CURATED_MATCHES).not.toContain('*://*.news.kbs.co.kr/*');
  });
});
