import { useEffect, useState } from 'preact/hooks';
import { SettingsForm } from '@/components/options/SettingsForm';
import { SyncSection } from '@/components/options/SyncSection';
import { CORPUS_REFUSAL_KEY, type CorpusRefusal } from '@/lib/corpus/refusal';
import { askBackground, type CorpusStatus } from '@/lib/messages';
import { MATCHER_DATA_KEY, parseMatcherData } from '@/lib/matcher-data';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, updateSettings, type Settings } from '@/lib/settings';

export function App() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [labels, setLabels] = useState(new Map<string, string>());
  const [corpus, setCorpus] = useState<CorpusStatus | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [saved, setSaved] = useState('');
  const [refusal, setRefusal] = useState<CorpusRefusal | null>(null);

  useEffect(() => {
    void (async () => {
      const stored = await browser.storage.local.get([SETTINGS_KEY, MATCHER_DATA_KEY, CORPUS_REFUSAL_KEY]);
      setRefusal((stored[CORPUS_REFUSAL_KEY] as CorpusRefusal | undefined) ?? null);
      setSettings(parseSettings(stored[SETTINGS_KEY]));
      setLabels(new Map(parseMatcherData(stored[MATCHER_DATA_KEY])?.terms.map((t) => [t.id, t.label]) ?? []));
      setCorpus(await askBackground({ type: 'corpus-status' }).catch(() => null));
      const curated = new Set(browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? []);
      setSites(((await browser.permissions.getAll()).origins ?? []).filter((o) => !curated.has(o)));
    })();
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) setSettings(parseSettings(changes[SETTINGS_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const change = async (patch: Partial<Settings>) => {
    setSettings(await updateSettings(() => patch));
    setSaved('Saved. Open tabs use it now.');
  };

  const revoke = async (origin: string) => {
    await browser.permissions.remove({ origins: [origin] });
    setSites(sites.filter((s) => s !== origin));
  };

  return (
    <main class="options">
      <h1>North Korea–Russia Context: settings</h1>
      <SettingsForm settings={settings} termLabels={labels} onChange={(p) => void change(p)} />
      <p class="status muted" role="status">{saved}</p>

      <section>
        <h2>Sites you enabled</h2>
        {sites.length === 0 ? <p class="muted">Only the built-in list of news sites. Enable others from the toolbar button.</p> : (
          <ul class="list">{sites.map((o) => <li key={o}>{o} <button type="button" onClick={() => void revoke(o)}>Remove access</button></li>)}</ul>
        )}
      </section>

      <SyncSection />

      <section>
        <h2>Keyboard</h2>
        <p><kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>J</kbd> goes to the next mention and opens its card; <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>K</kbd> the previous one. In the card, <kbd>Tab</kbd> moves between its controls and <kbd>Esc</kbd> closes it. Change the keys in your browser’s extension shortcut settings.</p>
      </section>

      <section>
        <h2>The paper</h2>
        <p>Edward Howell, <cite>North Korea and Russia's dangerous partnership</cite>, Chatham House, 4 December 2024, <a href="https://doi.org/10.55317/9781784136321" target="_blank" rel="noopener noreferrer">doi.org/10.55317/9781784136321</a>.</p>
        {refusal && (
          <div role="alert" class="error">
            <p>On {new Date(refusal.at).toLocaleString()} the extension refused a corpus that did not pass its checks, and kept the one it had:</p>
            <ul>{refusal.problems.map((p) => <li key={p}>{p}</li>)}</ul>
          </div>
        )}
        {corpus && <p class="muted">Corpus version {corpus.version} ({corpus.source}), {corpus.terms} terms, {corpus.passages} passages, {corpus.events} dated events; {corpus.notes} saved notes. Loaded {new Date(corpus.loadedAt).toLocaleString()}.</p>}
        <p class="muted">Privacy: reading a page never sends anything anywhere. The paper, your settings and your notes stay in this browser.</p>
      </section>
    </main>
  );
}
