#!/usr/bin/env node
/**
 * npm test: unit tests (vitest, happy-dom, fake-indexeddb), then the production build, then
 * end-to-end tests in real Chromium, then in real Firefox (with the store-package checks and
 * web-ext lint). Ends with one line "N passed, N failed" counting every suite, for CI.
 *   --unit-only   skip the build and the browsers    --e2e-only   skip the unit tests
 *   --chromium-only / --firefox-only                 run the end-to-end tests of one browser
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env }).status ?? 1;

let passed = 0;
let failed = 0;
let problems = 0;
/** Per suite, for the summary above the closing line. */
const bySuite = {};

function vitest(name, config) {
  const report = join(out, `${name}.json`);
  rmSync(report, { force: true });
  const status = run('npx', ['vitest', 'run', ...(config ? ['--config', config] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    console.error(`✖ ${name}: vitest wrote no report (exit ${status})`);
    problems++;
    return;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  bySuite[name] = { passed: result.numPassedTests, failed: result.numFailedTests };
  // A file that fails to load has no tests to count, but is a failure all the same.
  if (status !== 0 && result.numFailedTests === 0) problems++;
}

if (!args.includes('--e2e-only')) vitest('unit');
if (!args.includes('--unit-only')) {
  if (run('npm', ['run', 'build', '--silent']) !== 0) {
    console.error('✖ the build failed, so the end-to-end tests could not run');
    problems++;
  } else {
    if (!args.includes('--firefox-only')) vitest('e2e', 'vitest.e2e.config.ts');
    if (!args.includes('--chromium-only')) vitest('e2e-firefox', 'vitest.e2e-firefox.config.ts');
  }
}

for (const [name, c] of Object.entries(bySuite)) console.log(`  ${name}: ${c.passed + c.failed} tests, ${c.failed} failing`);
console.log(`\n${passed} passed, ${failed + problems} failed`);
process.exit(failed + problems > 0 ? 1 : 0);
