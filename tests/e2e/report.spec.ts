/**
 * Issue 16, item 3 end to end: 评估反馈 → 点评会报告 opens the month's report as a print-styled
 * page (figures, the composite chart, rankings, typical cases without personal data); printed by
 * Chromium (page.pdf, as 打印 / 存为 PDF does in the browser) it has its pages. Screenshots.
 */
import { expect, test } from '@playwright/test';
import { ARTIFACTS, shots, signIn } from './app-helpers';

test('the meeting report prints to a PDF with its pages', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await signIn(page, '#evaluation');
  await page.getByRole('tab', { name: /评估反馈/ }).click();
  await expect(page.getByTestId('panel-evaluation')).toBeVisible();
  const month = page.getByTestId('eval-month');
  const [y, m] = (await month.inputValue()).split('-').map(Number) as [number, number];
  await month.fill(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);

  await page.getByTestId('eval-report-open').click();
  const report = page.getByTestId('report');
  await expect(report).toHaveAttribute('data-ready', '1');
  await expect(report.locator('h1')).toContainText('接诉即办点评会报告');
  await expect(report).toContainText('模拟数据');
  await expect(page.getByTestId('report-chart').locator('rect').first()).toBeVisible();
  await expect(report.locator('.report-table').first().locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('report-cases').locator('li')).not.toHaveCount(0);
  // No citizen phone number anywhere in the report.
  // A mobile number is 11 digits on its own; other specs' order titles carry longer ms-timestamps.
  expect(await report.innerText()).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  await shots(page, 'report');

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(pages).toBeLessThanOrEqual(8);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${ARTIFACTS}report.pdf`, pdf);

  await page.getByTestId('report-close').click();
  await expect(report).toBeHidden();
});
