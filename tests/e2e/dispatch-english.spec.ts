/**
 * The desk in English (issue 13): queue tabs, the action bar, an action form with its checks,
 * the lock-free detail and the command palette all read in English once the language is switched;
 * screenshots at 1080p and 4K.
 */
import { expect, test } from '@playwright/test';
import {
  COMMANDER,
  createOrder,
  detail,
  ensureDeskAccounts,
  openDesk,
  shots,
  signedInPage,
} from './dispatch-helpers';

test.beforeAll(async ({ browser }) => {
  await ensureDeskAccounts(browser);
});

test('the desk reads in English: queues, actions, a form and the palette', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, COMMANDER);
  const token = `english${Date.now().toString(36)}`;
  const orderId = await createOrder(page.request, `路灯不亮 ${token}`);
  await page.getByTestId('lang-select').selectOption('en');
  await openDesk(page);
  await expect(page.getByTestId('queue-tab-to_dispatch')).toContainText('To dispatch');
  await expect(page.getByTestId('queue-tab-overdue')).toHaveAttribute('title', /^Overdue: /);
  await page.getByTestId('search').fill(token);
  await page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`).click();
  const bar = detail(page).getByTestId('action-bar');
  await expect(bar.getByTestId('action-dispatch')).toHaveText('Dispatch');
  await expect(bar.getByTestId('action-merge')).toHaveText('Merge');
  await expect(detail(page).getByTestId('recommendations')).toContainText('one click dispatches');

  await bar.getByTestId('action-dispatch').click();
  const form = page.getByTestId('action-form');
  await expect(form).toContainText('Unit (lead)');
  await expect(form).toContainText('Co-units');
  await page.getByTestId('field-unitId').selectOption('');
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('error-unitId')).toHaveText('Please choose a unit');
  await shots(page, 'desk-en-form');
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette')).toContainText(`Actions on order ${orderId}`);
  await expect(page.getByTestId('palette')).toContainText('Go to: Overdue');
  await shots(page, 'desk-en-palette');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('palette')).toHaveCount(0);
  // The detail stays open: Esc closed the palette only.
  await expect(detail(page)).toBeVisible();
  await page.getByTestId('lang-select').selectOption('zh');
  await page.context().close();
});
