import { getDatabase } from '@/lib/db';
import { loadCorpusCache, type CorpusCache } from '@/lib/lookup';
import { askTab } from '@/lib/messages';
import { ensureBundledCorpus, oneAtATime, publishMatcherData } from './corpus-setup';
import { registerCorpusSync, resetCorpus, runSync, type SyncHooks } from './corpus-sync';
import { handleRequest } from './handle-request';
import { syncReaderSitesOrLog } from './site-access';
import { injectIntoOpenTabs } from './inject-open-tabs';

const CARD_UI_FILE = '/card-ui.js';

export default defineBackground(() => {
  // Listeners are registered synchronously, as MV3 service workers require.
  let cache: Promise<CorpusCache | null> | undefined;
  let setup: Promise<unknown> | undefined;
  const setUp = (afterUpdate = false) => {
    setup = ensureBundledCorpus(getDatabase(), readBundledCorpus)
      .then((outcome) => {
        if (outcome.status === 'loaded') cache = undefined;
        return publishMatcherData(getDatabase(), afterUpdate || outcome.status === 'loaded');
      })
      .catch((error) => console.error('[NK–RU Context] Corpus setup failed:', error));
    return setup;
  };

  const syncHooks: SyncHooks = {
    db: getDatabase,
    ready: () => setup ?? setUp(),
    readBundled: readBundledCorpus,
    corpusChanged: async () => {
      cache = undefined;
      await publishMatcherData(getDatabase(), true);
    },
    feedChanged: syncReaderSitesOrLog,
  };
  registerCorpusSync(syncHooks);

  /** For a page that found no matcher data: finish the setup, then publish if still missing. */
  const ensureMatcherData = oneAtATime(async () => {
    await (setup ?? setUp());
    return (await publishMatcherData(getDatabase())) !== null;
  });

  browser.runtime.onInstalled.addListener(() => {
    void setUp(true);
    void syncReaderSitesOrLog();
  });
  browser.runtime.onInstalled.addListener(() => void injectIntoOpenTabs());
  browser.runtime.onStartup.addListener(() => {
    void setUp();
  });
  browser.permissions.onAdded.addListener(() => {
    void syncReaderSitesOrLog();
  });
  browser.permissions.onRemoved.addListener(() => {
    void syncReaderSitesOrLog();
  });

  browser.runtime.onMessage.addListener((message, sender) =>
    handleRequest(message, sender, {
      ownId: browser.runtime.id,
      db: getDatabase,
      corpus: async () => {
        await (setup ?? setUp());
        cache ??= loadCorpusCache(getDatabase());
        return cache;
      },
      ensureMatcherData,
      injectCardUi: async (tabId, frameId) => {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_UI_FILE] });
      },
      drafts: browser.storage.session,
      sync: { now: () => runSync(syncHooks), reset: () => resetCorpus(syncHooks) },
      notifyTab: async (tabId, frameId, message) => {
        await browser.tabs.sendMessage(tabId, message, { frameId });
      },
    }),
  );

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'next-mention' && command !== 'previous-mention') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await askTab(tab.id, { type: 'step-mention', direction: command === 'next-mention' ? 1 : -1 }).catch(() => {
      // No content script on this page (not enabled here): nothing to step through.
    });
  });
});

async function readBundledCorpus(): Promise<unknown> {
  // corpus.json is added to the build by wxt.config.ts (build:publicAssets), so WXT's path types do not know it.
  const response = await fetch(browser.runtime.getURL('/corpus.json' as '/popup.html'));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
