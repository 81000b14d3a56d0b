/**
 * 部件导入 end to end (issue 14 item 5): the admin opens the dialog from the header and uploads a
 * small CSV with a bad row → the refusal names the row and the column and nothing is added; the
 * fixed file → added; the same file again → nothing added (already present).
 */
import { expect, test } from '@playwright/test';
import { api, defaultLanguagePerTest, shots, signIn } from './app-helpers';

defaultLanguagePerTest();

test('an admin imports 部件 from CSV: a bad row refuses the file, the same file twice adds nothing', async ({
  page,
}) => {
  await signIn(page, '#evaluation');
  const snap = await api<{ street: { boundary: Array<[number, number]> } | null }>(
    page,
    'reference.snapshot',
    {},
  );
  const ring = snap.street?.boundary ?? [];
  if (ring.length === 0) throw new Error('no street boundary in the demo');
  const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const token = Date.now().toString(36).toUpperCase();
  const code = (n: number) => `JG-E2E${token}-${n}`;
  const csv = (kind2: string) =>
    [
      '编号,类型,名称,经度,纬度',
      `${code(1)},井盖,测试井盖一,${lng.toFixed(6)},${lat.toFixed(6)}`,
      `${code(2)},${kind2},测试井盖二,${(lng + 0.0002).toFixed(6)},${lat.toFixed(6)}`,
    ].join('\n');
  const file = (text: string) => ({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  const found = async () =>
    (await api<Array<{ code: string }>>(page, 'assets.find', { q: `JG-E2E${token}` })).length;

  await page.getByTestId('asset-import-open').click();
  const dialog = page.getByRole('dialog', { name: '部件导入' });
  await expect(dialog).toBeVisible();

  // A bad kind in data row 2: refused with its row and column, nothing taken.
  await page.getByTestId('asset-import-file').setInputFiles(file(csv('飞碟')));
  const refusal = page.getByTestId('asset-import-row-error');
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toContainText('第 2 行');
  await expect(refusal).toContainText('类型');
  await expect(page.getByTestId('asset-import-refused')).toContainText('未导入任何部件');
  await shots(page, 'assets-import-refused');
  expect(await found()).toBe(0);

  // Fixed: both added.
  await page.getByTestId('asset-import-file').setInputFiles(file(csv('井盖')));
  const result = page.getByTestId('asset-import-result');
  await expect(result).toContainText('新增 2 个');
  await expect(page.getByTestId('asset-import-refused')).toHaveCount(0);
  expect(await found()).toBe(2);

  // The same file again: nothing added.
  await page.getByTestId('asset-import-file').setInputFiles(file(csv('井盖')));
  await expect(result).toContainText('新增 0 个');
  await expect(result).toContainText('已存在未变 2 个');
  await shots(page, 'assets-import-done');
  expect(await found()).toBe(2);
});
