/**
 * A big 台账 imports in the background (issue 14, item 1): the commander starts it, sees its rows
 * and the time left, sends it to the background with 在后台继续, works on another panel while the
 * header's 导入台账 button shows the percentage, looks in on it again (Esc sends it back), and
 * once it has ended the header says so and opens on its result. On a host and store of its own:
 * 200,000 history rows would otherwise be in the statistics and the learning of the other specs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loginThroughScreen } from './accounts';
import { shots } from './app-helpers';
import { startDemoHost, type HostState } from './global-setup';
import { stopHost } from './global-teardown';

/**
 * Enough that the import runs ~25 s here: ~8,000 rows/s on this spec’s small store beside the
 * browser (nobody files orders meanwhile, so its transactions are long: history-writer.ts).
 */
const ROWS = 200_000;
const FROM = Date.UTC(2015, 11, 31, 16); // 2016-01-01 00:00 China time
const ROW_EVERY_MS = 150_000;
const TEN_DAYS_MS = 10 * 86_400_000;
const KINDS = [
  ['占道经营', '早市商贩占道经营堵塞通行'],
  ['垃圾清运不及时', '垃圾两天没人清运'],
  ['路灯不亮', '路灯晚上不亮'],
] as const;

/** A 2016 台账 of ROWS closed orders as UTF-8 CSV, one every ~2.5 minutes. */
function bigLedger(): string {
  const lines = ['受理时间,诉求内容,诉求分类,办结时间'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = (ms: number) => {
    const d = new Date(ms + 8 * 3_600_000);
    return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };
  for (let i = 0; i < ROWS; i++) {
    const t = FROM + i * ROW_EVERY_MS;
    const [category, text] = KINDS[i % KINDS.length] as (typeof KINDS)[number];
    lines.push(`${at(t)},${text}（第${i + 1}件）,${category},${at(t + 86_400_000)}`);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hall-import-big-')), '2016年台账.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

let host: HostState | null = null;
test.afterAll(async () => {
  if (host) await stopHost(host);
});

test('a big 台账 imports in the background: 在后台继续, the header shows its progress, then opens on its result', async ({
  page,
}) => {
  test.setTimeout(600_000);
  host = await startDemoHost(3);
  const file = bigLedger();
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await page.goto(host.url);
  await loginThroughScreen(page);
  // orders.list counts up to 10,000: count the first ten days, 576 rows a day.
  const inFirstTenDays = async (): Promise<number> => {
    const res = await page.request.post(`${host?.url}api/orders.list`, {
      data: { receivedFrom: FROM, receivedTo: FROM + TEN_DAYS_MS - 1, limit: 1 },
    });
    return ((await res.json()) as { data: { total: number } }).data.total;
  };
  expect(await inFirstTenDays()).toBe(0);

  const open = page.getByTestId('import-open');
  await expect(open).toHaveText('导入台账');
  await open.click();
  const dialog = page.getByRole('dialog', { name: '导入历史台账' });
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-file-info')).toContainText('CSV');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toHaveText(
    `共 ${ROWS} 行：可导入 ${ROWS} 行，已导入过 0 行，未通过 0 行`,
    { timeout: 60_000 },
  );
  await page.getByTestId('import-run').click();

  // Rows as they are written, and after two seconds the time left at the rate so far.
  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText(new RegExp(`正在导入… [\\d,]+ / ${ROWS.toLocaleString('en')} 行`));
  await expect(progress).toContainText(/约 (\d+ 分 )?\d+ 秒后完成/);
  const seen = Number(await progress.getAttribute('data-done'));

  // To the background: the dialog goes, the header counts, the app is free to use.
  await page.getByTestId('import-background').click();
  await expect(dialog).toBeHidden();
  await expect(open).toHaveAttribute('data-import', 'running');
  await expect(open).toHaveText(/^导入台账 \d+%$/);
  await page.getByRole('tab', { name: /分析研判/ }).click();
  await expect(page.getByRole('tab', { name: /分析研判/ })).toHaveAttribute('aria-selected', 'true');
  await shots(page, 'import-background');

  // Looked in on again: the same import, further on; Esc sends it back.
  await open.click();
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('import-cancel')).toBeEnabled();
  await expect
    .poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 30_000 })
    .toBeGreaterThan(seen);
  await shots(page, 'import-running');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Ended while nobody looked: the header says so and opens on the result.
  await expect(open).toHaveAttribute('data-import', 'done', { timeout: 300_000 });
  await expect(open).toHaveText('导入台账 · 已结束');
  await open.click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-added', String(ROWS));
  await expect(page.getByTestId('import-result')).toContainText(`新增 ${ROWS} 条历史工单`);
  expect(await inFirstTenDays()).toBe(TEN_DAYS_MS / ROW_EVERY_MS);
  await page.getByTestId('import-finish').click();
  await expect(dialog).toBeHidden();
  await expect(open).toHaveText('导入台账');
  await expect(open).toHaveAttribute('data-import', 'none');
});
