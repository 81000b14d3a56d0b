/**
 * 退单 refused (issue 13): a duty officer asks to return an order (with the reason), the order
 * waits in 退单待审, and a commander refuses it — the destructive decision asks for confirmation
 * naming the order and the consequence, 返回修改 keeps the input — and the order goes back to
 * its unit. An officer is not offered the review at all.
 */
import { expect, test } from '@playwright/test';
import {
  actViaApi,
  api,
  createOrder,
  detail,
  expectStatus,
  openDesk,
  openOrder,
  shots,
  submitAndApply,
  officerAndCommander,
  withDeskAccounts,
} from './dispatch-helpers';

withDeskAccounts();

test('an officer asks to return an order; a commander refuses it after a confirmation', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { officer, commander } = await officerAndCommander(browser);
  const token = `退单${Date.now().toString(36)}`;
  // Setup (not the step under test): an order already dispatched to a unit and signed.
  const orderId = await createOrder(officer.request, `楼道堆物占用消防通道 ${token}`);
  const { units } = await api<{ units: Array<{ id: string; name: string }> }>(
    officer.request,
    'reference.snapshot',
    {},
  );
  const unit = units[1] ?? units[0];
  if (!unit) throw new Error('no units in the demo street');
  await actViaApi(officer.request, orderId, [
    { type: 'dispatched', payload: { unitId: unit.id } },
    { type: 'signed', payload: { unitId: unit.id } },
  ]);

  // ── The officer asks to return it ───────────────────────────────────────────────────────
  await openOrder(officer, orderId, token);
  await expectStatus(officer, '处置中');
  // The review is a commander's: an officer does not see it.
  await expect(detail(officer).getByTestId('action-return_review')).toHaveCount(0);
  await detail(officer).getByTestId('action-return_request').click();
  await expect(officer.getByTestId('field-unitId')).toHaveValue(unit.id);
  await officer.getByTestId('action-submit').click();
  await expect(officer.getByTestId('error-reason')).toHaveText('请填写此项');
  await officer.getByTestId('field-reason').fill('该处属于物业管理范围，非本单位职责');
  await submitAndApply(officer);
  await expectStatus(officer, '退单审核中');

  // ── The commander finds it in 退单待审 ──────────────────────────────────────────────────
  await openDesk(commander);
  await commander.getByTestId('queue-tab-return_review').click();
  await expect(commander.getByTestId('queue-count-return_review')).not.toHaveText('0');
  const row = commander.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  await row.click();
  const d = detail(commander);
  await expectStatus(commander, '退单审核中');
  await d.getByTestId('action-return_review').click();
  await expect(commander.getByTestId('action-context')).toContainText('该处属于物业管理范围');
  await commander.getByTestId('field-approved-refuse').check();
  await commander.getByTestId('field-note').fill('消防通道属街道综合执法范围，请继续办理');
  await commander.getByTestId('action-submit').click();

  // A confirmation names the order and what happens; 返回修改 keeps the form as it was.
  const confirm = commander.getByTestId('confirm-dialog');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(orderId);
  await expect(commander.getByTestId('confirm-consequence')).toContainText(
    '驳回退单：工单回到原承办单位继续办理',
  );
  await expect(commander.getByTestId('confirm-cancel')).toBeFocused();
  await shots(commander, 'desk-confirm-return');
  await commander.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(commander.getByTestId('field-note')).toHaveValue('消防通道属街道综合执法范围，请继续办理');
  await expect(commander.getByTestId('field-approved-refuse')).toBeChecked();
  await commander.getByTestId('action-submit').click();
  await commander.getByTestId('confirm-ok').click();
  await expect(commander.getByTestId('action-form')).toHaveCount(0);
  await expect(commander.locator('[data-testid="desk-notice"][data-kind="saved"]')).toContainText('退单审核');
  await expectStatus(commander, '处置中');
  const decided = d.locator('[data-testid="timeline-event"][data-type="return_decided"]');
  await expect(decided).toContainText('驳回');
  await expect(decided).toContainText('消防通道属街道综合执法范围');
  // Back with its unit; the officer's screen follows by itself.
  await expect(d.getByTestId('detail-fields')).toContainText(unit.name);
  await expectStatus(officer, '处置中');
  await officer.context().close();
  await commander.context().close();
});
