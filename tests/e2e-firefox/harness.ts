/**
 * The Firefox end-to-end tests' harness: everything in scripts/support/firefox.ts, plus one
 * Firefox per test file.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxOptions, type FirefoxWithExtension } from '../../scripts/support/firefox';

export * from '../../scripts/support/firefox';

/**
 * For a test file: one Firefox with the extension, started before its tests and closed after.
 * `control` is an extension page (the options page) kept open for asking the extension things.
 */
export function useFirefox(options: FirefoxOptions = {}): { readonly ff: FirefoxWithExtension; readonly control: Page } {
  const state: { ff?: FirefoxWithExtension; control?: Page } = {};
  beforeAll(async () => {
    state.ff = await launchFirefox(options);
    state.control = await state.ff.openExtensionPage('options.html', 'main, form, h1');
  }, 90_000);
  afterAll(async () => {
    await state.ff?.close();
  });
  return {
    get ff() {
      return state.ff!;
    },
    get control() {
      return state.control!;
    },
  };
}
