/**
 * Issue 14, item 1 end to end: a commander-level user opens 导入台账 from the header, chooses a small
 * 台账 .xlsx (made here with exceljs) with one bad row and a category the catalogue lacks, sees the
 * guessed columns and a preview, checks it (the bad row and the unknown category are named by row
 * and column; nothing is written and 开始导入 stays off), creates the unknown one as a 历史分类
 * and checks again, maps a 承办单位 the street's units do not know to one they do, skips the bad
 * row and imports the rest (each order under its unit), then imports the same file again:
 * nothing is added, and the 历史分类 is found by its name. Screenshots of each step at 1080p and 4K.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { api, shots, signIn } from './app-helpers';

const FROM = Date.UTC(2017, 11, 31, 16); // 2018-01-01 00:00 China time
const TO = Date.UTC(2018, 11, 31, 16);
/** A category of an older catalogue: created as a 历史分类 in the dialog. */
const OLD_CATEGORY = '门前三包（旧版）';
/** A demo unit as the 台账 writes it (spaces), and a unit by an older name: mapped in the dialog. */
const KNOWN_UNIT = '朝阳区城管执法局 双井执法队';
const OLD_UNIT = '双井街道城管科（已撤并）';

async function ledgerFile(): Promise<string> {
  const run = Math.random().toString(36).slice(2, 8);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2018年台账');
  ws.addRow(['工单编号', '受理时间', '诉求内容', '诉求分类', '办结时间', '满意度', '承办单位']);
  ws.addRow([
    `E2E-${run}-1`,
    '2018/3/5 09:12:00',
    '早市商贩占道经营堵塞通行',
    '占道经营',
    '2018/3/6 10:00',
    '满意',
    KNOWN_UNIT,
  ]);
  ws.addRow([
    `E2E-${run}-2`,
    '2018-04-11 15:40',
    '小区门口流动摊贩扰民',
    '街面秩序/流动摊贩',
    '2018-04-12 09:00',
    '基本满意',
    OLD_UNIT,
  ]);
  ws.addRow([`E2E-${run}-3`, 43250.4166666667, '垃圾两天没人清运', '垃圾清运不及时', 43251.5, '满意']);
  ws.addRow([`E2E-${run}-4`, '2018/13/45', '时间写错的一行', '路灯不亮', '', '']);
  ws.addRow([`E2E-${run}-5`, '2018年6月1日', '路灯晚上不亮', '路灯不亮', '2018年6月2日', '不满意']);
  ws.addRow([`E2E-${run}-6`, '2018/7/9 20:30', '门前堆放杂物无人管', OLD_CATEGORY, '2018/7/10 9:00', '满意']);
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-import-'));
  const file = path.join(dir, '历史台账.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function ordersIn2018(page: Parameters<typeof api>[0]): Promise<number> {
  const list = await api<{ total: number }>(page, 'orders.list', {
    receivedFrom: FROM,
    receivedTo: TO,
    limit: 1,
  });
  return list.total;
}

test('imports a 台账 .xlsx: the bad row named, nothing written until chosen, the same file twice adds nothing', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.addInitScript(() => localStorage.removeItem('hall.lang'));
  await signIn(page, '#evaluation');
  const file = await ledgerFile();
  const before = await ordersIn2018(page);

  await page.getByTestId('import-open').click();
  const dialog = page.getByRole('dialog', { name: '导入历史台账' });
  await expect(dialog).toBeVisible();
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-preview')).toContainText('早市商贩占道经营堵塞通行');
  await expect(page.getByTestId('import-file-info')).toContainText('Excel 工作簿');
  // Guessed from the Chinese headers.
  await expect(page.getByTestId('import-map-receivedAt')).toHaveValue('1');
  await expect(page.getByTestId('import-map-category')).toHaveValue('3');
  await expect(page.getByTestId('import-map-closedAt')).toHaveValue('4');
  await shots(page, 'import-mapping');

  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '共 6 行：可导入 4 行，已导入过 0 行，未通过 2 行',
  );
  await expect(page.getByTestId('import-errors').locator('li')).toHaveText([
    '第 5 行「受理时间」：无法识别的时间「2018/13/45」',
    `第 7 行「诉求分类」：分类「${OLD_CATEGORY}」不在分类目录中，请在下方指定对应分类或新建历史分类`,
  ]);
  await expect(page.getByTestId('import-run')).toBeDisabled();
  await shots(page, 'import-check');
  // The dry run wrote nothing.
  expect(await ordersIn2018(page)).toBe(before);

  // The unknown category has no counterpart: 新建历史分类 under a class, mapped at once.
  await page.getByTestId(`import-newcat-${OLD_CATEGORY}`).click();
  const form = page.getByTestId(`import-newcat-form-${OLD_CATEGORY}`);
  await expect(page.getByTestId('import-newcat-parent')).toBeFocused();
  await expect(page.getByTestId('import-newcat-name')).toHaveValue(OLD_CATEGORY);
  await page.getByTestId('import-newcat-parent').selectOption({ index: 1 });
  await shots(page, 'import-newcat');
  await page.getByTestId('import-newcat-create').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId(`import-catmap-${OLD_CATEGORY}`)).toHaveValue(/^\d{2}\.\d{2}\.9\d\d$/);
  await expect(page.getByTestId(`import-catmap-${OLD_CATEGORY}`).locator('option:checked')).toContainText(
    `${OLD_CATEGORY}（历史分类）`,
  );
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '共 6 行：可导入 5 行，已导入过 0 行，未通过 1 行',
  );
  // 承办单位: the demo unit's name is matched (spaces aside); the older one is listed, refuses
  // nothing, and is mapped to the street's 城管 unit by choosing it.
  await expect(page.getByTestId('import-unknown-units').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('import-unknown-units')).toContainText(OLD_UNIT);
  await page.getByTestId(`import-unitmap-${OLD_UNIT}`).selectOption({ label: '朝阳区城管执法局双井执法队' });
  await shots(page, 'import-units');

  await page.getByTestId('import-skip').check();
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-added', '5');
  await expect(page.getByTestId('import-result')).toContainText('新增 5 条历史工单');
  await shots(page, 'import-done');
  expect(await ordersIn2018(page)).toBe(before + 5);
  const unitOf = async (q: string): Promise<string | null | undefined> =>
    (
      await api<{ rows: Array<{ unitId: string | null }> }>(page, 'orders.list', {
        q,
        receivedFrom: FROM,
        receivedTo: TO,
        limit: 1,
      })
    ).rows[0]?.unitId;
  const cg = await unitOf('早市商贩占道经营堵塞通行');
  expect(cg).toMatch(/\S/);
  expect(await unitOf('小区门口流动摊贩扰民')).toBe(cg);
  expect(await unitOf('垃圾两天没人清运')).toBeNull();

  // The same file again: everything is already there.
  await page.getByTestId('import-another').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-check').click();
  // The 历史分类 is now found by its name: only the bad row is left.
  await expect(page.getByTestId('import-summary')).toHaveText(
    '共 6 行：可导入 0 行，已导入过 5 行，未通过 1 行',
  );
  await expect(page.getByTestId('import-unknown')).toHaveCount(0);
  // Nothing to import: the button stays off.
  await page.getByTestId('import-skip').check();
  await expect(page.getByTestId('import-run')).toBeDisabled();
  expect(await ordersIn2018(page)).toBe(before + 5);

  await page.getByTestId('import-close').click();
  await expect(dialog).toBeHidden();
});
