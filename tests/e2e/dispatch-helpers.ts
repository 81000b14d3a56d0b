/**
 * Helpers of the dispatch-desk specs (issue 13): the duty officer and commander accounts they
 * log in as, API calls for setup (an order to work on, a state to start from — never the step
 * under test), opening an order on the desk by searching its unique title, taking an action
 * through the action bar. The address, API calls and screenshots are app-helpers' (re-exported).
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_ADMIN } from './accounts';
import { api, appUrl, signIn } from './app-helpers';

export { api, appUrl, ARTIFACTS, shots } from './app-helpers';

export const OFFICER = {
  username: 'desk.officer',
  displayName: '王值班',
  password: 'desk-officer-2026',
  role: 'officer',
} as const;
export const COMMANDER = {
  username: 'desk.commander',
  displayName: '李指挥',
  password: 'desk-commander-2026',
  role: 'commander',
} as const;

/** The officer and commander accounts, created once by the admin (a taken name is fine). */
export async function ensureDeskAccounts(browser: Browser): Promise<void> {
  const ctx = await browser.newContext();
  try {
    const login = await ctx.request.post(appUrl('api/auth.login'), {
      data: { username: E2E_ADMIN.username, password: E2E_ADMIN.password },
    });
    expect(login.ok()).toBe(true);
    for (const who of [OFFICER, COMMANDER]) {
      const res = await ctx.request.post(appUrl('api/accounts.create'), { data: who });
      const body = (await res.json()) as { ok: boolean; error?: { reason?: string } };
      if (!body.ok && body.error?.reason !== 'username_taken')
        throw new Error(`accounts.create ${who.username}: ${JSON.stringify(body.error)}`);
    }
  } finally {
    await ctx.close();
  }
}

/**
 * A fresh page in its own context, logged in through the real login screen. It opens on the desk
 * (`#dispatch`) unless told otherwise: two browsers drawing the wall's map in software GL would
 * slow every step of a spec that never looks at it.
 */
export async function signedInPage(
  browser: Browser,
  who: { username: string; password: string },
  hash = '#dispatch',
): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await signIn(page, hash, who);
  return page;
}

/** The spec's tests need the desk accounts: they are created (once) before its first test. */
export function withDeskAccounts(): void {
  test.beforeAll(async ({ browser }) => {
    await ensureDeskAccounts(browser);
  });
}

/** The duty officer and the commander, each signed in in a browser of their own, on the desk. */
export async function officerAndCommander(browser: Browser): Promise<{ officer: Page; commander: Page }> {
  const officer = await signedInPage(browser, OFFICER);
  const commander = await signedInPage(browser, COMMANDER);
  return { officer, commander };
}

export async function openDesk(page: Page): Promise<void> {
  // Right after a sign-in the panel keys are bound once the shell has mounted: press until then.
  await expect(async () => {
    await page.keyboard.press('F3');
    await expect(page.locator('#tab-dispatch')).toHaveAttribute('aria-selected', 'true', { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('dispatch-desk')).toBeVisible();
}

/** Opens an order on the desk: 全部, search its unique title token, click its row. */
export async function openOrder(page: Page, orderId: string, token: string): Promise<void> {
  await openDesk(page);
  await page.getByTestId('queue-tab-all').click();
  await page.getByTestId('search').fill(token);
  const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  await row.click();
  await expect(page.locator(`[data-testid="order-detail"][data-order-id="${orderId}"]`)).toBeVisible();
}

export function detail(page: Page) {
  return page.getByTestId('order-detail');
}

/** The detail's status field (the second value of the field list). */
export async function expectStatus(page: Page, label: string): Promise<void> {
  await expect(detail(page).getByTestId('detail-fields').locator('dd').nth(1)).toHaveText(label);
}

/** Submits the open form and, past the undo window's toast, applies it now; waits for 已保存. */
export async function submitAndApply(page: Page): Promise<void> {
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form')).toHaveCount(0);
  await applyNow(page);
}

/** The newest action waiting in the undo window is applied now; waits until it was saved. */
export async function applyNow(page: Page): Promise<void> {
  const toast = page.locator('[data-testid="undo-toast"][data-state="waiting"]').last();
  await expect(toast).toContainText('已提交');
  const id = await toast.getAttribute('data-toast-id');
  await toast.getByTestId('send-now').click();
  await expect(page.locator(`[data-toast-id="${id}"]`)).toHaveAttribute('data-state', 'saved');
}

/** An order made for a spec through the API (setup), located in the demo street. */
export async function createOrder(
  request: APIRequestContext,
  title: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const snap = await api<{
    communities: Array<{ centroid: [number, number] }>;
    categories: Array<{ code: string; name: string }>;
  }>(request, 'reference.snapshot', {});
  const [lng, lat] = snap.communities[0]?.centroid ?? [116.4, 39.9];
  // An ordinary class a walk-in caller may report (not one for 110/119/120, not staff-only).
  const categoryCode = snap.categories.find((c) => c.name === '商铺噪音扰民')?.code ?? '01';
  const orderId = `e2e-desk-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await api(request, 'orders.create', {
    orderId,
    order: {
      source: 'walk_in',
      appealType: 'complaint',
      categoryCode,
      urgency: 'P2',
      title,
      lng,
      lat,
      citizen: { name: '赵群众', phone: '13800001234' },
      ...extra,
    },
  });
  return orderId;
}

export interface DetailView {
  readonly order: { readonly version: number; readonly status: string; readonly unitId: string | null };
}

/** Setup: actions applied through the API, each on the version the previous one left. */
export async function actViaApi(
  request: APIRequestContext,
  orderId: string,
  actions: ReadonlyArray<{ type: string; payload: Record<string, unknown> }>,
): Promise<DetailView> {
  let d = await api<DetailView>(request, 'orders.get', { orderId });
  for (const action of actions)
    d = await api<DetailView>(request, 'orders.act', { orderId, expectedVersion: d.order.version, action });
  return d;
}
