/**
 * End-to-end tests: Debian's Chromium (never `playwright install`) against the browser-mode
 * host started by global-setup.ts. Requires dist/renderer (`npm run build:renderer`).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  testDir: here('.'),
  testMatch: /.*\.spec\.ts$/,
  outputDir: here('.artifacts/test-output'),
  globalSetup: here('./global-setup.ts'),
  globalTeardown: here('./global-teardown.ts'),
  // One host, one store: specs share it, so run them one after another.
  workers: 1,
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
