import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox (firefox-esr driven by puppeteer-core over WebDriver BiDi),
// on the built extension (npm run build first). One browser per file, files one at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
