/**
 * 吹哨报到 by clicking (issue 15, "Done when"): a duty officer blows the whistle for a joint
 * enforcement and summons three units; one acknowledges (recorded by phone), one reports in at
 * the meeting point, one never answers — each row shows its own state, the silent one goes 超时
 * and raises the alarm, and the command timeline shows all of it. Also: 发起吹哨 from an order's
 * detail seeds the form with the order, and the order then shows one 报到 row per summoned unit.
 * Screenshots of the whistle view and the form at 1080p and 4K.
 */
import { expect, test } from '@playwright/test';
import {
  createOrder,
  openDesk,
  openOrder,
  shots,
  signedInPage,
  OFFICER,
  withDeskAccounts,
} from './dispatch-helpers';

withDeskAccounts();

test('a whistle summons three units: 已读, 已报到 and 超时 with its alarm, all on the timeline', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await signedInPage(browser, OFFICER);
  await openDesk(page);
  await page.getByTestId('open-whistles').click();
  await expect(page.getByTestId('whistle-view')).toBeVisible();
  await page.getByTestId('whistle-new').click();
  const form = page.getByTestId('whistle-form');
  await form.getByTestId('whistle-kind').selectOption('joint_enforcement');
  const title = `双井桥下占道经营联合执法 ${Date.now()}`;
  await form.getByTestId('whistle-title').fill(title);
  await form.getByTestId('whistle-address').fill('双井桥东南角');
  await form.getByTestId('whistle-deadline').fill('1');
  const suggested = form.locator('.unit-pick.suggested input[type="checkbox"]');
  await expect(suggested.first()).toBeVisible();
  for (let i = 0; i < 3; i++) await suggested.nth(i).check();
  await shots(page, 'whistle-form');
  await form.getByTestId('whistle-submit').click();

  const detail = page.getByTestId('whistle-detail');
  await expect(detail).toContainText(title);
  const rows = detail.getByTestId('recipient');
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i).getByTestId('recipient-state')).toHaveText('已发送');

  // The first unit acknowledges by phone, recorded by the duty officer.
  await rows.nth(0).getByRole('button', { name: '记录确认' }).click();
  await rows.nth(0).getByTestId('ack-via').selectOption('phone');
  await rows.nth(0).getByTestId('ack-person').fill('李队长');
  await rows.nth(0).getByTestId('ack-save').click();
  await expect(rows.nth(0).getByTestId('recipient-state')).toHaveText('已读');
  await expect(rows.nth(0)).toContainText('李队长（电话）确认');

  // The second reports in far from the site without a reason: refused with a clear sentence.
  await rows.nth(1).getByRole('button', { name: '登记报到' }).click();
  await rows.nth(1).getByTestId('report-person').fill('王所长');
  await rows.nth(1).getByTestId('report-position').fill('116.60, 39.80');
  await rows.nth(1).getByTestId('report-save').click();
  await expect(rows.nth(1).getByRole('alert')).toContainText('请填写原因');
  // … then at the meeting point.
  await rows.nth(1).getByRole('button', { name: '在集合点' }).click();
  await rows.nth(1).getByTestId('report-save').click();
  await expect(rows.nth(1).getByTestId('recipient-state')).toHaveText('已报到');
  await expect(rows.nth(1)).toContainText('距集合点 0 米');

  // The third never answers: past the one-minute deadline the loop marks it 超时 and alarms (on
  // the e2e host a deadline minute lasts 20 s: HALL_WHISTLE_MINUTE_MS, set by global-setup.ts).
  await expect(rows.nth(2).getByTestId('recipient-state')).toHaveText('超时', { timeout: 90_000 });
  await expect(page.getByTestId('whistle-alarm')).toBeVisible({ timeout: 15_000 });
  await expect(rows.nth(0).getByTestId('recipient-state')).toHaveText('已读');
  await expect(rows.nth(1).getByTestId('recipient-state')).toHaveText('已报到');

  const timeline = page.getByTestId('whistle-timeline');
  await expect(timeline).toContainText('吹哨（联合执法）');
  await expect(timeline.locator('li[data-kind="summoned"]')).toHaveCount(3);
  await expect(timeline.locator('li[data-kind="read"]')).toHaveCount(1);
  await expect(timeline.locator('li[data-kind="reported"]')).toHaveCount(1);
  await expect(timeline.locator('li[data-kind="timeout"]')).toHaveCount(1);
  await expect(timeline.locator('li[data-kind="timeout"]')).toContainText('报到超时，已告警');

  // 会商纪要: a decision with an owner becomes a tracked task.
  await page.getByTestId('decision-text').fill('清理桥下摊点并设置隔离栏');
  await page.getByTestId('decision-save').click();
  await expect(page.getByTestId('whistle-task')).toContainText('清理桥下摊点并设置隔离栏');
  await expect(timeline.locator('li[data-kind="decision"]')).toHaveCount(1);

  // The duty officer acknowledges the alarm; it leaves the alarm strip.
  await rows.nth(2).getByRole('button', { name: '确认告警' }).click();
  await expect(rows.nth(2)).toContainText('告警已确认');
  await expect(page.getByTestId('whistle-alarm')).toHaveCount(0);
  await shots(page, 'whistle-view');
  await page.context().close();
});

test('发起吹哨 from an order: the order shows one 报到 row per summoned unit', async ({ browser }) => {
  const page = await signedInPage(browser, OFFICER);
  const token = `吹哨工单${Date.now()}`;
  const orderId = await createOrder(page.request, `${token} 小区积水需多部门处置`);
  await openOrder(page, orderId, token);
  await page.getByTestId('detail-whistle').click();
  const form = page.getByTestId('whistle-form');
  await expect(form.getByTestId('whistle-kind')).toHaveValue('order');
  await expect(form.getByTestId('whistle-title')).toHaveValue(new RegExp(token));
  await form.getByTestId('whistle-address').fill('垂杨柳东里小区南门');
  const suggested = form.locator('.unit-pick.suggested input[type="checkbox"]');
  for (let i = 0; i < 2; i++) await suggested.nth(i).check();
  await form.getByTestId('whistle-submit').click();
  const rows = page.getByTestId('whistle-detail').getByTestId('recipient');
  await expect(rows).toHaveCount(2);
  await rows.nth(0).getByRole('button', { name: '登记报到' }).click();
  await rows.nth(0).getByTestId('report-person').fill('张工');
  await rows.nth(0).getByRole('button', { name: '在集合点' }).click();
  await rows.nth(0).getByTestId('report-save').click();
  await expect(rows.nth(0).getByTestId('recipient-state')).toHaveText('已报到');
  // Back on the desk: the order's timers list both summoned units, each with its own state.
  await page.getByRole('button', { name: /返回工单/ }).click();
  await openOrder(page, orderId, token);
  const reports = page.getByTestId('timer').filter({ hasText: '报到' });
  await expect(reports).toHaveCount(2);
  await expect(reports.nth(0)).toContainText('按时');
  await expect(reports.nth(1)).not.toContainText('按时');
  await page.context().close();
});
