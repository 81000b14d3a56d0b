/**
 * The party network's last pieces by clicking (issue 15): on the desk's order detail the duty
 * officer adds the first suggested 双报到 member as 协办党员 (with the reasons shown), sees it on
 * the detail and in the timeline, and removes it after a confirmation with a reason. 党员接单: the
 * admin links an account to a member in 账号管理; the member account signs in, sees its own two
 * tasks, accepts and finishes (办结) one and declines (拒单) the other, each recorded as its own
 * step. Screenshots at 1080p (and 4K with HALL_E2E_SHOTS=all).
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

test('党员接单: the admin links the account in 账号管理; the member signs in, accepts and finishes one task, declines another', async ({
  browser,
}) => {
  const token = `党员接单${Date.now() % 1_000_000}`;
  const username = 'party.member';
  const password = 'party-member-2026';
  // The admin signs in through the login screen (on 评估反馈: no map to draw). The account itself
  // is setup through the API (creating accounts by clicking is accounts-admin.spec's).
  const admin = await signedInPage(browser, E2E_ADMIN, '#evaluation');
  const res = await admin.request.post(appUrl('api/accounts.create'), {
    data: { username, displayName: '党员账号', password, role: 'officer' },
  });
  const created = (await res.json()) as { ok: boolean; error?: { reason?: string } };
  if (!created.ok) expect(created.error?.reason).toBe('username_taken');
  const members = await api<Array<{ id: string; name: string; communityCode: string | null }>>(
    admin,
    'party.members',
    {},
  );
  const m = members.find((x) => x.communityCode)!;

  // 账号管理: link the account to the member by choosing it in the row's select.
  await admin.getByTestId('open-accounts').click();
  const dialog = admin.getByRole('dialog', { name: '账号管理' });
  await expect(dialog).toBeVisible();
  const link = dialog.getByRole('combobox', { name: `${username} 关联的双报到党员` });
  await link.selectOption(m.id);
  await expect(dialog.getByTestId('accounts-notice')).toHaveText(`已将 ${username} 关联到党员「${m.name}」`);
  await expect(link).toHaveValue(m.id);
  await dialog.getByTestId('accounts-close').click();
  await expect(dialog).toBeHidden();

  // Two tasks given to that member (派单 by clicking is party.spec's).
  const give = async (tag: string, description: string) => {
    const { orderId } = await api<{ orderId: string }>(admin, 'party.request', {
      need: 'elderly',
      communityCode: m.communityCode,
      address: '和平里小区5号楼1单元',
      description: `${token}${tag}：${description}`,
      citizen: { name: '钱大爷', phone: '13822223333' },
    });
    await api(admin, 'party.assign', { orderId, expectedVersion: 1, assignee: { kind: 'member', id: m.id } });
    return orderId;
  };
  const doneId = await give('甲', '独居老人需要有人帮忙取药');
  const declineId = await give('乙', '独居老人需要有人陪同就医');

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
  const first = home.getByTestId('member-task').filter({ hasText: `${token}甲` });
  const second = home.getByTestId('member-task').filter({ hasText: `${token}乙` });
  await expect(first).toHaveAttribute('data-status', 'dispatched');
  await expect(second).toHaveAttribute('data-status', 'dispatched');
  // The citizen is masked for a member account.
  await expect(home).not.toContainText('钱大爷');
  await shots(page, 'party-member-home');

  // 接单: focus follows to the 办结 field; 办结 without saying what was done is stopped there.
  await first.getByTestId('member-accept').click();
  await expect(first).toHaveAttribute('data-status', 'in_progress');
  const result = first.getByTestId('member-done-result');
  await expect(result).toBeFocused();
  await first.getByTestId('member-done').click();
  await expect(first.getByTestId('member-task-error')).toHaveText('请填写办结情况');
  await expect(result).toBeFocused();
  // 办结 with what was done: the task moves to the done list, focus to the list's heading.
  await result.fill('已代取药品并送到老人家中');
  await first.getByTestId('member-done').click();
  await expect(first).toHaveCount(0);
  const head = home.getByTestId('member-tasks-head');
  await expect(head).toHaveText('待办任务 1 件');
  await expect(head).toBeFocused();
  const finished = home.getByTestId('member-task-done').filter({ hasText: `${token}甲` });
  await expect(finished).toContainText('待评单');
  await shots(page, 'party-member-done');

  // 拒单 with a reason: the task goes back to the hall and leaves the member's lists.
  await second.getByTestId('member-decline-reason').fill('本周出差，无法陪同');
  await second.getByTestId('member-decline').click();
  await expect(second).toHaveCount(0);
  await expect(head).toHaveText('待办任务 0 件');
  await expect(head).toBeFocused();
  await expect(home.getByTestId('member-task-done').filter({ hasText: `${token}乙` })).toHaveCount(0);

  // Recorded as done by the member itself (本人账号), by its account.
  type Events = { events: Array<{ type: string; actor: string; payload: Record<string, unknown> }> };
  const done = await api<Events>(admin, 'orders.get', { orderId: doneId });
  expect(done.events.find((e) => e.type === 'volunteer_accepted')).toMatchObject({
    actor: username,
    payload: { assigneeId: m.id, person: m.name, via: 'app' },
  });
  expect(done.events.find((e) => e.type === 'replied')).toMatchObject({
    actor: username,
    payload: { result: '已代取药品并送到老人家中' },
  });
  const declined = await api<Events>(admin, 'orders.get', { orderId: declineId });
  expect(declined.events.find((e) => e.type === 'volunteer_declined')).toMatchObject({
    actor: username,
    payload: { assigneeId: m.id, reason: '本周出差，无法陪同', via: 'app' },
  });
  expect(declined.events.some((e) => e.type === 'volunteer_accepted')).toBe(false);
  await admin.context().close();
  await ctx.close();
});
