import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changeSettingsFromPage, DEFAULT_SETTINGS, pageVerdict, parseSettings, siteKey } from '../../lib/settings';
import { readSettings, settingsItem, updateSettings, watchSettings } from '../../lib/storage';

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
    // Under the key content scripts read raw.
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ style: 'strong', hiddenTerms: ['sanctions'] });
  });

  it('tells a watcher of every change, parsed, and stops when unwatched', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings((s) => seen.push(s.style));
    await updateSettings(() => ({ style: 'strong' }));
    await fakeBrowser.storage.local.set({ settings: { style: 'loud' } }); // another context wrote junk
    await expect.poll(() => seen).toEqual(['strong', 'quiet']);
    unwatch();
    await updateSettings(() => ({ style: 'strong' }));
    expect(seen).toEqual(['strong', 'quiet']);
  });

  it('migrates version-1 settings to the normalised version 2', async () => {
    await fakeBrowser.storage.local.set({ settings: { style: 'strong', hoverDelayMs: -5, legacyField: 1 } });
    await settingsItem.migrate();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ ...DEFAULT_SETTINGS, style: 'strong' });
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: 2 });
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

describe('a card’s settings change', () => {
  it('saves it on the key every context reads', async () => {
    expect(await changeSettingsFromPage('hide', () => ({ hiddenTerms: ['sanctions'] }))).toBe(true);
    expect(await readSettings()).toMatchObject({ hiddenTerms: ['sanctions'] });
  });

  it('says in the console what was not saved when storage refuses, instead of failing silently', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await changeSettingsFromPage('stop highlighting this term', (s) => ({ hiddenTerms: [...s.hiddenTerms, 'x'] }))).toBe(false);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/Could not stop highlighting this term: your settings were not saved/), expect.objectContaining({ message: expect.stringMatching(/quota/) }));
    error.mockRestore();
  });
});

describe('the storage keys', () => {
  it('are listed once, each a different key', async () => {
    const { STORAGE_KEYS } = await import('../../lib/storage');
    const keys = Object.values(STORAGE_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['settings', 'matcherData', 'corpusRefusal', 'syncSettings']));
  });
});
