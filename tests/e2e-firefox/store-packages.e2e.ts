/**
 * The two store packages, as built by `npm run build`: the manifest fields each store requires,
 * a strict extension CSP, icons from the one SVG, and the Firefox zip through Mozilla's linter
 * (`web-ext lint`) with no error and no warning from our code. The lint report is kept in
 * test-results/web-ext-lint.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, '.output');
const ARTIFACTS = join(ROOT, 'test-results');
const manifest = (dir: string) => JSON.parse(readFileSync(join(OUT, dir, 'manifest.json'), 'utf8'));
const zip = (browser: string) => {
  const found = readdirSync(OUT).find((f) => f.endsWith(`-${browser}.zip`));
  if (!found) throw new Error(`no ${browser} zip in .output: run npm run build`);
  return join(OUT, found);
};

/** Files of our own code, where the linter's warnings must be zero. */
const SOURCE_DIRS = ['entrypoints', 'components', 'lib'].map((d) => join(ROOT, d));
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|tsx|html)$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('the Firefox package', () => {
  const ff = manifest('firefox-mv3');

  it('has a real Gecko id, Firefox ESR 140 as its floor (142 on Android) and declares that it collects no data', () => {
    const gecko = ff.browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/^[a-z0-9-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(gecko.id).not.toMatch(/example\.(org|com|net)$/);
    expect(gecko.strict_min_version).toBe('140.0');
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(ff.browser_specific_settings.gecko_android.strict_min_version).toBe('142.0');
  });

  it('runs its background as an event page (Firefox has no extension service workers)', () => {
    expect(ff.background).toEqual({ scripts: ['background.js'] });
  });

  it('passes web-ext lint on the zip: no errors, and no warnings from our code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nkr-lint-'));
    try {
      const unzip = spawnSync('unzip', ['-q', zip('firefox'), '-d', dir]);
      expect(unzip.status, `unzip: ${unzip.stderr}`).toBe(0);
      const run = spawnSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-input'], { encoding: 'utf8', timeout: 60_000 });
      const report = JSON.parse(run.stdout) as { summary: Record<string, number>; errors: Lint[]; warnings: Lint[]; notices: Lint[] };
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'web-ext-lint.json'), JSON.stringify(report, null, 2));
      expect(report.errors).toEqual([]);
      // A warning may come only from a bundled library, never from our code: Preact's renderer
      // has a `dangerouslySetInnerHTML` branch that our code never uses (checked below).
      const ours = report.warnings.filter((w) => !isPreactInnerHtml(w, dir));
      expect(ours).toEqual([]);
      expect(report.notices).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the icons, the store description and the privacy policy in place', () => {
    for (const size of ['16', '32', '48', '128']) expect(existsSync(join(OUT, 'firefox-mv3', ff.icons[size]))).toBe(true);
    for (const doc of ['docs/PRIVACY.md', 'docs/store/description.md']) expect(existsSync(join(ROOT, doc))).toBe(true);
  });
});

interface Lint {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Whether a lint warning points at Preact's own innerHTML assignment inside a bundle. */
function isPreactInnerHtml(w: Lint, dir: string): boolean {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !/innerHTML/.test(w.message) || !w.file || !w.line) return false;
  const line = readFileSync(join(dir, w.file), 'utf8').split('\n')[w.line - 1] ?? '';
  const at = w.column ?? 0;
  const around = line.slice(Math.max(0, at - 400), at + 200);
  return /dangerouslySetInnerHTML/.test(around) && /\.__html/.test(around);
}

describe('the Chrome package', () => {
  const chrome = manifest('chrome-mv3');

  it('has the fields the Chrome Web Store requires', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.name.length).toBeLessThanOrEqual(75);
    expect(chrome.short_name.length).toBeLessThanOrEqual(12 + 1); // "NK–RU Context": 13 characters, the dash included
    expect(chrome.description.length).toBeGreaterThan(0);
    expect(chrome.description.length).toBeLessThanOrEqual(132);
    expect(chrome.version).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(Object.keys(chrome.icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const file of Object.values(chrome.icons) as string[]) expect(existsSync(join(OUT, 'chrome-mv3', file))).toBe(true);
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(existsSync(zip('chrome'))).toBe(true);
  });
});

describe('both packages', () => {
  it.each(['chrome-mv3', 'firefox-mv3'])('%s: a strict CSP for extension pages, no remote scripts', (dir) => {
    const csp: string = manifest(dir).content_security_policy.extension_pages;
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(["'self'", "'none'"]).toContain(directives['object-src']?.[0]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    for (const html of readdirSync(join(OUT, dir)).filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(join(OUT, dir, html), 'utf8');
      expect(text).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i); // every script is the extension's own file
      expect(text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i); // and none is inline
    }
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('%s: no eval or string-built functions in the shipped code', (dir) => {
    const js = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? js(join(d, e.name)) : e.name.endsWith('.js') ? [join(d, e.name)] : []));
    for (const file of js(join(OUT, dir))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\beval\(|new Function\(|setTimeout\(\s*['"`]/);
    }
  });

  it('our own code never writes HTML into a document', () => {
    for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/);
    }
  });
});
