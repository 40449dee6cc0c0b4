/**
 * The reader's settings: their type, defaults and the pure rules on them. Stored in extension
 * storage (the item, reads, writes and the watch are in lib/storage.ts) so every context and
 * every open tab sees a change at once. Read defensively: a bad stored value falls back to the
 * default instead of breaking the page.
 */

export type HighlightStyle = 'quiet' | 'strong';

export interface Settings {
  /** Off switch for every site. */
  enabled: boolean;
  /** Sites (host names without "www.") where the reader turned highlighting off. */
  disabledSites: string[];
  /** quiet: a dotted underline; strong: a tinted background. */
  style: HighlightStyle;
  /** Mark only the first mention of each term on a page. */
  firstMentionOnly: boolean;
  /** How long the pointer rests on a mention before its card shows, in ms. */
  hoverDelayMs: number;
  /** Terms the reader chose not to see highlighted. */
  hiddenTerms: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  style: 'quiet',
  firstMentionOnly: false,
  hoverDelayMs: 300,
  hiddenTerms: [],
});

export const SETTINGS_KEY = 'settings';
export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 10_000 && v.every((s) => typeof s === 'string' && s.length <= 300);

/** Keeps each valid field of a stored value and defaults the rest. */
export function parseSettings(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const delay = s.hoverDelayMs;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: isStringList(s.disabledSites) ? s.disabledSites : [],
    style: s.style === 'strong' || s.style === 'quiet' ? s.style : DEFAULT_SETTINGS.style,
    firstMentionOnly: typeof s.firstMentionOnly === 'boolean' ? s.firstMentionOnly : DEFAULT_SETTINGS.firstMentionOnly,
    hoverDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay >= HOVER_DELAY_RANGE.min && delay <= HOVER_DELAY_RANGE.max ? Math.round(delay) : DEFAULT_SETTINGS.hoverDelayMs,
    hiddenTerms: isStringList(s.hiddenTerms) ? s.hiddenTerms : [],
  };
}

/** The settings after `change`, from whatever is stored now: one merge rule for every writer. */
export function mergeSettings(stored: unknown, change: (current: Settings) => Partial<Settings>): Settings {
  const current = parseSettings(stored);
  return parseSettings({ ...current, ...change(current) });
}

/**
 * Read-modify-write from a content script, on the raw key: the page-load script does not carry
 * WXT's storage library (about 3 KB gzipped). Pages and the background use lib/storage.ts.
 */
export async function updateSettingsFromPage(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const next = mergeSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], change);
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/**
 * A change the reader asked for from a card ("don't highlight", "turn off here"), made without
 * waiting: a failure is logged with what did not happen, never dropped. Resolves either way.
 */
export async function changeSettingsFromPage(what: string, change: (current: Settings) => Partial<Settings>): Promise<boolean> {
  try {
    await updateSettingsFromPage(change);
    return true;
  } catch (error) {
    console.error(`[NK–RU Context] Could not ${what}: your settings were not saved.`, error);
    return false;
  }
}

/** The key a site is remembered by: its host name without a leading "www.". */
export function siteKey(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The entries of `disabledSites` that switch `site` off: the site itself or a parent domain. */
export function disablingEntries(settings: Settings, site: string): string[] {
  return settings.disabledSites.filter((d) => d === site || site.endsWith(`.${d}`));
}

/** Whether highlighting should run on a page, and if not, why. */
export function pageVerdict(settings: Settings, url: string): { run: true } | { run: false; reason: 'disabled-everywhere' | 'disabled-on-site' } {
  if (!settings.enabled) return { run: false, reason: 'disabled-everywhere' };
  const site = siteKey(url);
  if (site && disablingEntries(settings, site).length) return { run: false, reason: 'disabled-on-site' };
  return { run: true };
}
