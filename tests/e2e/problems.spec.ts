/**
 * 每月一题 by clicking: on 分析研判 the commander (the e2e admin) opens 每月一题, sees the 一类事
 * candidates of the demo store (the planted 电梯 pattern among them), drills one down to its
 * orders on the desk, picks it into the problem bank, adds two milestones, marks one done and
 * sees the progress. Screenshots at 1920×1080 and 3840×2160.
 */
import { expect, test } from '@playwright/test';
import { defaultLanguagePerTest, shots, signIn } from './app-helpers';

defaultLanguagePerTest();

test('每月一题：一类事候选钻取到工单，选入题库，添加节点并完成，进度更新', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, '#analysis');
  await expect(page.getByTestId('panel-analysis')).toBeVisible();
  await page.getByTestId('an-view-problems').click();
  const first = page.getByTestId('pb-candidate-0');
  await expect(first).toBeVisible();
  const candidates = page.getByTestId('problem-candidates');
  await expect(candidates).toContainText('电梯');
  await expect(first).toContainText('本期');

  // 重新计算: a clustering newer than the one shown replaces it (the same candidates).
  const computed = page.getByTestId('pb-computed');
  const before = Number(await computed.getAttribute('data-computed-at'));
  await page.getByTestId('pb-recompute').click();
  await expect
    .poll(async () => Number(await computed.getAttribute('data-computed-at')), { timeout: 20_000 })
    .toBeGreaterThan(before);
  await expect(first).toContainText('本期');

  // Drill down: the desk shows exactly the candidate's orders.
  const n = Number(/本期 (\d+) 件/.exec((await first.textContent()) ?? '')?.[1]);
  expect(n).toBeGreaterThanOrEqual(3);
  await page.getByTestId('pb-drill-0').click();
  await expect(page.getByTestId('dispatch-desk')).toBeVisible();
  await expect(page.getByTestId('desk-drill')).toHaveAttribute('data-total', String(n));
  await page.locator('#tab-analysis').click();
  await page.getByTestId('an-view-problems').click();

  // Pick it as this month's topic.
  const label = (await first.locator('strong').textContent()) ?? '';
  await page.getByTestId('pb-pick-0').click();
  const detail = page.getByTestId('pb-detail');
  await expect(detail).toContainText(label);
  await expect(detail).toHaveAttribute('data-status', 'open');
  await expect(page.getByTestId('pb-figures')).toBeVisible();
  await expect(detail.getByTestId('pb-progress')).toHaveAttribute('data-value', '0');

  // Two milestones, the first done: 50 %.
  for (const [title, due] of [
    ['约谈物业与维保单位', '2026-12-20'],
    ['完成电梯更新改造', '2027-03-31'],
  ] as const) {
    await page.getByTestId('pb-ms-title').fill(title);
    await page.getByTestId('pb-ms-due').fill(due);
    await page.getByTestId('pb-ms-add').click();
    await expect(detail).toContainText(title);
  }
  await detail.getByTestId('pb-ms-done').first().click();
  await expect(detail.getByTestId('pb-progress')).toHaveAttribute('data-value', '50');
  await expect(detail.getByTestId('pb-ms-done').first()).toBeChecked();
  await expect(page.getByTestId('problem-bank')).toContainText('进度 50%');
  await shots(page, 'problems');

  // 点评会 meeting mode shows the topic's progress on its 每月一题 slide.
  const title = (await detail.locator('h4').textContent()) ?? '';
  await page.getByRole('tab', { name: /评估反馈/ }).click();
  await page.getByTestId('eval-deck-open').click();
  const deck = page.getByTestId('deck');
  await expect(deck).toHaveAttribute('data-slide', 'overview');
  await page.keyboard.press('End');
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowLeft');
  await expect(deck).toHaveAttribute('data-slide', 'problems');
  const slide = page.getByTestId('problems-progress');
  await expect(slide).toContainText(title);
  await expect(slide).toContainText('进度 50%');
  await shots(page, 'problems-meeting');
});
