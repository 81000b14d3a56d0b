/**
 * The party network's last pieces by clicking (issue 15): on the desk's order detail the duty
 * officer adds the first suggested 双报到 member as 协办党员 (with the reasons shown), sees it on
 * the detail and in the timeline, and removes it after a confirmation with a reason; a member
 * account (党员接单) signs in, sees its own task and accepts it itself. Screenshots at 1080p (and
 * 4K with HALL_E2E_SHOTS=all).
 */
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './accounts';
import { api, appUrl } from './app-helpers';
import {
  createOrder,
  detail,
  openOrder,
  shots,
  signedInPage,
  OFFICER,
  withDeskAccounts,
} from './dispatch-helpers';

withDeskAccounts();

test('协办党员: add the first suggested member on the order detail, see it in the timeline, remove it', async ({
  browser,
}) => {
  const page = await signedInPage(browser, OFFICER);
  const token = `协办党员${Date.now() % 1_000_000}`;
  const orderId = await createOrder(page.request, `${token} 商铺夜间噪音扰民`);
  await openOrder(page, orderId, token);

  const box = detail(page).getByTestId('order-assists');
  await expect(box).toContainText('暂无协办党员');
  await box.getByTestId('assist-open').click();
  const first = box.getByTestId('assist-suggestion').first();
  await expect(first).toBeVisible();
  const memberId = (await first.getAttribute('data-member-id')) ?? '';
  await shots(page, 'party-assist-picker');
  await first.getByTestId('assist-add').click();

  const member = box.locator(`[data-testid="assist-member"][data-member-id="${memberId}"]`);
  await expect(member).toBeVisible();
  await expect(
    detail(page).locator('[data-testid="timeline-event"][data-type="member_assist_added"]'),
  ).toContainText('协办党员');
  await shots(page, 'party-assist-detail');

  // Removal asks first, with a reason.
  await member.getByTestId('assist-remove').click();
  await member.getByTestId('assist-remove-reason').fill('临时出差，改由他人协办');
  await member.getByTestId('assist-remove-confirm').click();
  await expect(box.getByTestId('assist-member')).toHaveCount(0);
  await expect(
    detail(page).locator('[data-testid="timeline-event"][data-type="member_assist_removed"]'),
  ).toContainText('临时出差');
});

test('党员接单: a member account signs in, sees its own task and accepts it itself', async ({ browser }) => {
  const token = `党员接单${Date.now() % 1_000_000}`;
  const username = 'party.member';
  const password = 'party-member-2026';
  // Setup through the API as the admin: the account linked to a member, a task given to that member.
  const admin = await browser.newContext();
  const login = await admin.request.post(appUrl('api/auth.login'), {
    data: { username: E2E_ADMIN.username, password: E2E_ADMIN.password },
  });
  expect(login.ok()).toBe(true);
  const res = await admin.request.post(appUrl('api/accounts.create'), {
    data: { username, displayName: '党员账号', password, role: 'officer' },
  });
  const created = (await res.json()) as { ok: boolean; error?: { reason?: string } };
  if (!created.ok) expect(created.error?.reason).toBe('username_taken');
  const members = await api<Array<{ id: string; name: string; communityCode: string | null }>>(
    admin.request,
    'party.members',
    {},
  );
  const m = members.find((x) => x.communityCode)!;
  await api(admin.request, 'accounts.setMember', { username, memberId: m.id });
  const { orderId } = await api<{ orderId: string }>(admin.request, 'party.request', {
    need: 'elderly',
    communityCode: m.communityCode,
    address: '5号楼1单元',
    description: `${token}：独居老人需要有人帮忙取药`,
    citizen: { name: '钱大爷', phone: '13822223333' },
  });
  await api(admin.request, 'party.assign', {
    orderId,
    expectedVersion: 1,
    assignee: { kind: 'member', id: m.id },
  });

  // The member signs in through the login screen and lands on its own page.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await page.goto(appUrl(''));
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill(password);
  await page.getByTestId('auth-password').press('Enter');
  const home = page.getByTestId('member-home');
  await expect(home).toBeVisible();
  await expect(home.getByTestId('member-name')).toHaveText(m.name);
  const task = home.getByTestId('member-task').filter({ hasText: token });
  await expect(task).toHaveAttribute('data-status', 'dispatched');
  // The citizen is masked for a member account.
  await expect(home).not.toContainText('钱大爷');
  await shots(page, 'party-member-home');
  await task.getByTestId('member-accept').click();
  await expect(task).toHaveAttribute('data-status', 'in_progress');

  // Recorded as done by the member itself (本人账号), by its account.
  const d = await api<{ events: Array<{ type: string; actor: string; payload: { via?: string } }> }>(
    admin.request,
    'orders.get',
    { orderId },
  );
  expect(d.events.find((e) => e.type === 'volunteer_accepted')).toMatchObject({
    actor: username,
    payload: { via: 'app' },
  });
  await admin.close();
  await ctx.close();
});
