import { defineConfig } from 'vitest/config';

/**
 * Three projects, one run: `npm test` runs them all; `npm run test:unit` runs only the fast ones.
 * - unit: pure code and components, no process or network of ours (seconds).
 * - integration: a real hub (or central server) process, real sockets and SQLite/PostgreSQL files.
 * - e2e: whole system tests in e2e/, most driving Chromium against the built apps.
 */
const HUB_TESTS = ['apps/hub/src/**/*.test.ts', '**/*.integration.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.{ts,tsx}',
            'apps/*/src/**/*.test.{ts,tsx}',
            'apps/*/electron/**/*.test.ts',
            'apps/*/scripts/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', ...HUB_TESTS],
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: HUB_TESTS, exclude: ['**/node_modules/**', 'e2e/**'] },
      },
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'] } },
    ],
  },
});
