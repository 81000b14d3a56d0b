/** Shared steps of the wall and awareness specs: open the app, call the API as the logged-in admin. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { loginThroughScreen } from './accounts';

export const ARTIFACTS = fileURLToPath(new URL('./.artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

export function appUrl(rest = ''): string {
  const url = process.env.HALL_E2E_URL;
  if (!url) throw new Error('HALL_E2E_URL is not set: global-setup did not start the host');
  return `${url}${rest}`;
}

/** Logs in on the desk layout (the login screen) and waits for the shell. */
export async function login(page: Page): Promise<void> {
  await page.goto(appUrl('#awareness'));
  await expect(page.getByTestId('login-screen').or(page.getByTestId('header-user'))).toBeVisible();
  if (await page.getByTestId('login-screen').isVisible()) await loginThroughScreen(page);
  await expect(page.getByTestId('panel-awareness')).toBeVisible();
}

/** A procedure call with the page's session cookie (never in wall mode: no X-Hall-Wall). */
export async function api<T>(page: Page, proc: string, input: unknown): Promise<T> {
  const res = await page.request.post(appUrl(`api/${proc}`), { data: input });
  const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  expect(body.ok, `${proc}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.data;
}

export interface Snapshot {
  communities: Array<{ centroid: [number, number]; name: string }>;
  categories: Array<{ code: string; level: number }>;
  people: Array<{ name: string }>;
}

/** Creates an order inside the demo street; returns its id. */
export async function createOrder(
  page: Page,
  over: { urgency?: string; title: string; citizen?: { name: string; phone: string } },
): Promise<string> {
  const snap = await api<Snapshot>(page, 'reference.snapshot', {});
  const [lng, lat] = snap.communities[0]?.centroid ?? [116.4, 39.9];
  const orderId = `e2e-wall-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  await api(page, 'orders.create', {
    orderId,
    order: {
      source: 'hotline',
      appealType: 'help',
      categoryCode: snap.categories.find((c) => c.level === 3)?.code ?? '01',
      urgency: over.urgency ?? 'P2',
      title: over.title,
      lng,
      lat,
      ...(over.citizen ? { citizen: over.citizen } : {}),
    },
  });
  return orderId;
}
