/**
 * Issue 16, item 4 end to end: 评估反馈 → 会议模式 builds a deck from the month's data (overview,
 * three rates, rankings, hotspots, three typical cases without personal data); the keyboard and a
 * clicker's PageUp/PageDown step through it; Esc leaves. Screenshots at 1080p and 4K.
 */
import { expect, test } from '@playwright/test';
import { shots, signIn } from './app-helpers';

test('meeting mode steps through its slides with the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await signIn(page, '#evaluation');
  await page.getByRole('tab', { name: /评估反馈/ }).click();
  const month = page.getByTestId('eval-month');
  const [y, m] = (await month.inputValue()).split('-').map(Number) as [number, number];
  await month.fill(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);
  await page.getByTestId('eval-deck-open').click();

  const deck = page.getByTestId('deck');
  await expect(deck).toHaveAttribute('data-slide', 'overview');
  await expect(deck).toHaveAttribute('data-count', '9');
  await expect(page.getByTestId('deck-slide')).toContainText('接诉即办总体情况');
  await expect(deck).toContainText('模拟数据');
  await shots(page, 'meeting');

  await page.keyboard.press('ArrowRight');
  await expect(deck).toHaveAttribute('data-slide', 'rates');
  await page.keyboard.press('PageDown');
  await expect(deck).toHaveAttribute('data-slide', 'units');
  await expect(page.getByTestId('deck-slide').locator('li').first()).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(deck).toHaveAttribute('data-slide', 'rates');
  // 每月一题 progress has its slide before the typical cases.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(deck).toHaveAttribute('data-slide', 'problems');
  await expect(page.getByTestId('problems-progress')).toBeVisible();
  await page.keyboard.press('End');
  await expect(deck).toHaveAttribute('data-slide', 'case-3');
  expect(await page.getByTestId('deck-slide').innerText()).not.toMatch(/1[3-9]\d{9}/);
  await page.keyboard.press('ArrowRight');
  await expect(deck).toHaveAttribute('data-slide', 'case-3');
  await page.keyboard.press('Home');
  await expect(deck).toHaveAttribute('data-slide', 'overview');
  await page.keyboard.press('Escape');
  await expect(deck).toBeHidden();
});
