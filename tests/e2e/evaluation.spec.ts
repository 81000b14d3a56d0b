/**
 * Issue 16, item 2 end to end: 评估反馈 renders the street's rates against target, the ranking of
 * units with movement, 不满意风险预警 and 排名推演 from the demo store; switching to 社区 ranks the
 * communities; clicking a ranking row opens its call-back orders on the dispatch desk (drill-down);
 * the 待回访 link opens the desk's 待回访 queue; 吹哨报到双考核 lists the summoned units with 考核得分. Screenshots at 1080p, 4K and the 5760×1080 wall.
 */
import { expect, test } from '@playwright/test';
import { ARTIFACTS, shots, signIn } from './app-helpers';

test('evaluation panel: rates, ranking with movement, risk, what-if; a row drills down to the desk', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await signIn(page, '#evaluation');
  await page.getByRole('tab', { name: /评估反馈/ }).click();
  const panel = page.getByTestId('panel-evaluation');
  await expect(panel).toBeVisible();

  // The demo's call-backs: last month has data (this month may have few on day one).
  const month = page.getByTestId('eval-month');
  const current = await month.inputValue();
  const [y, m] = current.split('-').map(Number) as [number, number];
  const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  await month.fill(last);
  await expect(page.getByTestId('fig-composite').locator('.value')).not.toHaveText('—');
  await expect(page.getByTestId('fig-satisfaction')).toContainText('目标');
  const rows = page.getByTestId('eval-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(rows.first().locator('td.rank')).toHaveText('1');
  await expect(page.getByTestId('eval-risk').or(page.getByText('目前没有风险工单'))).toBeVisible();
  await expect(page.getByText('排名推演')).toBeVisible();
  // 吹哨报到双考核: the summoned units with their report-in and task figures and 考核得分.
  await expect(page.getByTestId('eval-dual-rule')).toContainText('综合得分 × 80% + 双考核分 × 20%');
  await expect(page.getByTestId('eval-dual-row').first()).toBeVisible();
  await expect(page.getByTestId('eval-dual-assessed').first()).not.toHaveText('—');
  await shots(page, 'evaluation');

  // The 5760×1080 wall: three columns side by side.
  await page.setViewportSize({ width: 5760, height: 1080 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${ARTIFACTS}evaluation-5760x1080.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });

  // Communities, then drill from the first row to its orders on the desk.
  await page.getByTestId('eval-level-community').click();
  await expect(page.getByText('社区排名')).toBeVisible();
  const first = rows.first();
  await expect(first).toBeVisible();
  const name = (await first.locator('td.name').textContent())!.trim();
  await first.click();
  await expect(page.getByTestId('dispatch-desk')).toBeVisible();
  await expect(page.getByTestId('dispatch-desk')).toContainText(name);
  await expect(page.getByTestId('order-row').first()).toBeVisible();

  // Back to 评估反馈: the 待回访 link opens the desk's 待回访 queue.
  await page.keyboard.press('F4');
  await page.getByTestId('eval-callback-queue').click();
  await expect(page.getByTestId('dispatch-desk')).toHaveAttribute('data-tab', 'to_callback');
});
