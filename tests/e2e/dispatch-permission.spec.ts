/**
 * 核查/结案 as their own permission (issue 13): an officer without it is not offered 核查 or 结案
 * on an order waiting for verification; the admin grants it in 账号管理 by clicking; after that
 * the same officer verifies and closes it.
 */
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './accounts';
import {
  actViaApi,
  api,
  createOrder,
  detail,
  ensureDeskAccounts,
  expectStatus,
  openOrder,
  signedInPage,
  submitAndApply,
} from './dispatch-helpers';

const VERIFIER = {
  username: 'desk.verifier',
  displayName: '周核查',
  password: 'Verifier-pass-2026',
  role: 'officer',
} as const;

test.beforeAll(async ({ browser }) => {
  await ensureDeskAccounts(browser);
});

test('an admin grants 核查结案 to an officer, who then verifies and closes', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, E2E_ADMIN, '#dispatch');
  // Setup: the officer account, and an order waiting for verification.
  const created = await admin.request.post(`${process.env.HALL_E2E_URL}api/accounts.create`, {
    data: VERIFIER,
  });
  const body = (await created.json()) as { ok: boolean; error?: { reason?: string } };
  expect(body.ok || body.error?.reason === 'username_taken').toBe(true);
  const token = `核查${Date.now().toString(36)}`;
  const orderId = await createOrder(admin.request, `路灯不亮 ${token}`);
  const { units } = await api<{ units: Array<{ id: string }> }>(admin.request, 'reference.snapshot', {});
  const unitId = units[0]?.id ?? '';
  await actViaApi(admin.request, orderId, [
    { type: 'dispatched', payload: { unitId } },
    { type: 'signed', payload: { unitId } },
    { type: 'replied', payload: { result: '已更换灯泡' } },
  ]);

  // Without the permission: no 核查, no 结案.
  const officer = await signedInPage(browser, VERIFIER);
  await openOrder(officer, orderId, token);
  await expectStatus(officer, '已办结');
  await expect(
    detail(officer).getByTestId('action-callback').or(detail(officer).getByTestId('action-urge')),
  ).not.toHaveCount(0);
  await expect(detail(officer).getByTestId('action-verify')).toHaveCount(0);
  await expect(detail(officer).getByTestId('action-close')).toHaveCount(0);

  // The admin grants it in 账号管理.
  await admin.getByTestId('open-accounts').click();
  const row = admin.locator(`[data-testid="account-row"][data-username="${VERIFIER.username}"]`);
  await expect(row.getByTestId('account-has-verify')).toHaveCount(0);
  await row.getByTestId('account-toggle-verify').click();
  await expect(admin.getByTestId('accounts-notice')).toHaveText(`已授予 ${VERIFIER.username} 核查结案权限`);
  await expect(row.getByTestId('account-has-verify')).toBeVisible();

  // The officer signs in again (the permission goes with the account) and verifies.
  await officer.reload();
  await openOrder(officer, orderId, token);
  await detail(officer).getByTestId('action-verify').click();
  await officer.getByTestId('field-passed-pass').check();
  await submitAndApply(officer);
  await expectStatus(officer, '已结案');
  await admin.context().close();
  await officer.context().close();
});
