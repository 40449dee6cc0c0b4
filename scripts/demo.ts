/**
 * npm run demo: opens the bundled sample news page in Chromium with the built extension loaded.
 * With a display, a real window you can use (close it to stop). Without one (a server, CI), it
 * runs headless, hovers a mention and writes screenshots to demo-output/.
 *   CHROMIUM_PATH=/path/to/chromium   another Chromium (branded Chrome ignores --load-extension)
 *   --headless                        force the screenshot mode
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, openCard, pageStatus, ROOT, startServer } from './support/browser';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const server = await startServer();

if (!headless) {
  const browser = await launchWithExtension(server, { headless: false, viewport: null });
  const page = await browser.open('/pages/demo.html');
  console.log(`Chromium is open on ${page.url()} (served from 127.0.0.1:${server.port}).`);
  console.log('Rest the pointer on an underlined name to see what the paper says. Close the window to stop.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  await server.close();
} else {
  const outDir = join(ROOT, 'demo-output');
  mkdirSync(outDir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const browser = await launchWithExtension(server, { colorScheme: scheme, viewport: { width: 1100, height: 820 } });
    const page = await browser.open('/pages/demo.html');
    const status = await pageStatus(browser, page);
    await page.screenshot({ path: join(outDir, `page-${scheme}.png`) });
    await openCard(page, 'lead', 'Vostochny Cosmodrome');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, `card-${scheme}.png`) });
    console.log(`${scheme}: ${status.mentions} mentions of ${status.terms.length} terms highlighted; screenshots in demo-output/page-${scheme}.png and demo-output/card-${scheme}.png`);
    await browser.close();
  }
  await server.close();
  console.log('No display here, so the demo ran headless. Set DISPLAY (or run on a desktop) to get a window.');
}
