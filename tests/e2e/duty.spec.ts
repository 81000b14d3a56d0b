/**
 * 值班与交接班 by clicking (issue 15): the commander adds two shifts to the roster; the status bar
 * shows who is on duty now; the on-duty shift's handover report lists the shift's events (an order
 * received and dispatched during it) with the notes, and the next shift acknowledges it — both kept.
 * Screenshots of the roster and the handover at 1080p and 4K.
 */
import { expect, test } from '@playwright/test';
import {
  actViaApi,
  createOrder,
  shots,
  signedInPage,
  COMMANDER,
  OFFICER,
  withDeskAccounts,
} from './dispatch-helpers';

withDeskAccounts();

test('a roster with two shifts, who is on duty now, and a handover the next shift acknowledges', async ({
  browser,
}) => {
  const boss = await signedInPage(browser, COMMANDER);
  const chinaHour = new Date(Date.now() + 8 * 3600_000).getUTCHours();
  const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  const day = `值班甲${Date.now() % 100000}`;
  const other = `值班乙${Date.now() % 100000}`;

  await boss.getByTestId('duty-status').click();
  const dialog = boss.getByTestId('duty-dialog');
  await expect(dialog).toBeVisible();
  // A shift on now (all week, around the clock but the last minute) and one that is not.
  await dialog.getByTestId('shift-person').fill(day);
  await dialog.getByTestId('shift-from').fill('00:00');
  await dialog.getByTestId('shift-to').fill('23:59');
  await dialog.getByTestId('shift-save').click();
  await expect(dialog.getByTestId('duty-shift').filter({ hasText: day })).toHaveAttribute('data-on', 'true');
  await dialog.getByTestId('shift-person').fill(other);
  await dialog.getByTestId('shift-from').fill(hh(chinaHour + 3));
  await dialog.getByTestId('shift-to').fill(hh(chinaHour + 4));
  await dialog.getByTestId('shift-save').click();
  await expect(dialog.getByTestId('duty-shift').filter({ hasText: other })).toHaveAttribute(
    'data-on',
    'false',
  );
  await expect(boss.getByTestId('duty-status')).toContainText(day);
  await expect(boss.getByTestId('duty-status')).not.toContainText(other);

  // During the shift: an order received and dispatched.
  const token = `交接班${Date.now()}`;
  const orderId = await createOrder(boss.request, `${token} 楼道堆物`);
  await actViaApi(boss.request, orderId, [{ type: 'dispatched', payload: { unitId: 'unit-chengguan' } }]);

  // The handover form starts on the shift on duty now.
  await expect(dialog.getByTestId('handover-shift').locator('option:checked')).toContainText(day);
  await dialog.getByTestId('handover-notes').fill('楼道堆物一件已派城管，夜班请跟进');
  await dialog.getByTestId('handover-generate').click();
  const report = dialog.getByTestId('handover-report').first();
  await expect(report).toContainText(day);
  await expect(report).toContainText(/受理 [1-9]\d*/);
  await expect(report).toContainText(/派遣 [1-9]\d*/);
  await expect(report).toContainText('夜班请跟进');
  await shots(boss, 'duty-roster-handover');
  await boss.context().close();

  // The next shift (the officer) acknowledges the report; it stays, with who and when.
  const next = await signedInPage(browser, OFFICER);
  await next.getByTestId('duty-status').click();
  const mine = next
    .getByTestId('duty-dialog')
    .getByTestId('handover-report')
    .filter({ hasText: '夜班请跟进' })
    .first();
  await mine.getByTestId('handover-ack').click();
  await expect(mine.getByTestId('handover-acked')).toContainText(OFFICER.username);
  await next.context().close();
});
