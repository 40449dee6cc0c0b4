/**
 * Every key the extension keeps in browser storage, with its type, as WXT storage items: the one
 * place a newcomer adds or changes one. Items give defaults, a typed watch and versioned
 * migrations. Content scripts read the same keys raw (`STORAGE_KEYS` with the parse functions),
 * so that the page-load script does not carry the storage library.
 */
import { storage } from 'wxt/utils/storage';
import { CORPUS_REFUSAL_KEY, type CorpusRefusal } from './corpus/refusal';
import { MATCHER_DATA_KEY, parseMatcherData, type MatcherData } from './matcher-data';
import { DEFAULT_SETTINGS, mergeSettings, parseSettings, SETTINGS_KEY, type Settings } from './settings';
import { SYNC_LOG_KEY, SYNC_PROGRESS_KEY, SYNC_SETTINGS_KEY, SYNC_STATE_KEY } from './sync/state';

/** The keys in storage.local, and what each holds. */
export const STORAGE_KEYS = {
  /** The reader's settings (lib/settings.ts). */
  settings: SETTINGS_KEY,
  /** What content scripts match against, published by the background (lib/matcher-data.ts). */
  matcherData: MATCHER_DATA_KEY,
  /** The last corpus the extension refused, for the options page to explain (lib/corpus/refusal.ts). */
  corpusRefusal: CORPUS_REFUSAL_KEY,
  /** Corpus sync (lib/sync/state.ts, each read with its parse function): the feed address and interval… */
  syncSettings: SYNC_SETTINGS_KEY,
  /** …the last ETag, failure count and retry time, and the mid-apply marker… */
  syncState: SYNC_STATE_KEY,
  /** …the sync log, newest first (at most 50)… */
  syncLog: SYNC_LOG_KEY,
  /** …and a running sync's stage and progress, for the popup and options page. */
  syncProgress: SYNC_PROGRESS_KEY,
} as const;

/**
 * The reader's settings. Version 2 stores them normalised: the migration from version 1 (stored
 * as the reader left them, possibly with fields an older build wrote) keeps only valid fields.
 */
export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: (old: unknown) => parseSettings(old) },
});

/** The matcher data content scripts read at page start. */
export const matcherDataItem = storage.defineItem<MatcherData | null>(`local:${MATCHER_DATA_KEY}`, { fallback: null });

/** The record of the last refused corpus; removed when a good one loads. */
export const corpusRefusalItem = storage.defineItem<CorpusRefusal | null>(`local:${CORPUS_REFUSAL_KEY}`, { fallback: null });

/** The settings as stored, each invalid field defaulted (storage is ours, but read defensively). */
export async function readSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Read-modify-write of the settings; returns the new value. */
export async function updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const next = mergeSettings(await settingsItem.getValue(), change);
  await settingsItem.setValue(next);
  return next;
}

/** Calls `onChange` with the new settings whenever any context changes them; returns the unwatch. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(parseSettings(value)));
}

/** The matcher data, or null when none is published or it is malformed. */
export async function readMatcherData(): Promise<MatcherData | null> {
  return parseMatcherData(await matcherDataItem.getValue());
}
