/**
 * npm run store:screenshots: the store listing's screenshots (1280×800, the size both stores
 * take), made from the demo page with the built extension: in Chromium, the highlighted page and
 * the card in light and dark; in Firefox, the card. Writes docs/store/screenshot-*.png.
 */
import { join } from 'node:path';
import { card, launchWithExtension, pageStatus, pointAt, ROOT, startServer } from './support/browser';
import { launchFirefox, openCard, pageStatus as firefoxStatus } from './support/firefox';

const out = (name: string) => join(ROOT, 'docs/store', name);
const viewport = { width: 1280, height: 800 };

const server = await startServer();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const browser = await launchWithExtension(server, { colorScheme: scheme, viewport });
    try {
      const page = await browser.open('/pages/demo.html');
      await pageStatus(browser, page);
      if (scheme === 'light') await page.screenshot({ path: out('screenshot-1-highlights.png') });
      const at = await pointAt(page, 'lead', 'Vostochny Cosmodrome');
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await card(page).waitFor({ state: 'visible', timeout: 5000 });
      await page.waitForTimeout(400);
      await page.screenshot({ path: out(scheme === 'light' ? 'screenshot-2-card.png' : 'screenshot-3-card-dark.png') });
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}

const ff = await launchFirefox({ viewport });
try {
  const control = await ff.openExtensionPage('options.html', 'form.settings');
  const page = await ff.open('/pages/demo.html');
  await firefoxStatus(control, page);
  await openCard(page, 'lead', 'Vostochny Cosmodrome');
  await new Promise((r) => setTimeout(r, 400));
  await page.screenshot({ path: out('screenshot-4-firefox-card.png') });
} finally {
  await ff.close();
}
console.log('docs/store/screenshot-{1-highlights,2-card,3-card-dark,4-firefox-card}.png');
