import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PagePanel } from '../../components/popup/PagePanel';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const handlers = () => ({ onSiteToggle: vi.fn(), onEverywhereToggle: vi.fn(), onEnableSite: vi.fn(), onEnableAllSites: vi.fn(), onNextMention: vi.fn() });

describe('the popup’s page panel', () => {
  it('offers to enable a site that is not on the list', () => {
    const h = handlers();
    act(() => render(<PagePanel access={{ kind: 'not-enabled', site: 'example.org' }} enabledEverywhere siteDisabled={false} {...h} />, root));
    expect(root.textContent).toContain('example.org is not on the extension’s list');
    const [site, all] = [...root.querySelectorAll('button')];
    site!.click();
    all!.click();
    expect(site!.textContent).toBe('Enable on example.org');
    expect(h.onEnableSite).toHaveBeenCalled();
    expect(h.onEnableAllSites).toHaveBeenCalled();
  });

  it('says plainly when a tab is not a web page', () => {
    act(() => render(<PagePanel access={{ kind: 'unsupported' }} enabledEverywhere siteDisabled={false} {...handlers()} />, root));
    expect(root.textContent).toContain('not a web page');
  });

  it('shows an error from a refused permission as an alert', () => {
    act(() => render(<PagePanel access={{ kind: 'not-enabled', site: 'example.org' }} enabledEverywhere siteDisabled={false} {...handlers()} error="Access was not granted, so nothing changed." />, root));
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Access was not granted, so nothing changed.');
  });

  it('names the fallback mode when the browser lacks the Highlight API', () => {
    const status = { site: 'reuters.com', running: true, mode: 'wrap' as const, onTopic: true, mentions: 3, found: 3, cap: 3000, capped: false, terms: [{ id: 'russia', label: 'Russia', count: 3 }], scan: null, cardLatencies: [] };
    act(() => render(<PagePanel access={{ kind: 'running', status, site: 'reuters.com' }} enabledEverywhere siteDisabled={false} {...handlers()} />, root));
    expect(root.textContent).toContain('marking the page’s text');
    expect(root.textContent).toContain('3 mentions of 1 term');
  });

  it('says why nothing is marked on a page off the topic, and what it found in passing', () => {
    const scan = { setupMs: 1, totalMs: 5, busyMs: 4, longestSliceMs: 2, slices: 2, paintMs: 1, textNodes: 40, characters: 2000 };
    const status = { site: 'koreaherald.com', running: true, mode: 'highlight-api' as const, onTopic: false, mentions: 0, found: 4, cap: 3000, capped: false, terms: [], scan, cardLatencies: [] };
    act(() => render(<PagePanel access={{ kind: 'running', status, site: 'koreaherald.com' }} enabledEverywhere siteDisabled={false} {...handlers()} />, root));
    expect(root.querySelector('[data-testid=page-summary]')!.textContent).toBe("0 mentions marked: this page does not look like it is about North Korea and Russia; it names the paper's terms 4 times in passing.");
    expect(root.querySelector('[data-testid=page-topic]')).toBeNull();
  });

  it('lets the reader mark a page off the topic anyway, once it has been read and names the paper’s terms', () => {
    const scan = { setupMs: 1, totalMs: 5, busyMs: 4, longestSliceMs: 2, slices: 2, paintMs: 1, textNodes: 40, characters: 2000 };
    const offTopic = { site: 'tsn.ua', running: true, mode: 'highlight-api' as const, onTopic: false, mentions: 0, found: 3, cap: 3000, capped: false, terms: [], scan, cardLatencies: [] };
    const onMarkPage = vi.fn();
    act(() => render(<PagePanel access={{ kind: 'running', status: offTopic, site: 'tsn.ua' }} enabledEverywhere siteDisabled={false} {...handlers()} onMarkPage={onMarkPage} />, root));
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Mark them anyway')!;
    expect(button).toBeDefined();
    act(() => button.click());
    expect(onMarkPage).toHaveBeenCalledTimes(1);
    // Nothing to mark, not read yet, or already on the topic: no such button.
    const cases = [
      { ...offTopic, found: 0 },
      { ...offTopic, scan: null },
      { ...offTopic, onTopic: true, mentions: 3, terms: [{ id: 'north-korea', label: 'North Korea', count: 3 }] },
    ];
    for (const status of cases) {
      act(() => render(<PagePanel access={{ kind: 'running', status, site: 'tsn.ua' }} enabledEverywhere siteDisabled={false} {...handlers()} onMarkPage={onMarkPage} />, root));
      expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Mark them anyway')).toBe(false);
    }
  });

  it('gives no verdict on a page it has not read yet', () => {
    const status = { site: 'koreaherald.com', running: true, mode: 'highlight-api' as const, onTopic: false, mentions: 0, found: 0, cap: 3000, capped: false, terms: [], scan: null, cardLatencies: [] };
    act(() => render(<PagePanel access={{ kind: 'running', status, site: 'koreaherald.com' }} enabledEverywhere siteDisabled={false} {...handlers()} />, root));
    expect(root.querySelector('[data-testid=page-summary]')!.textContent).toBe('Reading the page…');
  });
});
