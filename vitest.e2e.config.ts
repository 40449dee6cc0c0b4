import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium driving the built extension (npm run build first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
