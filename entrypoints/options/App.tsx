import { useEffect, useState } from 'preact/hooks';
import { SettingsForm } from '@/components/options/SettingsForm';
import { SyncSection } from '@/components/options/SyncSection';
import { useSettings } from '@/components/shared/use-settings';
import { formatCitation, safeLink } from '@/lib/citation';
import type { CorpusRefusal } from '@/lib/corpus/refusal';
import { askBackground, type CorpusStatus } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { corpusRefusalItem, readMatcherData, updateSettings } from '@/lib/storage';

/** The paper as the corpus cites it; the link only if it is https (a corpus can be hostile). */
function Cite({ citation }: { citation: CorpusStatus['citation'] }) {
  const link = safeLink(citation.url);
  return (
    <p data-testid="citation">
      {formatCitation(citation)}
      {link && (
        <>
          {' '}
          <a href={link} target="_blank" rel="noopener noreferrer">
            Open the paper
          </a>
        </>
      )}
    </p>
  );
}

export function App() {
  const [problem, setProblem] = useState('');
  const [settings, setSettings] = useSettings(setProblem);
  const [labels, setLabels] = useState(new Map<string, string>());
  const [corpus, setCorpus] = useState<CorpusStatus | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [saved, setSaved] = useState('');
  const [refusal, setRefusal] = useState<CorpusRefusal | null>(null);

  useEffect(() => {
    void (async () => {
      setRefusal(await corpusRefusalItem.getValue());
      setLabels(new Map((await readMatcherData())?.terms.map((t) => [t.id, t.label]) ?? []));
      setCorpus(await askBackground({ type: 'corpus-status' }).catch(() => null));
      const curated = new Set(browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? []);
      setSites(((await browser.permissions.getAll()).origins ?? []).filter((o) => !curated.has(o)));
    })();
  }, []);

  const change = async (patch: Partial<Settings>) => {
    try {
      setSettings(await updateSettings(() => patch));
      setProblem('');
      setSaved('Saved. Open tabs use it now.');
    } catch (error) {
      setSaved('');
      setProblem(`Not saved: ${(error as Error).message}`);
    }
  };

  const revoke = async (origin: string) => {
    try {
      if (!(await browser.permissions.remove({ origins: [origin] }))) throw new Error('the browser kept the permission');
      setSites(sites.filter((s) => s !== origin));
    } catch (error) {
      setProblem(`Access to ${origin} was not removed: ${(error as Error).message}`);
    }
  };

  return (
    <main class="options">
      <h1>North Korea–Russia Context: settings</h1>
      <SettingsForm settings={settings} termLabels={labels} onChange={(p) => void change(p)} />
      <p class="status muted" role="status">
        {saved}
      </p>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}

      <section>
        <h2>Sites you enabled</h2>
        {sites.length === 0 ? (
          <p class="muted">Only the built-in list of news sites. Enable others from the toolbar button.</p>
        ) : (
          <ul class="list">
            {sites.map((o) => (
              <li key={o}>
                {o}{' '}
                <button type="button" onClick={() => void revoke(o)}>
                  Remove access
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <SyncSection />

      <section>
        <h2>Keyboard</h2>
        <p>
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>J</kbd> goes to the next mention and opens its card; <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>K</kbd> the previous one. In the card, <kbd>Tab</kbd> moves between its controls and <kbd>Esc</kbd>{' '}
          closes it. Change the keys in your browser’s extension shortcut settings.
        </p>
      </section>

      <section>
        <h2>The paper</h2>
        {corpus && <Cite citation={corpus.citation} />}
        {refusal && (
          <div role="alert" class="error">
            <p>On {new Date(refusal.at).toLocaleString()} the extension refused a corpus that did not pass its checks, and kept the one it had:</p>
            <ul>
              {refusal.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {corpus && (
          <p class="muted">
            Corpus version {corpus.version} ({corpus.source}), {corpus.terms} terms, {corpus.passages} passages, {corpus.events} dated events; {corpus.notes} saved notes. Loaded {new Date(corpus.loadedAt).toLocaleString()}.
          </p>
        )}
        <p class="muted">Privacy: reading a page never sends anything anywhere. The paper, your settings and your notes stay in this browser.</p>
      </section>
    </main>
  );
}
