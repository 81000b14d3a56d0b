/**
 * What the e2e specs share to reach the app: the host global-setup started, a procedure call with
 * a page's session (setup and checks only, never the step under test), opening the app and
 * signing in through the real login screen, the language reset per test, and screenshots at
 * 1080p and 4K into .artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN, loginThroughScreen } from './accounts';

export const ARTIFACTS = fileURLToPath(new URL('./.artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

/** The app's address (and a path or `#panel` after it). */
export function appUrl(path = ''): string {
  const url = process.env.HALL_E2E_URL;
  if (!url) throw new Error('HALL_E2E_URL is not set: global-setup did not start the host');
  return `${url}${path}`;
}

/** A procedure call with the session of a page (or of its request context); fails unless ok. */
export async function api<T>(from: Page | APIRequestContext, proc: string, input: unknown): Promise<T> {
  const request = 'request' in from ? from.request : from;
  const res = await request.post(appUrl(`api/${proc}`), { data: input });
  const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  expect(body.ok, `${proc}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.data;
}

/** Opens the app at `path` and signs in through the login screen (as the e2e admin by default). */
export async function signIn(
  page: Page,
  path = '',
  who: { username: string; password: string } = E2E_ADMIN,
): Promise<void> {
  await page.goto(appUrl(path));
  await loginThroughScreen(page, who);
}

/**
 * Each test of the file starts in the default language (Chinese): the stored choice is removed
 * once per test, so that a reload inside the test keeps what the test switched to.
 */
export function defaultLanguagePerTest(): void {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('e2e-started')) {
        sessionStorage.setItem('e2e-started', '1');
        localStorage.removeItem('hall.lang');
      }
    });
  });
}

/**
 * Which screenshot sizes a run takes. `npm test` (and CI) takes 1920×1080 only: a 3840×2160 or
 * 5760×1080 frame of the software-rendered map costs seconds each and the screenshots assert
 * nothing. HALL_E2E_SHOTS=all adds the big sizes — run that way when UI work is to be looked at
 * (`npm run test:e2e:shots`). Tests that assert a layout at a big size run it either way.
 */
export const BIG_SHOTS = process.env.HALL_E2E_SHOTS === 'all';
export function shotSizes<T extends readonly [number, number, ...unknown[]]>(sizes: readonly T[]): T[] {
  return sizes.filter(([w, h]) => BIG_SHOTS || (w <= 1920 && h <= 1080));
}

/** Screenshots at 1920×1080 and (BIG_SHOTS) 3840×2160, then back to 1080p: `${name}-${w}x${h}.png`. */
export async function shots(page: Page, name: string): Promise<void> {
  for (const [w, h] of shotSizes([
    [1920, 1080],
    [3840, 2160],
  ] as const)) {
    await page.setViewportSize({ width: w, height: h });
    // The layout is rem-based on the viewport: let it settle after the resize.
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${ARTIFACTS}${name}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
}
