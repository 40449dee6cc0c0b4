/**
 * Privacy in Firefox: every request any part of the extension makes (background event page,
 * content script, card, note frame, popup, settings page) goes through the test proxy, the only
 * network this Firefox has. While pages load, cards open, notes are saved and the extension's
 * pages are used, the proxy must see nothing but the pages the test opened.
 * (With a feed URL set, that URL would be the one allowed addition: none is set by default.)
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unexpectedRequests } from '../../scripts/support/recording-proxy';
import { ARTIFACTS, askTabAt, cardText, clickCardButton, clickInCard, openCard, openPopupFor, pageStatus, typeNote, useFirefox } from './harness';

const env = useFirefox();

describe('privacy in Firefox', () => {
  it('sends nothing anywhere while reading, hovering, saving a note and using the popup and settings', async () => {
    const opened: string[] = [];
    const open = async (path: string) => {
      const p = await env.ff.open(path);
      opened.push(p.url());
      return p;
    };

    const article = await open('/pages/article.html');
    await pageStatus(env.control, article);
    await openCard(article, 'lead', 'Vostochny Cosmodrome');
    await openCard(article, 'un', 'UN Panel of Experts', true);
    // A related term opened in place: another lookup.
    const related = await clickInCard(article, '.related button');
    expect(related).toBeTruthy();
    await expect.poll(() => cardText(article, 'h2'), { timeout: 10_000 }).toBe(related);
    await clickCardButton(article, 'Save note');
    await typeNote(article, 'A private thought.', 'private');
    await expect.poll(() => cardText(article, '[role=status]'), { timeout: 10_000 }).toBe('Saved to your notes.');
    await askTabAt(env.control, article.url(), { type: 'step-mention', direction: 1 });

    for (const path of ['/pages/pristine.html', '/pages/hostile.html', '/pages/replace.html', '/pages/off-topic.html']) {
      const p = await open(path);
      await pageStatus(env.control, p);
    }
    const popup = await openPopupFor(env.control, article, env.ff.extensionUrl('popup.html?view=page'));
    await expect.poll(() => popup.text('[data-testid=page-summary]'), { timeout: 10_000 }).toContain('mentions');
    const options = await env.ff.openExtensionPage('options.html', 'form.settings');
    // Give anything scheduled (timers, alarms, a lazy fetch) time to show itself.
    await new Promise((r) => setTimeout(r, 2000));

    const seen = [...env.ff.proxy.seen];
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'privacy-firefox.json'), JSON.stringify(seen, null, 2));
    // The proxy did see the pages (so it was in the path all along) …
    expect(seen.filter((r) => opened.includes(r.url))).toHaveLength(opened.length);
    // … and nothing else.
    expect(unexpectedRequests(seen, opened)).toEqual([]);
    await popup.close();
    await options.close();
  });
});
