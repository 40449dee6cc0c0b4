import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, pageVerdict, parseSettings, readSettings, siteKey, updateSettings } from '../../lib/settings';

describe('settings', () => {
  it('defaults what is missing and drops what is malformed, keeping the rest', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ style: 'strong', hoverDelayMs: 'soon', disabledSites: 'all', firstMentionOnly: true })).toEqual({ ...DEFAULT_SETTINGS, style: 'strong', firstMentionOnly: true });
    expect(parseSettings({ hoverDelayMs: 99999 }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(parseSettings({ hoverDelayMs: 449.6 }).hoverDelayMs).toBe(450);
  });

  it('names sites without www and refuses what is not a web page', () => {
    expect(siteKey('https://www.reuters.com/world/')).toBe('reuters.com');
    expect(siteKey('https://edition.cnn.com/')).toBe('edition.cnn.com');
    expect(siteKey('chrome://extensions')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
  });

  it('turns off for a site and its subdomains, or everywhere', () => {
    const off = { ...DEFAULT_SETTINGS, disabledSites: ['bbc.co.uk'] };
    expect(pageVerdict(off, 'https://www.bbc.co.uk/news')).toEqual({ run: false, reason: 'disabled-on-site' });
    expect(pageVerdict(off, 'https://news.bbc.co.uk/x')).toEqual({ run: false, reason: 'disabled-on-site' });
    expect(pageVerdict(off, 'https://notbbc.co.uk/x')).toEqual({ run: true });
    expect(pageVerdict({ ...DEFAULT_SETTINGS, enabled: false }, 'https://reuters.com')).toEqual({ run: false, reason: 'disabled-everywhere' });
  });

  it('stores changes in extension storage, where every tab sees them', async () => {
    await updateSettings(() => ({ style: 'strong' }));
    await updateSettings((s) => ({ hiddenTerms: [...s.hiddenTerms, 'sanctions'] }));
    expect(await readSettings()).toMatchObject({ style: 'strong', hiddenTerms: ['sanctions'] });
  });
});

describe('switching a site back on', () => {
  it('finds the switch-off made for a parent domain too', async () => {
    const { disablingEntries } = await import('../../lib/settings');
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['bbc.co.uk', 'example.org'] };
    expect(disablingEntries(s, 'news.bbc.co.uk')).toEqual(['bbc.co.uk']);
    expect(disablingEntries(s, 'bbc.co.uk')).toEqual(['bbc.co.uk']);
    expect(disablingEntries(s, 'reuters.com')).toEqual([]);
  });
});
