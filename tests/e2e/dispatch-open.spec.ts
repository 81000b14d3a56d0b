/**
 * From 态势感知 to the desk (issue 13): a P1 order's alarm and its live-feed line both open that
 * order on the dispatch desk, selected — the alarm is no longer a dead end after 确认.
 */
import { expect, test } from '@playwright/test';
import { createOrder, detail, ensureDeskAccounts, OFFICER, signedInPage } from './dispatch-helpers';

test.beforeAll(async ({ browser }) => {
  await ensureDeskAccounts(browser);
});

test('an alarm and a live-feed line open their order on the desk, selected', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, OFFICER, '');
  await expect(page.getByTestId('panel-awareness')).toBeVisible();
  const token = `告警${Date.now().toString(36)}`;
  const orderId = await createOrder(page.request, `燃气表箱异味 ${token}`, { urgency: 'P1' });

  // The alarm: its title opens the order (before or after 确认).
  const alarm = page.locator(`[data-testid="alarm-pending"][data-order="${orderId}"]`);
  await expect(alarm).toBeVisible();
  await alarm.getByTestId('alarm-open').click();
  await expect(page.getByRole('tab', { name: /指挥调度/ })).toHaveAttribute('aria-selected', 'true');
  await expect(detail(page)).toHaveAttribute('data-order-id', orderId);
  await expect(detail(page).locator('h2')).toHaveText(`燃气表箱异味 ${token}`);
  await expect(page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  // The desk is ready to act on it: 推荐派单 one click away.
  await expect(detail(page).getByTestId('action-dispatch')).toBeVisible();

  // The live feed: the 受理 line of the same order, by keyboard (Enter).
  await page.keyboard.press('F1');
  const line = page.locator(`[data-testid="feed-line"][data-order="${orderId}"]`).first();
  await expect(line).toBeVisible();
  await expect(line).toHaveAttribute('role', 'button');
  await line.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /指挥调度/ })).toHaveAttribute('aria-selected', 'true');
  await expect(detail(page)).toHaveAttribute('data-order-id', orderId);
  await page.context().close();
});
