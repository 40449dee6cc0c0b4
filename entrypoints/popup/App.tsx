import { useEffect, useState } from 'preact/hooks';
import { NotesView } from '@/components/notes/NotesView';
import { useSettings } from '@/components/shared/use-settings';
import { PagePanel, type SiteAccess } from '@/components/popup/PagePanel';
import { AccessNotice } from '@/components/site-access/AccessNotice';
import { PaperView } from '@/components/popup/PaperView';
import { PopupTabs } from '@/components/popup/PopupTabs';
import { PopupSyncStatus } from '@/components/sync/SyncStatusLine';
import type { Citation } from '@/lib/corpus/schema';
import { getDatabase } from '@/lib/db';
import { askBackground, askTab, type CorpusStatus } from '@/lib/messages';
import { addNote } from '@/lib/notes/store';
import type { PagePassage } from '@/lib/page-passages';
import { formatDay } from '@/lib/citation';
import { disablingEntries, siteKey, type Settings } from '@/lib/settings';
import { updateSettings } from '@/lib/storage';

/**
 * The tab the popup is about: the active tab of the last focused browser window. For the toolbar
 * popup that is the reader's tab; a popup window that does not take focus (how the end-to-end
 * tests open it) sees the same tab, so no test-only address parameter is needed.
 */
async function targetTab(): Promise<{ id: number; url?: string; title?: string } | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url, title: tab.title } : null;
}

type View = 'notes' | 'page';
/** ?view=page opens on "This page"; otherwise notes, with the search focused. */
const initialView = (): View => (new URLSearchParams(location.search).get('view') === 'page' ? 'page' : 'notes');

/**
 * The page's status once `settled` accepts it: the page applies a change itself (storage.onChanged)
 * or starts after injection, so ask until it answers with the new state, up to about two seconds,
 * then show what it says.
 */
async function statusWhen(tab: { id: number; url?: string } | null, settled: (access: SiteAccess) => boolean): Promise<SiteAccess> {
  let access = await readAccess(tab);
  for (let i = 0; i < 40 && !settled(access); i++) {
    await new Promise((r) => setTimeout(r, 50));
    access = await readAccess(tab);
  }
  return access;
}

async function readAccess(tab: { id: number; url?: string } | null): Promise<SiteAccess> {
  if (!tab) return { kind: 'unsupported' };
  try {
    const status = await askTab(tab.id, { type: 'page-status' });
    return { kind: 'running', status, site: status.site ?? '' };
  } catch {
    // No content script answered: either not a web page, or a site the reader has not enabled.
    const site = tab.url ? siteKey(tab.url) : null;
    return site ? { kind: 'not-enabled', site } : { kind: 'unsupported' };
  }
}

