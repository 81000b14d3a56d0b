/**
 * Issue 16, item 3 end to end: on the dispatch desk the officer filters the list (one community,
 * one urgency), clicks 导出; the 导出任务 dialog shows the job with its progress until it is done;
 * 下载 saves an .xlsx that exceljs reads back with exactly the filtered rows (Chinese headers,
 * frozen header row, dates as dates). Screenshots of the jobs dialog at 1080p and 4K.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { api, shots, signIn } from './app-helpers';
import { openDesk } from './dispatch-helpers';

test('the filtered desk list exports in the background and the downloaded xlsx has its rows', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await signIn(page, '#dispatch');
  await openDesk(page);
  await page.getByTestId('queue-tab-all').click();

  const community = page.getByTestId('filter-community');
  const communityCode = await community.locator('option').nth(1).getAttribute('value');
  await community.selectOption(communityCode!);
  await page.getByTestId('filter-urgency').selectOption('P2');

  // The rows the desk shows for this filter, read through the API (the check, not the step).
  const expected: string[] = [];
  let cursor: string | null = null;
  do {
    const pageRows: { rows: Array<{ id: string }>; nextCursor: string | null } = await api(
      page,
      'orders.list',
      {
        communityCode,
        urgency: ['P2'],
        limit: 500,
        cursor,
      },
    );
    expected.push(...pageRows.rows.map((r) => r.id));
    cursor = pageRows.nextCursor;
  } while (cursor);
  expect(expected.length).toBeGreaterThan(0);

  await page.getByTestId('desk-export').click();
  const dialog = page.getByTestId('jobs-dialog');
  await expect(dialog).toBeVisible();
  const row = dialog.getByTestId('job-row').first();
  await expect(row).toContainText('工单台账');
  await expect(row.getByTestId('job-progress')).toBeVisible();
  await expect(row).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(row.getByTestId('job-progress')).toHaveAttribute('data-done', String(expected.length));
  await expect(row).toContainText('已完成');
  await shots(page, 'export-jobs');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByTestId('job-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^工单台账.*\.xlsx$/);
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.name).toBe('工单台账');
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  expect(headers.slice(0, 3)).toEqual(['编号', '标题', '状态']);
  expect(headers).toContain('受理时间');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const ids: string[] = [];
  ws.eachRow((r, i) => {
    if (i > 1) ids.push(String(r.getCell(1).value));
  });
  expect(ids).toEqual(expected);
  const urgencyCol = headers.indexOf('紧急程度') + 1;
  expect(ws.getRow(2).getCell(urgencyCol).value).toBe('一般');
  const receivedCol = headers.indexOf('受理时间') + 1;
  expect(ws.getRow(2).getCell(receivedCol).value).toBeInstanceOf(Date);

  // Esc closes the dialog; the header button stays.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('jobs-open')).toHaveText('导出任务');
});
