/**
 * The end-to-end tests' harness: the browser and server helpers (scripts/support/browser.ts, which
 * the benchmark and the demo share), plus a per-file fixture for vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import { rmSync } from 'node:fs';
import { extensionVariant, launchWithExtension, startServer, type ExtensionBrowser, type LaunchOptions, type StaticServer } from '../../scripts/support/browser';

export * from '../../scripts/support/browser';

/**
 * For a test file: a static server and Chromium with the extension, started before its tests and
 * stopped after them. Read `.browser` / `.server` inside tests.
 */
export function useExtensionBrowser(headers: Record<string, Record<string, string>> = {}, options: LaunchOptions = {}): { readonly browser: ExtensionBrowser; readonly server: StaticServer } {
  const state: { browser?: ExtensionBrowser; server?: StaticServer } = {};
  beforeAll(async () => {
    state.server = await startServer(headers);
    state.browser = await launchWithExtension(state.server, options);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return {
    get browser() {
      return state.browser!;
    },
    get server() {
      return state.server!;
    },
  };
}

/** Like useExtensionBrowser, on a changed copy of the build (extensionVariant), removed afterwards. */
export function useExtensionVariant(edit: Parameters<typeof extensionVariant>[0], files: Record<string, string> = {}): { readonly browser: ExtensionBrowser; readonly server: StaticServer } {
  let dir: string | undefined;
  const fixture = useExtensionBrowser(
    {},
    {
      get extensionDir() {
        dir ??= extensionVariant(edit, files);
        return dir;
      },
    },
  );
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return fixture;
}