export function App() {
  const [error, setError] = useState<string | undefined>();
  const [settings, setSettings] = useSettings(setError);
  const [tab, setTab] = useState<{ id: number; url?: string; title?: string } | null>(null);
  const [view, setView] = useState<View>(initialView);
  const [paper, setPaper] = useState<{ passages: PagePassage[] | null; citation: Citation | null; error?: string }>({ passages: null, citation: null });
  const [access, setAccess] = useState<SiteAccess | null>(null);
  const [corpus, setCorpus] = useState<CorpusStatus | null>(null);

  useEffect(() => {
    void (async () => {
      const t = await targetTab();
      setTab(t);
      // Opened during the page's first scan: wait (briefly) for it, so the counts shown are painted on the page.
      setAccess(await statusWhen(t, (a) => a.kind !== 'running' || !a.status.running || a.status.scan !== null));
    })();
  }, []);

  // The corpus line (under "This page") is asked for only when that tab shows: counting the notes
  // walks the whole notes store, which would hold up the notes list's first read.
  useEffect(() => {
    if (view === 'page' && !corpus) void askBackground({ type: 'corpus-status' }).then(setCorpus, () => {});
  }, [view]);

  // What the paper says about the page: asked once the page has reported its terms.
  const termKey = access?.kind === 'running' ? access.status.terms.map((t) => `${t.id}:${t.count}`).join(',') : '';
  useEffect(() => {
    if (access?.kind !== 'running' || !access.status.terms.length) {
      setPaper({ passages: [], citation: null });
      return;
    }
    askBackground({ type: 'page-passages', terms: access.status.terms.map(({ id, count }) => ({ id, count })) }).then(
      (r) => setPaper({ passages: r.passages, citation: r.citation }),
      (e: Error) => setPaper({ passages: null, citation: null, error: e.message }),
    );
  }, [termKey]);

  /** Saves a passage as a note on this page, straight into the database (this is an extension page). */
  const savePassage = async (p: PagePassage) => {
    const term = p.terms[0];
    if (!tab?.url || !/^https?:/.test(tab.url) || !term) throw new Error('The extension cannot see this page’s address.');
    await addNote(getDatabase(), {
      termId: term.id,
      termLabel: term.label,
      quote: '',
      pageUrl: tab.url.slice(0, 4000),
      pageTitle: (tab.title ?? '').slice(0, 500),
      passageId: p.id,
      passageText: p.text,
      passageSection: p.sectionHeading,
      comment: '',
      tags: [],
    });
  };

  const site = access && access.kind !== 'unsupported' ? access.site : null;
  const change = async (patch: (s: Settings) => Partial<Settings>) => {
    try {
      const next = await updateSettings(patch);
      setSettings(next);
      // The page applies the change itself (storage.onChanged): wait until it reports the new state.
      const shouldRun = next.enabled && !(site && disablingEntries(next, site).length);
      setAccess(await statusWhen(tab, (a) => a.kind !== 'running' || a.status.running === shouldRun));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  /** Asks for access (the browser shows its own prompt), then starts on this tab at once. */
  const enable = async (origins: string[]) => {
    setError(undefined);
    try {
      const granted = await browser.permissions.request({ origins });
      if (!granted) {
        setError('Access was not granted, so nothing changed.');
        return;
      }
      if (tab) {
        const files = browser.runtime.getManifest().content_scripts?.[0];
        if (files?.css?.length) await browser.scripting.insertCSS({ target: { tabId: tab.id }, files: files.css });
        if (files?.js?.length) await browser.scripting.executeScript({ target: { tabId: tab.id }, files: files.js });
      }
      // The script was injected just now: wait until it answers from the page, and (briefly) for
      // its first scan, so the popup does not report a page it has not read yet.
      setAccess(await statusWhen(tab, (a) => a.kind === 'running' && (!a.status.running || a.status.scan !== null)));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>North Korea–Russia Context</h1>
        <button type="button" class="icon" aria-label="Settings" title="Settings" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </header>
      <AccessNotice tabUrl={tab?.url} />
      <PopupTabs<View>
        tabs={[
          { key: 'notes', label: 'Notes' },
          { key: 'page', label: 'This page' },
        ]}
        current={view}
        onChange={(v) => setView(v)}
      >
        {view === 'notes' ? (
          <NotesView
            db={getDatabase()}
            listHeight={340}
            footer={
              <a class="small" href="/notes.html" target="_blank" rel="noopener">
                All notes: export, import, bulk delete ↗
              </a>
            }
          />
        ) : (
          <>
            {access ? (
              <PagePanel
                access={access}
                enabledEverywhere={settings.enabled}
                siteDisabled={!!site && disablingEntries(settings, site).length > 0}
                onSiteToggle={(on) =>
                  site &&
                  void change((s) => {
                    // Turning on also lifts a switch-off made for a parent domain (bbc.co.uk for news.bbc.co.uk).
                    const off = new Set(disablingEntries(s, site));
                    return { disabledSites: on ? s.disabledSites.filter((d) => !off.has(d)) : [...new Set([...s.disabledSites, site])] };
                  })
                }
                onEverywhereToggle={(on) => void change(() => ({ enabled: on }))}
                onEnableSite={() => site && void enable([`*://${site}/*`, `*://*.${site}/*`])}
                onEnableAllSites={() => void enable(['*://*/*'])}
                onNextMention={() => tab && void askTab(tab.id, { type: 'step-mention', direction: 1 }).then(() => window.close())}
                onRevealTerm={(termId) =>
                  tab &&
                  void askTab(tab.id, { type: 'reveal-term', termId }).then(
                    (r) => {
                      if (r.found) window.close();
                    },
                    (e: Error) => setError(e.message),
                  )
                }
                onMarkPage={() =>
                  tab &&
                  void askTab(tab.id, { type: 'mark-page' }).then(
                    async () => setAccess(await statusWhen(tab, (a) => a.kind !== 'running' || a.status.onTopic)),
                    (e: Error) => setError(e.message),
                  )
                }
                paper={<PaperView passages={paper.passages} citation={paper.citation} error={paper.error} onSave={savePassage} />}
                error={error}
              />
            ) : (
              <p class="muted">Looking at this page…</p>
            )}
            <footer class="popup-footer muted">
              {corpus
                ? `${corpus.source === 'bundled' ? 'Bundled' : 'Updated'} corpus v${corpus.version}: ${corpus.terms} terms, ${corpus.passages} passages · ${corpus.notes} saved ${corpus.notes === 1 ? 'note' : 'notes'}`
                : 'The paper is being set up…'}
              <br />
              {corpus && (
                <>
                  Source: {corpus.citation.author}, {corpus.citation.publisher}, {formatDay(corpus.citation.published)}.
                </>
              )}
            </footer>
          </>
        )}
      </PopupTabs>
      {/* The corpus sync's status line (lib/sync), under either tab. */}
      <PopupSyncStatus />
    </main>
  );
}
