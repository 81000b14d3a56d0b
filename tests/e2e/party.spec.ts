/**
 * The party network as a dispatch force by clicking (issue 15 item 3): the duty officer opens 党群
 * from the header, records a resident's 居民点单, 派单 to the first suggested 双报到 member, records
 * the member's 接单 and 办结 and the resident's 评单 (5 stars); the member's 积分 in this month's
 * ranking grows by 完成 +5 and 满意 +3 and the ledger lists both with the order. Screenshots of
 * the four party screens at 1080p (and 4K with HALL_E2E_SHOTS=all).
 */
import { expect, test } from '@playwright/test';
import { api, shots, signedInPage, OFFICER, withDeskAccounts } from './dispatch-helpers';

withDeskAccounts();

interface RankRow {
  readonly memberId: string;
  readonly points: number;
  readonly rank: number;
}

test('居民点单 → 派单 to a member → 接单 → 办结 → 评单, and the member’s 积分 and ranking change', async ({
  browser,
}) => {
  const page = await signedInPage(browser, OFFICER);
  const token = `陪同就医${Date.now() % 1_000_000}`;

  await page.getByTestId('party-open').click();
  const dialog = page.getByTestId('party-dialog');
  await expect(dialog).toBeVisible();

  // 居民点单
  const form = dialog.getByTestId('party-request-form');
  await form.getByTestId('party-need').selectOption('elderly');
  await form.getByTestId('party-address').fill('3号楼2单元');
  await form.getByTestId('party-description').fill(`${token}：独居老人下周二需要有人陪同去医院复诊`);
  await form.getByTestId('party-resident').fill('孙桂兰');
  await form.getByTestId('party-phone').fill('13811112222');
  await form.getByTestId('party-request-submit').click();
  const detail = dialog.getByTestId('party-task-detail');
  await expect(detail.getByTestId('party-task-title')).toContainText(token);
  await expect(detail.getByTestId('party-task-status')).toHaveText('待派单');

  // 派单 to the first suggested member (skill, community, time slot, load).
  const first = detail.getByTestId('party-suggest-member').first();
  await expect(first).toBeVisible();
  const memberId = (await first.getAttribute('data-member')) ?? '';
  expect(memberId).not.toBe('');
  const before = (await api<RankRow[]>(page, 'party.ranking', { period: 'month', limit: 200 })).find(
    (r) => r.memberId === memberId,
  );
  await shots(page, 'party-tasks');
  await first.getByTestId('party-assign-member').click();
  await expect(detail.getByTestId('party-task-status')).toHaveText('待接单');

  // 接单, recorded for the member (by phone).
  await detail.getByTestId('party-accept-via').selectOption('phone');
  await detail.getByTestId('party-accept').click();
  await expect(detail.getByTestId('party-task-status')).toHaveText('服务中');

  // 办结
  await detail.getByTestId('party-done-result').fill('已陪同老人完成复诊并送回家中');
  await detail.getByTestId('party-done').click();
  await expect(detail.getByTestId('party-task-status')).toHaveText('待评单');

  // 评单, recorded for the resident: 5 stars.
  await detail.getByTestId('party-star-5').click();
  await detail.getByTestId('party-rate-note').fill('服务很周到');
  await detail.getByTestId('party-rate').click();
  await expect(detail.getByTestId('party-task-status')).toHaveText('已评单');
  await expect(detail.getByTestId('party-task-rating')).toHaveText('5 星 · 满意');

  // 积分: this month's ranking shows the member with 8 more points; the ledger lists both credits.
  await dialog.getByTestId('party-tab-points').click();
  await expect(dialog.getByTestId('party-rule')).toContainText('完成任务 +5');
  const row = dialog.locator(`[data-testid="party-rank-row"][data-member="${memberId}"]`);
  await expect(row.getByTestId('party-rank-points')).toHaveText(String((before?.points ?? 0) + 8));
  const rankNow = Number(await row.getByTestId('party-rank').textContent());
  if (before) expect(rankNow).toBeLessThanOrEqual(before.rank);
  await row.click();
  const credits = dialog.getByTestId('party-ledger').getByTestId('party-credit').filter({ hasText: token });
  await expect(credits).toHaveCount(2);
  await expect(credits.filter({ hasText: '+5' })).toContainText('完成任务');
  await expect(credits.filter({ hasText: '+3' })).toContainText('群众满意');
  await shots(page, 'party-points');

  await dialog.getByTestId('party-tab-members').click();
  await expect(dialog.getByTestId('party-member').first()).toBeVisible();
  await shots(page, 'party-members');
  await dialog.getByTestId('party-tab-places').click();
  await expect(dialog.getByTestId('party-site').first()).toBeVisible();
  await expect(dialog.getByTestId('party-branch').first()).toBeVisible();
  // Every site's services line wraps inside its card (it inherited the header's nowrap once, clipped).
  const overflowing = await dialog
    .getByTestId('party-site-services')
    .evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
    );
  expect(overflowing).toEqual([]);
  await shots(page, 'party-places');
});
