/**
 * End-to-end tests: Debian's Chromium (never `playwright install`) against the browser-mode
 * host started by global-setup.ts. Requires dist/renderer (`npm run build:renderer`).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Two workers, each with a host and a store of its own (global-setup starts one per worker):
 * the specs wait on the page far more than they compute, so two halve the wall time on two cores.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.HALL_E2E_WORKERS ?? 2));
// Playwright loads this file in every worker too: point the worker at its own host.
const slot = process.env.TEST_PARALLEL_INDEX;
const own = slot === undefined ? undefined : process.env[`HALL_E2E_URL_${slot}`];
if (own) process.env.HALL_E2E_URL = own;

export default defineConfig({
  testDir: here('.'),
  testMatch: /.*\.spec\.ts$/,
  outputDir: here('.artifacts/test-output'),
  globalSetup: here('./global-setup.ts'),
  globalTeardown: here('./global-teardown.ts'),
  // A spec file runs in one worker, its tests in order; files are spread over the workers.
  workers: E2E_WORKERS,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: here('.artifacts/results.json') }]],
  use: {
    // global-setup writes the host URL here before any test runs.
    baseURL: process.env.HALL_E2E_URL,
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app honours reduced motion (no overdue pulse on the map): without a GPU every pulse is a
    // software-rendered repaint that competes with the test for the two cores.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
