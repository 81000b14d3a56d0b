/**
 * 重复诉求 on screen, by clicks: the 分析研判 panel counts the reports linked as repeats (重复件);
 * a click opens them on the desk; a repeat's detail says "同一问题第 N 次反映" with every report of
 * the problem, and a click on an earlier one opens it. Screenshots at 1080p (and 4K with
 * HALL_E2E_SHOTS=all).
 */
import { expect, test } from '@playwright/test';
import { loginThroughScreen } from './accounts';
import { api, appUrl, defaultLanguagePerTest, shots } from './app-helpers';
import { createOrder } from './dispatch-helpers';

defaultLanguagePerTest();

test('重复诉求 on the analysis panel opens the repeats; the detail counts 第 N 次反映 and opens the others', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(appUrl('#analysis'));
  await expect(page.getByTestId('login-screen').or(page.getByTestId('header-user'))).toBeVisible();
  if (await page.getByTestId('login-screen').isVisible()) await loginThroughScreen(page);

  // Setup through the API: one problem reported three times, each linked to the one before.
  const token = `重复${Date.now() % 100000}`;
  const text = '楼道里的灯坏了一个多月，晚上上下楼看不见';
  const a = await createOrder(page.request, `${token}楼道灯坏了`, { description: text });
  const b = await createOrder(page.request, `${token}楼道灯又坏了`, { description: text });
  const c = await createOrder(page.request, `${token}楼道灯还没修`, { description: text });
  await api(page, 'triage.linkRepeat', { orderId: b, ofOrderId: a });
  await api(page, 'triage.linkRepeat', { orderId: c, ofOrderId: b });

  // 分析研判: the count of the last 30 days, a click to the desk.
  await page.reload();
  const tile = page.getByTestId('repeat-tile');
  await expect(tile).toContainText('重复诉求');
  const n = Number(((await page.getByTestId('repeat-tile-count').textContent()) ?? '').replace(/\D/g, ''));
  expect(n).toBeGreaterThanOrEqual(2);
  await shots(page, 'triage-repeat-tile');
  await tile.click();
  await expect(page.locator('#tab-dispatch')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('desk-drill')).toContainText('重复诉求');
  const row = page.locator(`[data-testid="order-row"][data-order-id="${c}"]`);
  await row.click();

  // The third report: 第 3 次, with the two before it a click away.
  const detailOf = (id: string) => page.locator(`[data-testid="order-detail"][data-order-id="${id}"]`);
  await expect(detailOf(c).getByTestId('triage-repeat-nth')).toHaveText('同一问题第 3 次反映');
  const chain = detailOf(c).getByTestId('triage-repeat-chain');
  await expect(chain.locator('li')).toHaveCount(3);
  await expect(chain).toContainText('共 3 次');
  await shots(page, 'triage-repeat-chain');
  await chain.locator(`li[data-order-id="${a}"]`).getByTestId('triage-chain-open').click();
  await expect(detailOf(a).getByTestId('triage-repeat-nth')).toHaveText('同一问题第 1 次反映');
  await expect(detailOf(a).getByTestId('triage-repeated-by')).toContainText(b);
});
