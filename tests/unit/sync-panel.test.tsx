import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncPanel } from '../../components/options/SyncPanel';
import { SyncStatusLine } from '../../components/sync/SyncStatusLine';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const props = () => ({
  settings: { feedUrl: '', intervalHours: 24 },
  corpusLabel: 'version 1 (bundled with the extension)',
  log: [],
  progress: null,
  flagged: [],
  hasKeys: true,
  onSave: vi.fn(),
  onSyncNow: vi.fn(),
  onReset: vi.fn(),
});
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('the corpus updates panel', () => {
  it('refuses a non-web feed address with a reason, and saves a good one', async () => {
    const p = props();
    act(() => render(<SyncPanel {...p} />, root));
    expect(button('Sync now').disabled).toBe(true); // no feed yet
    const input = root.querySelector<HTMLInputElement>('input[name="feedUrl"]')!;
    await act(() => {
      input.value = 'ftp://example.org/m.json';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root.textContent).toContain('must be an https://');
    expect(button('Save feed settings').disabled).toBe(true);
    await act(() => {
      input.value = ' https://example.org/feed/manifest.json ';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(p.onSave).toHaveBeenCalledWith({ feedUrl: 'https://example.org/feed/manifest.json', intervalHours: 24 });
  });

  it('shows progress, the log in words, and flagged notes with their snapshot', () => {
    act(() =>
      render(
        <SyncPanel
          {...props()}
          settings={{ feedUrl: 'https://example.org/m.json', intervalHours: 24 }}
          progress={{ running: true, stage: 'download', fraction: 0.5, startedAt: 1 }}
          log={[{ at: 2, url: 'https://example.org/m.json', outcome: 'failed', message: "The feed's manifest expired on 2026-01-01." }]}
          flagged={[{ id: 'n1', termLabel: 'Vladimir Putin', passageId: 'p-x', snapshot: 'The old words.', status: 'removed' }]}
        />,
        root,
      ),
    );
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Downloading');
    expect(button('Sync now').disabled).toBe(true); // one sync at a time
    expect(root.querySelector('.sync-log tbody tr')?.getAttribute('data-outcome')).toBe('failed');
    expect(root.textContent).toContain('manifest expired');
    expect(root.querySelector('[data-note-id="n1"]')?.textContent).toContain('The old words.');
  });

  it('warns when the build trusts no key', () => {
    act(() => render(<SyncPanel {...props()} hasKeys={false} />, root));
    expect(root.textContent).toContain('trusts no publisher key');
  });
});

describe('the popup’s sync line', () => {
  it('is absent without a feed and shows the last outcome with one', () => {
    const onSyncNow = vi.fn();
    act(() => render(<SyncStatusLine feedUrl="" last={null} progress={null} onSyncNow={onSyncNow} />, root));
    expect(root.textContent).toBe('');
    act(() => render(<SyncStatusLine feedUrl="https://example.org/m.json" last={{ at: 1, url: '', outcome: 'updated', message: 'Updated from version 1 to 2.' }} progress={null} onSyncNow={onSyncNow} />, root));
    expect(root.textContent).toContain('Updated from version 1 to 2.');
    button('Sync now').click();
    expect(onSyncNow).toHaveBeenCalled();
  });
});
