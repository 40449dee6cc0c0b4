import { useEffect, useState } from 'preact/hooks';
import { withdrawnHostFor, withdrawnPatterns, patternHost } from '@/lib/host-access';
import './access-notice.css';

interface Props {
  /** The address of the tab the popup is about, when the browser tells it. */
  tabUrl?: string;
}

async function readWithdrawn(): Promise<string[]> {
  const declared = browser.runtime.getManifest().host_permissions ?? [];
  const { origins = [] } = await browser.permissions.getAll();
  return withdrawnPatterns(declared, origins);
}

/**
 * Says when the reader has withdrawn the extension's access to listed sites (from the browser's
 * menus), which sites, and offers to allow them again. Renders nothing while all access stands.
 * Self-contained: reads the manifest and the granted permissions, and follows changes live.
 */
export function AccessNotice({ tabUrl }: Props) {
  const [withdrawn, setWithdrawn] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const refresh = () => void readWithdrawn().then(setWithdrawn, (e: Error) => setError(e.message));
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  if (withdrawn.length === 0 && !error) return null;
  const here = withdrawnHostFor(tabUrl, withdrawn);
  const hosts = withdrawn.map(patternHost);
  const allowAgain = async () => {
    setError(null);
    try {
      // The browser asks the reader; nothing changes unless they agree.
      const granted = await browser.permissions.request({ origins: here ? withdrawn.filter((p) => patternHost(p) === here) : withdrawn });
      if (!granted) setError('Access was not granted, so nothing changed.');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section class="access-notice" role="status" aria-label="Site access" data-testid="access-notice">
      {here ? (
        <p>
          You have withdrawn this extension’s access to <strong>{here}</strong>, so it cannot read this page.
        </p>
      ) : (
        <p>
          You have withdrawn this extension’s access to {hosts.length === 1 ? 'a listed site' : `${hosts.length} listed sites`}: {hosts.slice(0, 5).join(', ')}
          {hosts.length > 5 ? '…' : ''}. It does not run there.
        </p>
      )}
      {withdrawn.length > 0 && (
        <button type="button" onClick={() => void allowAgain()}>
          {here ? `Allow on ${here} again` : 'Allow again'}
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
