/**
 * Unit accounts and redaction by clicking (issue 15, items 2 and 5): the admin makes an account a
 * 协办 unit's account in 账号管理; signed in, that account finds on the desk only the orders its
 * unit is on, and the order it is 协办 of shows the facts with the citizen's name and phone masked
 * (the core masks for the session; the page is given nothing more). Screenshots at 1080p and 4K.
 */
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './accounts';
import { actViaApi, api, createOrder, openOrder, shots, signedInPage } from './dispatch-helpers';

test('an admin makes an account a unit’s; it sees its unit’s order with the citizen masked', async ({
  browser,
}) => {
  const admin = await signedInPage(browser, E2E_ADMIN, '#dispatch');
  const snap = await api<{ units: Array<{ id: string; name: string }> }>(
    admin.request,
    'reference.snapshot',
    {},
  );
  const [lead, helper, other] = snap.units;
  expect(other).toBeDefined();
  if (!lead || !helper || !other) return;
  const stamp = Date.now() % 1_000_000;
  const username = `unit.staff.${stamp}`;
  const password = `unit-staff-${stamp}-pw`;
  await api(admin.request, 'accounts.create', {
    username,
    displayName: '协办联络员',
    password,
    role: 'officer',
  });
  const token = `单位账号${stamp}`;
  const ours = await createOrder(admin.request, `${token} 楼道堆物`);
  await actViaApi(admin.request, ours, [
    { type: 'dispatched', payload: { unitId: lead.id, coUnitIds: [helper.id] } },
  ]);
  const notOurs = await createOrder(admin.request, `${token} 路灯不亮`);
  await actViaApi(admin.request, notOurs, [{ type: 'dispatched', payload: { unitId: other.id } }]);

  // 账号管理: the admin sets the account's unit.
  await admin.getByTestId('open-accounts').click();
  const dialog = admin.getByTestId('accounts-dialog');
  const row = dialog.locator(`[data-testid="account-row"][data-username="${username}"]`);
  await row.getByTestId('account-unit').selectOption(helper.id);
  await expect(dialog.getByTestId('accounts-notice')).toContainText(`设为「${helper.name}」的单位账号`);
  await expect(row.getByTestId('account-unit')).toHaveValue(helper.id);
  await shots(admin, 'unit-accounts-dialog');
  await admin.context().close();

  // The unit's account: only its unit's order, the citizen masked.
  const unit = await signedInPage(browser, { username, password });
  await openOrder(unit, ours, token);
  await expect(unit.locator(`[data-testid="order-row"][data-order-id="${notOurs}"]`)).toHaveCount(0);
  const fields = unit.getByTestId('order-detail').getByTestId('detail-fields');
  await expect(fields).toContainText('138');
  await expect(fields).not.toContainText('13800001234');
  await expect(fields).not.toContainText('赵群众');
  await shots(unit, 'unit-accounts-masked-order');
  await unit.context().close();
});
