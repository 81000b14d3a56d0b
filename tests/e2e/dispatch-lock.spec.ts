/**
 * Two people, one case (issue 13): a duty officer opens 联系群众 on an order and starts typing;
 * a commander in another browser sees "王值班 正在处理（联系群众）· 刚刚" and every action button
 * disabled. The commander releases the lock with a reason and sends a 督办. The officer's form,
 * opened before that, is now stale: its save comes back with 该工单已被他人更新, the note still
 * there, and 重新载入并重试 saves it on the new version.
 */
import { expect, test } from '@playwright/test';
import {
  actViaApi,
  api,
  createOrder,
  detail,
  openOrder,
  shots,
  submitAndApply,
  officerAndCommander,
  withDeskAccounts,
} from './dispatch-helpers';

withDeskAccounts();

test('two browsers on one order: the lock is shown, broken by a commander, and a stale save is retried', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { officer, commander } = await officerAndCommander(browser);
  const token = `锁定${Date.now().toString(36)}`;
  const orderId = await createOrder(officer.request, `小区路灯不亮 ${token}`);
  const { units } = await api<{ units: Array<{ id: string }> }>(officer.request, 'reference.snapshot', {});
  const unitId = units[0]?.id ?? '';
  await actViaApi(officer.request, orderId, [
    { type: 'dispatched', payload: { unitId } },
    { type: 'signed', payload: { unitId } },
  ]);

  // ── The officer opens 联系群众 and types ────────────────────────────────────────────────
  await openOrder(officer, orderId, token);
  await detail(officer).getByTestId('action-contact').click();
  const note = '已电话联系群众，约定明早 9 点上门查看';
  await officer.getByTestId('field-note').fill(note);

  // ── The commander sees who is working on it; the buttons wait ─────────────────────────
  await openOrder(commander, orderId, token);
  const banner = commander.getByTestId('lock-banner');
  await expect(banner).toContainText('王值班 正在处理（联系群众）');
  await expect(banner).toContainText('刚刚');
  const buttons = detail(commander)
    .getByTestId('action-bar')
    .locator('[data-testid^="action-"]:not([data-testid="action-bar"])');
  expect(await buttons.count()).toBeGreaterThan(2);
  for (const b of await buttons.all()) await expect(b).toBeDisabled();
  await shots(commander, 'desk-lock-other');

  // ── 解除锁定 needs a reason; then the commander sends a 督办 ──────────────────────────────
  await banner.getByTestId('lock-break').click();
  await commander.getByTestId('lock-break-confirm').click();
  await expect(banner).toContainText('请填写此项');
  await commander.getByTestId('lock-break-reason').fill('值班员离岗，由指挥长先行督办');
  await commander.getByTestId('lock-break-confirm').click();
  await expect(commander.getByTestId('lock-banner')).toHaveCount(0);
  // The officer's form learns its lock was released.
  await expect(officer.getByTestId('lock-lost')).toBeVisible();

  await detail(commander).getByTestId('action-urge').click();
  await commander.getByTestId('field-level-supervise').check();
  await commander.getByTestId('field-note').fill('请今日内联系群众并反馈');
  await submitAndApply(commander);
  await expect(detail(commander).locator('[data-testid="timeline-event"][data-type="urged"]')).toContainText(
    '请今日内联系群众并反馈',
  );

  // ── The officer's save is stale: the input comes back with reload-and-retry ────────────
  await officer.getByTestId('action-submit').click();
  await officer
    .locator('[data-testid="undo-toast"][data-state="waiting"]')
    .last()
    .getByTestId('send-now')
    .click();
  const stale = officer.getByTestId('stale-notice');
  await expect(stale).toContainText('该工单已被他人更新，你填写的内容已保留。');
  await expect(officer.getByTestId('action-form')).toHaveAttribute('data-action', 'contact');
  await expect(officer.getByTestId('field-note')).toHaveValue(note);
  await shots(officer, 'desk-stale');
  await officer.getByTestId('stale-retry').click();
  await expect(officer.getByTestId('action-form')).toHaveCount(0);
  const contacted = detail(officer).locator('[data-testid="timeline-event"][data-type="contacted"]');
  await expect(contacted).toContainText(note);
  // The commander's screen follows by itself: the 督办, then the officer's 联系群众.
  await expect(
    detail(commander).locator('[data-testid="timeline-event"][data-type="contacted"]'),
  ).toHaveCount(1);
  const types = await detail(commander)
    .locator('[data-testid="timeline-event"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  expect(types.slice(-2)).toEqual(['urged', 'contacted']);
  await officer.context().close();
  await commander.context().close();
});
