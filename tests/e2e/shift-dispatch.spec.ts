/**
 * Shift-aware dispatch by clicking (issue 15, item 2): the commander puts two shifts of one unit's
 * group on the roster — one on duty now, one later; 推荐派单 names the person on duty in that
 * unit ("当前值班：…"), and one click dispatches to the unit with that person recorded on the
 * 派单 (the core decides, from the same roster). Screenshots at 1080p and 4K.
 */
import { expect, test } from '@playwright/test';
import {
  api,
  createOrder,
  openOrder,
  applyNow,
  shots,
  signedInPage,
  COMMANDER,
  withDeskAccounts,
} from './dispatch-helpers';

withDeskAccounts();

test('a roster with two shifts of a unit group; 派单 to the group goes to the person on duty', async ({
  browser,
}) => {
  const boss = await signedInPage(browser, COMMANDER);
  const token = `值守派单${Date.now() % 1_000_000}`;
  const orderId = await createOrder(boss.request, `${token} 商铺夜间噪音`);
  // Setup: the unit 推荐派单 ranks first for this order becomes the group under test.
  const rec = await api<{ candidates: Array<{ unitId: string; name: string }> }>(
    boss.request,
    'orders.recommend',
    {
      orderId,
      limit: 5,
    },
  );
  const unit = rec.candidates[0];
  expect(unit).toBeDefined();
  if (!unit) return;

  const chinaHour = new Date(Date.now() + 8 * 3600_000).getUTCHours();
  const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  const nowPerson = `当班甲${Date.now() % 100000}`;
  const laterPerson = `接班乙${Date.now() % 100000}`;

  await boss.getByTestId('duty-status').click();
  const dialog = boss.getByTestId('duty-dialog');
  await expect(dialog).toBeVisible();
  for (const [person, from, to] of [
    [nowPerson, hh(chinaHour), hh(chinaHour + 2)],
    [laterPerson, hh(chinaHour + 2), hh(chinaHour + 4)],
  ] as const) {
    await dialog.getByTestId('shift-person').fill(person);
    await dialog.getByTestId('shift-from').fill(from);
    await dialog.getByTestId('shift-to').fill(to);
    await dialog.getByTestId('shift-unit').selectOption(unit.unitId);
    await dialog.getByTestId('shift-save').click();
    await expect(dialog.getByTestId('duty-shift').filter({ hasText: person })).toContainText(unit.name);
  }
  await expect(dialog.getByTestId('duty-shift').filter({ hasText: nowPerson })).toHaveAttribute(
    'data-on',
    'true',
  );
  await expect(dialog.getByTestId('duty-shift').filter({ hasText: laterPerson })).toHaveAttribute(
    'data-on',
    'false',
  );
  await dialog.getByRole('button', { name: '关闭' }).first().click();
  await expect(dialog).toHaveCount(0);

  // 推荐派单 names the person on duty in the unit's group now, not the later shift.
  await openOrder(boss, orderId, token);
  const row = boss.locator(`[data-testid="recommendation"][data-unit-id="${unit.unitId}"]`);
  await expect(row.getByTestId('unit-duty')).toHaveText(
    `当前值班：${nowPerson}（${hh(chinaHour)}–${hh(chinaHour + 2)}）`,
  );
  await shots(boss, 'shift-dispatch-recommend');

  // One click: 派单 to the unit; the 派单 records the person on duty.
  await row.getByTestId('recommendation-pick').click();
  await applyNow(boss);
  const dispatched = boss.getByTestId('timeline-event').filter({ hasText: `值班人员：${nowPerson}` });
  await expect(dispatched).toHaveCount(1);
  await expect(boss.getByTestId('timeline')).not.toContainText(laterPerson);
  await boss.context().close();
});
